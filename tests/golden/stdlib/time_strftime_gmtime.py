# time.gmtime, localtime, strftime directives, asctime, ctime, mktime and struct_time on fixed instants
import time

t = time.gmtime(1704067200)
print(t)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_wday, t.tm_yday, t[0], t[:3], len(t))
print(tuple(time.localtime(0)))
print(time.gmtime(1709251199.9))
moment = (2023, 12, 31, 13, 5, 9, 6, 365, 0)
for fmt in ["%Y-%m-%d %H:%M:%S", "%a %A %b %B", "%p %I", "%j %U %W %w", "%y %Z %z", "%c", "%x", "%X",
            "%%", "%D %F %T %R %e", "%G-W%V-%u", "%-d/%-m %-I%p"]:
    print(repr(fmt), "->", repr(time.strftime(fmt, moment)))
print(time.strftime("%A, %d. %B %Y %I:%M%p", time.gmtime(1719835200)))
print(time.asctime(moment), time.ctime(0), time.ctime(1704067200))
print(time.mktime(time.localtime(1704067200)), time.mktime((2024, 2, 30, 0, 0, 0, 0, 0, 0)))
print(time.localtime(1704067200) == time.gmtime(1704067200), time.timezone, time.altzone, time.daylight)
for bad in [(2024, 13, 1, 0, 0, 0, 0, 1, 0), (2024, 1, 1, 24, 0, 0, 0, 1, 0), 5, (2024, 1)]:
    try:
        time.strftime("%Y", bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    time.nosuch
except AttributeError as e:
    print(e)
