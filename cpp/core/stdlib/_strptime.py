"""strptime for time and datetime: parses a string by a format with the C locale's
names, as CPython's _strptime does, without regular expressions. Whitespace in the format
matches any run of whitespace; numbers take at most their directive's width."""
import _pytime

_WIDTH = {"d": 2, "m": 2, "H": 2, "I": 2, "M": 2, "S": 2, "y": 2, "Y": 4, "j": 3, "f": 6,
          "U": 2, "W": 2, "w": 1, "u": 1, "V": 2, "G": 4, "e": 2}
_RANGE = {"d": (1, 31), "e": (1, 31), "m": (1, 12), "H": (0, 23), "I": (1, 12), "M": (0, 59), "S": (0, 61),
          "j": (1, 366), "U": (0, 53), "W": (0, 53), "w": (0, 6), "u": (1, 7), "V": (1, 53)}
_NAMES = {"a": _pytime._DAY_ABBR, "A": _pytime._DAY_NAME, "b": _pytime._MON_ABBR,
          "B": _pytime._MON_NAME, "h": _pytime._MON_ABBR}
_EXPAND = {"c": "%a %b %d %H:%M:%S %Y", "x": "%m/%d/%y", "X": "%H:%M:%S", "D": "%m/%d/%y",
           "T": "%H:%M:%S", "R": "%H:%M", "F": "%Y-%m-%d", "r": "%I:%M:%S %p"}


def _expand(format):
    out = []
    i = 0
    while i < len(format):
        if format[i] == "%" and i + 1 < len(format) and format[i + 1] in _EXPAND:
            out.append(_EXPAND[format[i + 1]])
            i += 2
        elif format[i] == "%" and i + 1 < len(format):
            out.append(format[i:i + 2])
            i += 2
        else:
            out.append(format[i])
            i += 1
    return "".join(out)


def _parse(data, format):
    """_parse returns a dict of directive -> raw value, or raises ValueError."""
    if not isinstance(data, str):
        raise TypeError("strptime() argument 0 must be str, not %s" % type(data).__name__)
    if not isinstance(format, str):
        raise TypeError("strptime() argument 1 must be str, not %s" % type(format).__name__)
    fmt = _expand(format)
    found = {}
    pos = 0
    i = 0
    n = len(data)

    def fail():
        raise ValueError("time data %r does not match format %r" % (data, format))

    while i < len(fmt):
        c = fmt[i]
        if c.isspace():
            while i < len(fmt) and fmt[i].isspace():
                i += 1
            if pos >= n or not data[pos].isspace():
                fail()
            while pos < n and data[pos].isspace():
                pos += 1
            continue
        if c != "%":
            if pos >= n or data[pos].lower() != c.lower():
                fail()
            pos += 1
            i += 1
            continue
        if i + 1 >= len(fmt):
            raise ValueError("stray % in format '%s'" % format)
        d = fmt[i + 1]
        i += 2
        if d == "%":
            if pos >= n or data[pos] != "%":
                fail()
            pos += 1
        elif d in _WIDTH:
            if d == "e" and pos < n and data[pos] == " ":
                pos += 1
            start = pos
            limit = min(n, pos + _WIDTH[d])
            while pos < limit and data[pos].isdigit():
                pos += 1
            low, high = _RANGE.get(d, (0, None))
            while pos > start and high is not None and not low <= int(data[start:pos]) <= high:
                pos -= 1
            if pos == start or (d in "YG" and pos - start != 4):
                fail()
            found[d] = data[start:pos]
        elif d in _NAMES:
            names = _NAMES[d]
            best = -1
            for k in range(len(names)):
                name = names[k]
                if data[pos:pos + len(name)].lower() == name.lower() and (best < 0 or len(name) > len(names[best])):
                    best = k
            if best < 0:
                fail()
            pos += len(names[best])
            found["A" if d in "aA" else "B"] = best
        elif d == "p":
            word = data[pos:pos + 2].upper()
            if word not in ("AM", "PM"):
                fail()
            found["p"] = word
            pos += 2
        elif d == "z":
            if data[pos:pos + 1] == "Z":
                found["z"] = 0
                pos += 1
                continue
            if pos >= n or data[pos] not in "+-":
                fail()
            sign = -1 if data[pos] == "-" else 1
            pos += 1
            digits = ""
            parts = []
            while len(parts) < 4:
                start = pos
                while pos < n and data[pos].isdigit() and pos - start < 2:
                    pos += 1
                if pos - start != 2:
                    if parts and len(parts) >= 2 and pos == start:
                        break
                    fail()
                parts.append(int(data[start:pos]))
                if len(parts) == 3 and pos < n and data[pos] == ".":
                    pos += 1
                    start = pos
                    while pos < n and data[pos].isdigit():
                        pos += 1
                    digits = data[start:pos]
                    break
                if pos < n and data[pos] == ":":
                    pos += 1
                elif len(parts) >= 2 and not (pos < n and data[pos].isdigit()):
                    break
            if len(parts) < 2:
                fail()
            seconds = parts[0] * 3600 + parts[1] * 60 + (parts[2] if len(parts) > 2 else 0)
            found["z"] = sign * seconds
            found["z_us"] = sign * int((digits + "000000")[:6]) if digits else 0
        elif d == "Z":
            for zone in ("UTC", "GMT", _pytime._ZONE):
                if data[pos:pos + len(zone)].upper() == zone.upper():
                    found["Z"] = zone
                    pos += len(zone)
                    break
            else:
                fail()
        else:
            raise ValueError("'%s' is a bad directive in format '%s'" % (d, "%" + d))
    if pos != n:
        raise ValueError("unconverted data remains: %s" % data[pos:])
    return found


