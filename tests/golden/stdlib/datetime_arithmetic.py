# datetime: date, time, datetime, timedelta arithmetic, comparisons, str/repr, replace, weekday and isocalendar
from datetime import date, datetime, time, timedelta, timezone

d = datetime(2024, 1, 1, 0, 0)
print(repr(d), d, d + timedelta(seconds=3))
print(repr(timedelta(seconds=3)), timedelta(seconds=3), timedelta(days=1, hours=3) * 2)
print(timedelta(hours=-1), repr(timedelta(hours=-1)), timedelta(minutes=90).total_seconds())
print(timedelta(weeks=1, milliseconds=5), abs(timedelta(days=-2)), timedelta(days=3) // timedelta(hours=5))
birthday = date(1990, 7, 14)
today = date(2024, 3, 15)
age = today.year - birthday.year - ((today.month, today.day) < (birthday.month, birthday.day))
print(f"age {age}", today - birthday, (today - birthday).days)
print(today.weekday(), today.isoweekday(), today.isocalendar(), today.isocalendar().week, today.isoformat())
print(today.replace(day=1), today.toordinal(), date.fromordinal(738960), today.ctime())
print(date(2024, 3, 1) - date(2023, 3, 1), sorted([date(2024, 1, 3), date(2023, 1, 1)]))
t = time(14, 30, 5, 120)
print(repr(t), t, t.isoformat(timespec="minutes"), t.replace(hour=9), t.hour, t.minute)
meeting = datetime(2024, 5, 17, 9, 30)
print(meeting + timedelta(hours=1, minutes=45), meeting - datetime(2024, 5, 1), meeting > d, meeting == datetime(2024, 5, 17, 9, 30))
print(meeting.date(), meeting.time(), datetime.combine(date(2024, 1, 1), time(12)), meeting.timetuple().tm_yday)
print({d: "new year"}[datetime(2024, 1, 1)], max(d, meeting), d.weekday())
aware = datetime(2024, 1, 1, 12, tzinfo=timezone.utc)
print(repr(aware), aware, aware.timestamp(), repr(timezone.utc), timezone(timedelta(hours=2)))
plus2 = aware.astimezone(timezone(timedelta(hours=2), "CEST"))
print(plus2, plus2.tzname(), plus2.utcoffset(), plus2 == aware)
print(datetime.fromtimestamp(0, timezone.utc), datetime.utcfromtimestamp(86400 * 365))
for bad in [lambda: date(2024, 2, 30), lambda: datetime(2024, 13, 1), lambda: time(25), lambda: d < aware, lambda: d - aware]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
