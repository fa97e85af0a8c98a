# datetime: strftime, strptime, isoformat, fromisoformat and format specs
from datetime import date, datetime, timedelta, timezone

dt = datetime(2024, 7, 4, 15, 8, 9, 123456)
print(dt.isoformat(), dt.isoformat(sep=" ", timespec="seconds"), str(dt))
print(dt.strftime("%Y-%m-%d %H:%M:%S.%f"), dt.strftime("%A, %B %d, %Y at %I:%M %p"))
print(dt.strftime("%a %b %e %j %U %W %y %%"), f"{dt:%d/%m/%Y}", "{:%H:%M}".format(dt))
print(format(date(2024, 12, 25), "%A"), date(2024, 12, 25).strftime("%d %b %Y"))
print(datetime.strptime("2024-02-03 04:05", "%Y-%m-%d %H:%M"))
print(repr(datetime.strptime("03/Feb/2024:04:05:06 +0100", "%d/%b/%Y:%H:%M:%S %z")))
print(datetime.strptime("2024-02-03T04:05:06.5", "%Y-%m-%dT%H:%M:%S.%f").microsecond)
print(datetime.fromisoformat("2024-05-06T07:08:09.123456+02:00"), repr(datetime.fromisoformat("2024-05-06")))
print(date.fromisoformat("2024-05-06"), datetime(2024, 1, 1, tzinfo=timezone(timedelta(hours=-5))).isoformat())
try:
    datetime.strptime("2024/01/01", "%Y-%m-%d")
except ValueError as e:
    print(e)