def _strptime(data, format="%a %b %d %H:%M:%S %Y"):
    """_strptime returns (9-tuple, fraction in microseconds, gmtoff seconds or None, zone)."""
    found = _parse(data, format)
    year = 1900
    if "Y" in found:
        year = int(found["Y"])
    elif "y" in found:
        y = int(found["y"])
        year = y + (2000 if y <= 68 else 1900)
    month = int(found["m"]) if "m" in found else found["B"] + 1 if "B" in found else 1
    day = int(found["d"]) if "d" in found else int(found["e"]) if "e" in found else 1
    hour = 0
    if "H" in found:
        hour = int(found["H"])
    elif "I" in found:
        hour = int(found["I"])
        if found.get("p") == "PM":
            hour = 0 if hour == 12 else hour
            hour += 12
        elif hour == 12:
            hour = 0
    minute = int(found.get("M", 0))
    second = int(found.get("S", 0))
    fraction = int((found["f"] + "000000")[:6]) if "f" in found else 0
    if not 1 <= month <= 12 or not 0 <= hour <= 23 or not 0 <= minute <= 59 or not 0 <= second <= 61:
        raise ValueError("time data %r does not match format %r" % (data, format))
    leap = _pytime._is_leap(year)
    month_days = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    if "j" in found and "m" not in found and "B" not in found and "d" not in found:
        yday = int(found["j"])
        days = _pytime._days_from_civil(year, 1, 1) + yday - 1
        year, month, day = _pytime._civil_from_days(days)
    if not 1 <= day <= month_days[month - 1]:
        raise ValueError("day is out of range for month")
    days = _pytime._days_from_civil(year, month, day)
    wday = (days + 3) % 7
    yday = _pytime._yday(year, month, day)
    gmtoff = found.get("z")
    zone = found.get("Z")
    return (year, month, day, hour, minute, second, wday, yday, -1), fraction, gmtoff, found.get("z_us", 0), zone


def _strptime_time(data, format="%a %b %d %H:%M:%S %Y"):
    tt, fraction, gmtoff, gmtoff_us, zone = _strptime(data, format)
    return _pytime.struct_time(tt, zone, gmtoff)


def _strptime_datetime(cls, data, format="%a %b %d %H:%M:%S %Y"):
    import datetime  # library-loaded: only datetime.strptime calls this
    tt, fraction, gmtoff, gmtoff_us, zone = _strptime(data, format)
    args = tt[:6] + (fraction,)
    if gmtoff is not None:
        delta = datetime.timedelta(seconds=gmtoff, microseconds=gmtoff_us)
        tz = datetime.timezone(delta, zone) if zone else datetime.timezone(delta)
        args += (tz,)
    return cls(*args)
