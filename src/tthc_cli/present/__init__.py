"""What people read: labels in their language, tables (text, Markdown, CSV, JSON), the terminal,
reports and briefs from the Jinja templates, calendar and spreadsheet exports."""
