# datetime.now(), today() and fromtimestamp read the simulated wall clock, which starts at 2024-01-01 00:00:00 UTC
# clock: datetime
# elapsed: 1.5
import time
from datetime import date, datetime, timedelta, timezone

start = datetime.now()
print(start.replace(microsecond=0), date.today(), datetime.now(timezone.utc).replace(microsecond=0))
time.sleep(1.5)
elapsed = datetime.now() - start
print(round(elapsed.total_seconds(), 1), elapsed > timedelta(seconds=1))
print(datetime.fromtimestamp(time.time()).strftime("%H:%M:%S"), datetime.utcnow().strftime("%Y-%m-%d %H:%M"))
print(datetime.fromtimestamp(1704067200 + 3600), date.fromtimestamp(1704067200))
