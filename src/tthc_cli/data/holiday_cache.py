"""Vietnam's holiday tables kept in the cache folder: computing them (importing `holidays` and its
lunar calendar) costs ~85 ms, more than a whole cached query."""

from __future__ import annotations

import json
import os
from datetime import date

from tthc_cli.data.cache import holiday_file, read_private, write_private
from tthc_cli.domain.calendar import WorkingDays, vietnam_holidays


def holidays_stamp() -> str | None:
    import importlib.util

    spec = importlib.util.find_spec("holidays")
    if spec is None or spec.origin is None:
        return None
    st = os.stat(os.path.join(os.path.dirname(spec.origin), "version.py"))
    return f"{st.st_size}-{st.st_mtime_ns}"


def working_days(base: str | None) -> WorkingDays:
    """Vietnam's working days, the holiday tables read from (and saved to) the cache folder `base`
    when this very `holidays` package computed them before; computed when `base` is None."""
    stamp = holidays_stamp()
    if base is None or stamp is None:
        return WorkingDays(vietnam_holidays)

    def tables(year: int) -> frozenset[date]:
        path = os.path.join(base, holiday_file(year, stamp))
        body = read_private(path)
        if body is not None:
            try:
                days = frozenset(date.fromisoformat(d) for d in json.loads(body))
                if len(days) <= 60 and all(d.year == year for d in days):
                    return days
            except Exception:  # any doubt about a cache means computing again
                pass
        days = vietnam_holidays(year)
        write_private(path, json.dumps(sorted(d.isoformat() for d in days)).encode())
        return days

    return WorkingDays(tables)
