"""The time module's calendar half, loaded on first use by the native time module's
__getattr__: struct_time, gmtime, localtime, mktime, asctime, ctime, strftime, strptime and
the timezone constants. The clock is the simulated one (time.time()); the zone is UTC,
or the fixed offset the run was given (time._utcoffset(), seconds east of UTC)."""
import time as _t

_DAY_ABBR = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_DAY_NAME = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MON_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_MON_NAME = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
_FIELDS = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst")

_OFFSET = _t._utcoffset()


def _zone_name(offset):
    if offset == 0:
        return "UTC"
    sign = "+" if offset > 0 else "-"
    offset = abs(offset)
    text = "%s%02d" % (sign, offset // 3600)
    if offset % 3600:
        text += "%02d" % (offset % 3600 // 60)
    return text


_ZONE = _zone_name(_OFFSET)
timezone = -_OFFSET
altzone = -_OFFSET
daylight = 0
tzname = (_ZONE, _ZONE)


class struct_time:
    """The time value returned by gmtime(), localtime() and strptime()."""

    n_fields = 11
    n_sequence_fields = 9
    n_unnamed_fields = 0

    def __init__(self, seq, zone=None, gmtoff=None):
        values = tuple(seq)
        if len(values) < 9:
            raise TypeError("time.struct_time() takes an at least 9-sequence (%d-sequence given)" % len(values))
        if len(values) > 11:
            raise TypeError("time.struct_time() takes an at most 11-sequence (%d-sequence given)" % len(values))
        self._values = values[:9]
        self.tm_year, self.tm_mon, self.tm_mday, self.tm_hour, self.tm_min, self.tm_sec, \
            self.tm_wday, self.tm_yday, self.tm_isdst = self._values
        self.tm_zone = values[9] if len(values) > 9 else zone
        self.tm_gmtoff = values[10] if len(values) > 10 else gmtoff

    def __repr__(self):
        parts = ", ".join("%s=%r" % (name, value) for name, value in zip(_FIELDS, self._values))
        return "time.struct_time(" + parts + ")"

    def __len__(self):
        return 9

    def __getitem__(self, index):
        return self._values[index]

    def __iter__(self):
        return iter(self._values)

    def __eq__(self, other):
        if isinstance(other, struct_time):
            return self._values == other._values
        if isinstance(other, tuple):
            return self._values == other
        return NotImplemented

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __lt__(self, other):
        return self._values < tuple(other)

    def __le__(self, other):
        return self._values <= tuple(other)

    def __gt__(self, other):
        return self._values > tuple(other)

    def __ge__(self, other):
        return self._values >= tuple(other)

    def __hash__(self):
        return hash(self._values)

    def __add__(self, other):
        return self._values + other

    def count(self, value):
        return self._values.count(value)

    def index(self, value):
        return self._values.index(value)


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


_DAYS_BEFORE = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]


def _yday(year, month, day):
    return _DAYS_BEFORE[month - 1] + day + (1 if month > 2 and _is_leap(year) else 0)


def _days_from_civil(year, month, day):
    """_days_from_civil is the number of days from 1970-01-01 to the date."""
    y = year - (1 if month <= 2 else 0)
    era = y // 400
    yoe = y - era * 400
    mp = (month + 9) % 12
    doy = (153 * mp + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _civil_from_days(z):
    z += 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return (y + 1 if m <= 2 else y), m, d


def _seconds(secs, fn):
    if secs is None:
        return int(_t.time() // 1)
    if isinstance(secs, float):
        if secs != secs:
            raise ValueError("Invalid value NaN (not a number)")
        return int(secs // 1)
    if isinstance(secs, int):
        return secs
    raise TypeError("'%s' object cannot be interpreted as an integer" % type(secs).__name__)


def _breakdown(secs, offset, zone):
    days, rem = divmod(secs + offset, 86400)
    year, month, day = _civil_from_days(days)
    hour, rem = divmod(rem, 3600)
    minute, second = divmod(rem, 60)
    wday = (days + 3) % 7
    return struct_time((year, month, day, hour, minute, second, wday, _yday(year, month, day), 0), zone, offset)


def gmtime(secs=None):
    """gmtime([seconds]) -> struct_time in UTC."""
    return _breakdown(_seconds(secs, "gmtime"), 0, "UTC")


def localtime(secs=None):
    """localtime([seconds]) -> struct_time in the run's time zone (UTC by default)."""
    return _breakdown(_seconds(secs, "localtime"), _OFFSET, _ZONE)


def _tuple(t, fn):
    if isinstance(t, struct_time):
        return t._values
    if not isinstance(t, tuple):
        raise TypeError("Tuple or struct_time argument required")
    if len(t) != 9:
        raise TypeError("%s(): illegal time tuple argument" % fn)
    for v in t:
        if not isinstance(v, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    return t


def mktime(t):
    """mktime(tuple) -> floating point seconds since the Epoch, from local time."""
    year, month, day, hour, minute, second = _tuple(t, "mktime")[:6]
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    days = _days_from_civil(year, month, 1) + day - 1
    return float(days * 86400 + hour * 3600 + minute * 60 + second - _OFFSET)


def _checked(t, fn):
    values = list(_tuple(t, fn))
    year, month, day, hour, minute, second, wday, yday, isdst = values
    if month == 0:
        values[1] = 1
    elif not 1 <= month <= 12:
        raise ValueError("month out of range")
    if day == 0:
        values[2] = 1
    elif not 1 <= day <= 31:
        raise ValueError("day of month out of range")
    if not 0 <= hour <= 23:
        raise ValueError("hour out of range")
    if not 0 <= minute <= 59:
        raise ValueError("minute out of range")
    if not 0 <= second <= 61:
        raise ValueError("seconds out of range")
    if wday < 0:
        raise ValueError("day of week out of range")
    values[6] = wday % 7
    if yday == 0:
        values[7] = 1
    elif not 1 <= yday <= 366:
        raise ValueError("day of year out of range")
    if isdst < -1:
        values[8] = -1
    elif isdst > 1:
        values[8] = 1
    return values


def asctime(t=None):
    """asctime([tuple]) -> 'Mon Jan  1 00:00:00 2024'."""
    v = _checked(localtime() if t is None else t, "asctime")
    return "%s %s %2d %02d:%02d:%02d %d" % (_DAY_ABBR[v[6]], _MON_ABBR[v[1] - 1], v[2], v[3], v[4], v[5], v[0])


def ctime(secs=None):
    """ctime(seconds) -> asctime(localtime(seconds))."""
    return asctime(localtime(secs))


def _iso_week(year, yday, wday):
    week = (yday - 1 - wday + 10) // 7
    if week < 1:
        year -= 1
        week = _iso_weeks_in(year)
    elif week > _iso_weeks_in(year):
        year += 1
        week = 1
    return year, week


def _iso_weeks_in(year):
    jan1 = (_days_from_civil(year, 1, 1) + 3) % 7
    return 53 if jan1 == 3 or (jan1 == 2 and _is_leap(year)) else 52


def _directive(c, v, zone, gmtoff):
    """_directive is (text, numeric width) for one strftime conversion, or None if unknown."""
    year, month, day, hour, minute, second, wday, yday = v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]
    sunday_wday = (wday + 1) % 7
    if c == "Y":
        return str(year), 0
    if c == "m":
        return "%02d" % month, 2
    if c == "d":
        return "%02d" % day, 2
    if c == "H":
        return "%02d" % hour, 2
    if c == "M":
        return "%02d" % minute, 2
    if c == "S":
        return "%02d" % second, 2
    if c == "y":
        return "%02d" % (year % 100), 2
    if c == "a":
        return _DAY_ABBR[wday], -1
    if c == "A":
        return _DAY_NAME[wday], -1
    if c == "b" or c == "h":
        return _MON_ABBR[month - 1], -1
    if c == "B":
        return _MON_NAME[month - 1], -1
    if c == "p":
        return ("AM" if hour < 12 else "PM"), -1
    if c == "P":
        return ("am" if hour < 12 else "pm"), -1
    if c == "I":
        return "%02d" % ((hour + 11) % 12 + 1), 2
    if c == "l":
        return "%2d" % ((hour + 11) % 12 + 1), 2
    if c == "k":
        return "%2d" % hour, 2
    if c == "e":
        return "%2d" % day, 2
    if c == "j":
        return "%03d" % yday, 3
    if c == "U":
        return "%02d" % ((yday - 1 + 7 - sunday_wday) // 7), 2
    if c == "W":
        return "%02d" % ((yday - 1 + 7 - wday) // 7), 2
    if c == "V":
        return "%02d" % _iso_week(year, yday, wday)[1], 2
    if c == "G":
        return str(_iso_week(year, yday, wday)[0]), 0
    if c == "g":
        return "%02d" % (_iso_week(year, yday, wday)[0] % 100), 2
    if c == "w":
        return str(sunday_wday), 1
    if c == "u":
        return str(wday + 1), 1
    if c == "C":
        return "%02d" % (year // 100), 2
    if c == "c":
        return "%s %s %2d %02d:%02d:%02d %d" % (_DAY_ABBR[wday], _MON_ABBR[month - 1], day, hour, minute, second, year), -1
    if c == "x" or c == "D":
        return "%02d/%02d/%02d" % (month, day, year % 100), -1
    if c == "X" or c == "T":
        return "%02d:%02d:%02d" % (hour, minute, second), -1
    if c == "R":
        return "%02d:%02d" % (hour, minute), -1
    if c == "r":
        return "%02d:%02d:%02d %s" % ((hour + 11) % 12 + 1, minute, second, "AM" if hour < 12 else "PM"), -1
    if c == "F":
        return "%d-%02d-%02d" % (year, month, day), -1
    if c == "s":
        return str(int(mktime(tuple(v)))), 0
    if c == "Z":
        return zone, -1
    if c == "z":
        sign = "-" if gmtoff < 0 else "+"
        gmtoff = abs(gmtoff)
        return "%s%02d%02d" % (sign, gmtoff // 3600, gmtoff % 3600 // 60), -1
    if c == "n":
        return "\n", -1
    if c == "t":
        return "\t", -1
    if c == "%":
        return "%", -1
    return None


def strftime(format, t=None):
    """strftime(format[, tuple]) -> string, with the C library's directives."""
    if not isinstance(format, str):
        raise TypeError("strftime() argument 1 must be str, not %s" % type(format).__name__)
    if t is None:
        t = localtime()
    zone, gmtoff = _ZONE, _OFFSET
    if isinstance(t, struct_time) and t.tm_zone is not None:
        zone, gmtoff = t.tm_zone, t.tm_gmtoff
    v = _checked(t, "strftime")
    out = []
    i = 0
    n = len(format)
    while i < n:
        ch = format[i]
        if ch != "%" or i + 1 >= n:
            out.append(ch)
            i += 1
            continue
        j = i + 1
        flag = ""
        if format[j] in "-_0^#":
            flag = format[j]
            j += 1
            if j >= n:
                out.append(format[i:])
                break
        r = _directive(format[j], v, zone, gmtoff)
        if r is None:
            out.append(format[i:j + 1])
        else:
            text, width = r
            if flag == "-" and width > 0:
                text = text.lstrip("0 ") or "0"
            elif flag == "_" and width > 0:
                text = text.lstrip("0 ").rjust(width) if text.lstrip("0 ") else "0".rjust(width)
            elif flag == "0" and width > 0:
                text = text.replace(" ", "0")
            elif flag == "^":
                text = text.upper()
            out.append(text)
        i = j + 1
    return "".join(out)


def strptime(string, format="%a %b %d %H:%M:%S %Y"):
    """strptime(string, format) -> struct_time, parsing the time string by the format."""
    import _strptime
    return _strptime._strptime_time(string, format)


def get_clock_info(name):
    """get_clock_info(name) -> a namespace describing the simulated clock."""
    if name not in ("time", "monotonic", "perf_counter", "process_time", "thread_time"):
        raise ValueError("unknown clock")
    return _ClockInfo(name)


class _ClockInfo:
    def __init__(self, name):
        self.implementation = "simulated"
        self.monotonic = name != "time"
        self.adjustable = name == "time"
        self.resolution = 1e-09

    def __repr__(self):
        return "namespace(implementation=%r, monotonic=%r, adjustable=%r, resolution=%r)" % (
            self.implementation, self.monotonic, self.adjustable, self.resolution)


# The functions behave as built-ins do when stored on a class (Formatter.converter = time.gmtime): no binding.
gmtime = staticmethod(gmtime)
localtime = staticmethod(localtime)
mktime = staticmethod(mktime)
asctime = staticmethod(asctime)
ctime = staticmethod(ctime)
strftime = staticmethod(strftime)
strptime = staticmethod(strptime)
get_clock_info = staticmethod(get_clock_info)
