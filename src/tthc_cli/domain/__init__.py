"""The plan and its rules, as values: items, units and groups, deadlines and working days, status,
queries. No files, no clock, no environment: whatever varies is an argument."""
