"""Support for regular expressions (RE), following CPython 3.11's re module.

The parser follows CPython's re/_parser.py (same syntax, same re.error messages and
positions); the compiler turns its tree into the int32 program that the native _sre
matcher (cpp/core/vm/modules/sre.cpp) runs with an explicit backtracking stack.
"""

import _sre

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "template", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag",
]

__version__ = "2.2.1"

_FLAG_NAMES = (("ASCII", 256), ("IGNORECASE", 2), ("LOCALE", 4), ("UNICODE", 32),
               ("MULTILINE", 8), ("DOTALL", 16), ("VERBOSE", 64), ("TEMPLATE", 1), ("DEBUG", 128))


class RegexFlag:
    # RegexFlag is re's IntFlag: int-like flags whose repr names them ("re.IGNORECASE|re.MULTILINE").
    __slots__ = ('_value_',)

    def __init__(self, value):
        self._value_ = int(value)

    def __repr__(self):
        v = self._value_
        if not v:
            return "re.NOFLAG"
        names = []
        for name, bit in _FLAG_NAMES:
            if v & bit:
                names.append("re." + name)
                v &= ~bit
        if v:
            names.append(hex(v))
        return "|".join(names)

    __str__ = __repr__

    def __format__(self, spec):
        return format(repr(self), spec) if not spec or spec[-1] not in 'dxXob' else format(self._value_, spec)

    def __int__(self):
        return self._value_

    __index__ = __int__

    def __eq__(self, other):
        if isinstance(other, RegexFlag):
            return self._value_ == other._value_
        return self._value_ == other

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(self._value_)

    def __bool__(self):
        return self._value_ != 0

    def __or__(self, other):
        if isinstance(other, (int, RegexFlag)):
            return RegexFlag(self._value_ | int(other))
        return NotImplemented

    __ror__ = __or__

    def __and__(self, other):
        if isinstance(other, (int, RegexFlag)):
            return RegexFlag(self._value_ & int(other))
        return NotImplemented

    __rand__ = __and__

    def __xor__(self, other):
        if isinstance(other, (int, RegexFlag)):
            return RegexFlag(self._value_ ^ int(other))
        return NotImplemented

    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~self._value_ & 511)

    @property
    def value(self):
        return self._value_

    @property
    def name(self):
        if not self._value_:
            return "NOFLAG"
        names = [name for name, bit in _FLAG_NAMES if self._value_ & bit]
        return "|".join(names) if names else None

    def __reduce__(self):
        return (RegexFlag, (self._value_,))


NOFLAG = RegexFlag(0)
A = ASCII = RegexFlag(256)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
U = UNICODE = RegexFlag(32)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
X = VERBOSE = RegexFlag(64)
T = TEMPLATE = RegexFlag(1)
DEBUG = RegexFlag(128)


class error(Exception):
    # error is re.error: msg, pattern and pos, with line and column for multi-line patterns.
    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            newline = '\n' if isinstance(pattern, str) else b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


error.__module__ = 're'
PatternError = error

# ---- parser (CPython's re/_parser.py) ----

_MAXREPEAT = 4294967295
_MAXGROUPS = 1073741823
_SPECIAL = ".\\[{()*+?^$|"
_REPEAT_CHARS = "*+?{"
_DIGITS = "0123456789"
_OCTDIGITS = "01234567"
_HEXDIGITS = "0123456789abcdefABCDEF"
_ASCIILETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_WHITESPACE = " \t\n\r\v\f"
_FLAGS = {"i": 2, "L": 4, "m": 8, "s": 16, "x": 64, "a": 256, "t": 1, "u": 32}
_TYPE_FLAGS = 256 | 4 | 32
_GLOBAL_FLAGS = 128 | 1

# Tree nodes are (op, argument) pairs.
_LIT, _NOTLIT, _ANY, _IN, _AT, _BRANCH, _REPEAT, _GROUP, _GROUPREF, _EXISTS, _ASSERT, _ASSERT_NOT, _ATOMIC = range(13)
_REPEAT_GREEDY, _REPEAT_LAZY, _REPEAT_POSSESSIVE = range(3)
# Set items: ("r", (lo, hi)) ranges, ("c", k) categories (k as in sre.h: 0 digit, 2 space, 4 word, +1 not).
_AT_BEGIN, _AT_BEGIN_LINE, _AT_END, _AT_END_LINE, _AT_END_STRING, _AT_BOUNDARY, _AT_NON_BOUNDARY = range(7)
_AT_BEGIN_STRING = 100

_ESCAPES = {
    r"\a": (_LIT, 7), r"\b": (_LIT, 8), r"\f": (_LIT, 12), r"\n": (_LIT, 10),
    r"\r": (_LIT, 13), r"\t": (_LIT, 9), r"\v": (_LIT, 11), r"\\": (_LIT, 92),
}
_CATEGORIES = {
    r"\A": (_AT, _AT_BEGIN_STRING), r"\b": (_AT, _AT_BOUNDARY), r"\B": (_AT, _AT_NON_BOUNDARY),
    r"\d": (_IN, [("c", 0)]), r"\D": (_IN, [("c", 1)]), r"\s": (_IN, [("c", 2)]),
    r"\S": (_IN, [("c", 3)]), r"\w": (_IN, [("c", 4)]), r"\W": (_IN, [("c", 5)]),
    r"\Z": (_AT, _AT_END_STRING),
}


class _Tokenizer:
    def __init__(self, string):
        self.istext = isinstance(string, str)
        self.string = string
        if not self.istext:
            string = bytes(string).decode('latin-1')
        self.decoded_string = string
        self.index = 0
        self.next = None
        self._next()

    def _next(self):
        index = self.index
        s = self.decoded_string
        if index >= len(s):
            self.next = None
            return
        char = s[index]
        if char == "\\":
            index += 1
            if index >= len(s):
                raise error("bad escape (end of pattern)", self.string, len(self.string) - 1)
            char += s[index]
        self.index = index + 1
        self.next = char

    def match(self, char):
        if char == self.next:
            self._next()
            return True
        return False

    def get(self):
        this = self.next
        self._next()
        return this

    def getwhile(self, n, charset):
        result = ''
        for _ in range(n):
            c = self.next
            if c is None or c not in charset:
                break
            result += c
            self._next()
        return result

    def getuntil(self, terminator, name):
        result = ''
        while True:
            c = self.next
            self._next()
            if c is None:
                if not result:
                    raise self.error("missing " + name)
                raise self.error("missing %s, unterminated name" % terminator, len(result))
            if c == terminator:
                if not result:
                    raise self.error("missing " + name, 1)
                break
            result += c
        return result

    def tell(self):
        return self.index - len(self.next or '')

    def seek(self, index):
        self.index = index
        self._next()

    def error(self, msg, offset=0):
        if not self.istext:
            msg = msg.encode('ascii', 'backslashreplace').decode('ascii')
        return error(msg, self.string, self.tell() - offset)

    def checkgroupname(self, name, offset):
        if not name.isidentifier():
            raise self.error("bad character in group name %r" % name, len(name) + offset)


class _State:
    def __init__(self):
        self.flags = 0
        self.groupdict = {}
        self.groupwidths = [None]
        self.lookbehindgroups = None
        self.grouprefpos = {}

    @property
    def groups(self):
        return len(self.groupwidths)

    def opengroup(self, name=None):
        gid = self.groups
        self.groupwidths.append(None)
        if self.groups > _MAXGROUPS:
            raise error("too many groups")
        if name is not None:
            ogid = self.groupdict.get(name, None)
            if ogid is not None:
                raise error("redefinition of group name %r as group %d; was group %d" % (name, gid, ogid))
            self.groupdict[name] = gid
        return gid

    def closegroup(self, gid, p):
        self.groupwidths[gid] = _width(p, self)

    def checkgroup(self, gid):
        return gid < self.groups and self.groupwidths[gid] is not None

    def checklookbehindgroup(self, gid, source):
        if self.lookbehindgroups is not None:
            if not self.checkgroup(gid):
                raise source.error('cannot refer to an open group')
            if gid >= self.lookbehindgroups:
                raise source.error('cannot refer to group defined in the same lookbehind subpattern')


def _width(p, state):
    # _width is the (min, max) length a subpattern matches, as SubPattern.getwidth.
    lo = hi = 0
    for op, av in p:
        if op == _BRANCH:
            i = _MAXREPEAT - 1
            j = 0
            for alt in av:
                l, h = _width(alt, state)
                i = min(i, l)
                j = max(j, h)
            lo += i
            hi += j
        elif op == _ATOMIC:
            i, j = _width(av, state)
            lo += i
            hi += j
        elif op == _GROUP:
            i, j = _width(av[3], state)
            lo += i
            hi += j
        elif op == _REPEAT:
            i, j = _width(av[2], state)
            lo += i * av[0]
            hi += j * av[1]
        elif op <= _IN:
            lo += 1
            hi += 1
        elif op == _GROUPREF:
            i, j = state.groupwidths[av]
            lo += i
            hi += j
        elif op == _EXISTS:
            i, j = _width(av[1], state)
            if av[2] is not None:
                l, h = _width(av[2], state)
                i = min(i, l)
                j = max(j, h)
            else:
                i = 0
            lo += i
            hi += j
    return min(lo, _MAXREPEAT - 1), min(hi, _MAXREPEAT)


def _hex_escape(source, escape, c):
    n = 2 if c == "x" else 4 if c == "u" else 8
    escape += source.getwhile(n, _HEXDIGITS)
    if len(escape) != n + 2:
        raise source.error("incomplete escape %s" % escape, len(escape))
    v = int(escape[2:], 16)
    if v > 0x10FFFF:
        raise source.error("bad escape %s" % escape, len(escape))
    return _LIT, v


def _class_escape(source, escape):
    code = _ESCAPES.get(escape)
    if code:
        return code
    code = _CATEGORIES.get(escape)
    if code and code[0] == _IN:
        return code
    c = escape[1:2]
    if c == "x" or (c in "uU" and source.istext):
        return _hex_escape(source, escape, c)
    if c and c in _OCTDIGITS:
        escape += source.getwhile(2, _OCTDIGITS)
        v = int(escape[1:], 8)
        if v > 0o377:
            raise source.error('octal escape value %s outside of range 0-0o377' % escape, len(escape))
        return _LIT, v
    if c and c in _DIGITS:
        raise source.error("bad escape %s" % escape, len(escape))
    if len(escape) == 2:
        if c in _ASCIILETTERS:
            raise source.error('bad escape %s' % escape, len(escape))
        return _LIT, ord(escape[1])
    raise source.error("bad escape %s" % escape, len(escape))


def _escape(source, escape, state):
    code = _CATEGORIES.get(escape)
    if code:
        return code
    code = _ESCAPES.get(escape)
    if code:
        return code
    c = escape[1:2]
    if c == "x" or (c in "uU" and source.istext):
        return _hex_escape(source, escape, c)
    if c == "0":
        escape += source.getwhile(2, _OCTDIGITS)
        return _LIT, int(escape[1:], 8)
    if c and c in _DIGITS:
        if source.next is not None and source.next in _DIGITS:
            escape += source.get()
            if (escape[1] in _OCTDIGITS and escape[2] in _OCTDIGITS and
                    source.next is not None and source.next in _OCTDIGITS):
                escape += source.get()
                v = int(escape[1:], 8)
                if v > 0o377:
                    raise source.error('octal escape value %s outside of range 0-0o377' % escape, len(escape))
                return _LIT, v
        group = int(escape[1:])
        if group < state.groups:
            if not state.checkgroup(group):
                raise source.error("cannot refer to an open group", len(escape))
            state.checklookbehindgroup(group, source)
            return _GROUPREF, group
        raise source.error("invalid group reference %d" % group, len(escape) - 1)
    if len(escape) == 2:
        if c in _ASCIILETTERS:
            raise source.error("bad escape %s" % escape, len(escape))
        return _LIT, ord(escape[1])
    raise source.error("bad escape %s" % escape, len(escape))


def _parse_sub(source, state, verbose, nested):
    items = []
    while True:
        items.append(_parse(source, state, verbose, nested + 1, not nested and not items))
        if not source.match("|"):
            break
        if not nested:
            verbose = state.flags & 64
    if len(items) == 1:
        return items[0]
    return [(_BRANCH, items)]


def _parse_set(source):
    here = source.tell() - 1
    items = []
    negate = source.match("^")
    while True:
        this = source.get()
        if this is None:
            raise source.error("unterminated character set", source.tell() - here)
        if this == "]" and items:
            break
        if this[0] == "\\":
            code1 = _class_escape(source, this)
        else:
            code1 = _LIT, ord(this)
        if source.match("-"):
            that = source.get()
            if that is None:
                raise source.error("unterminated character set", source.tell() - here)
            if that == "]":
                items.append(code1)
                items.append((_LIT, 45))
                break
            if that[0] == "\\":
                code2 = _class_escape(source, that)
            else:
                code2 = _LIT, ord(that)
            if code1[0] != _LIT or code2[0] != _LIT:
                raise source.error("bad character range %s-%s" % (this, that), len(this) + 1 + len(that))
            lo = code1[1]
            hi = code2[1]
            if hi < lo:
                raise source.error("bad character range %s-%s" % (this, that), len(this) + 1 + len(that))
            items.append((_IN, [("r", (lo, hi))]))
        else:
            items.append(code1)
    flat = []
    for op, av in items:
        if op == _LIT:
            flat.append(("r", (av, av)))
        else:
            flat.extend(av)
    if len(items) == 1 and items[0][0] == _LIT:
        return (_NOTLIT if negate else _LIT), items[0][1]
    return _IN, (negate, flat)


def _parse(source, state, verbose, nested, first=False):
    subpattern = []
    append = subpattern.append
    while True:
        this = source.next
        if this is None or this in "|)":
            break
        source.get()
        if verbose:
            if this in _WHITESPACE:
                continue
            if this == "#":
                while True:
                    this = source.get()
                    if this is None or this == "\n":
                        break
                continue
        if this[0] == "\\":
            code = _escape(source, this, state)
            if code[0] == _IN:
                code = _IN, (False, code[1])
            append(code)
        elif this not in _SPECIAL:
            append((_LIT, ord(this)))
        elif this == "[":
            append(_parse_set(source))
        elif this in _REPEAT_CHARS:
            here = source.tell()
            if this == "?":
                lo, hi = 0, 1
            elif this == "*":
                lo, hi = 0, _MAXREPEAT
            elif this == "+":
                lo, hi = 1, _MAXREPEAT
            else:
                if source.next == "}":
                    append((_LIT, ord(this)))
                    continue
                lo, hi = 0, _MAXREPEAT
                los = his = ""
                while source.next is not None and source.next in _DIGITS:
                    los += source.get()
                if source.match(","):
                    while source.next is not None and source.next in _DIGITS:
                        his += source.get()
                else:
                    his = los
                if not source.match("}"):
                    append((_LIT, ord(this)))
                    source.seek(here)
                    continue
                if los:
                    lo = int(los)
                    if lo >= _MAXREPEAT:
                        raise OverflowError("the repetition number is too large")
                if his:
                    hi = int(his)
                    if hi >= _MAXREPEAT:
                        raise OverflowError("the repetition number is too large")
                    if hi < lo:
                        raise source.error("min repeat greater than max repeat", source.tell() - here)
            item = subpattern[-1:]
            if not item or item[0][0] == _AT:
                raise source.error("nothing to repeat", source.tell() - here + len(this))
            if item[0][0] == _REPEAT:
                raise source.error("multiple repeat", source.tell() - here + len(this))
            if item[0][0] == _GROUP:
                group, add_flags, del_flags, p = item[0][1]
                if group is None and not add_flags and not del_flags:
                    item = p
            if source.match("?"):
                kind = _REPEAT_LAZY
            elif source.match("+"):
                kind = _REPEAT_POSSESSIVE
            else:
                kind = _REPEAT_GREEDY
            subpattern[-1] = (_REPEAT, (lo, hi, item, kind))
        elif this == ".":
            append((_ANY, None))
        elif this == "(":
            start = source.tell() - 1
            capture = True
            atomic = False
            name = None
            add_flags = 0
            del_flags = 0
            if source.match("?"):
                char = source.get()
                if char is None:
                    raise source.error("unexpected end of pattern")
                if char == "P":
                    if source.match("<"):
                        name = source.getuntil(">", "group name")
                        source.checkgroupname(name, 1)
                    elif source.match("="):
                        name = source.getuntil(")", "group name")
                        source.checkgroupname(name, 1)
                        gid = state.groupdict.get(name)
                        if gid is None:
                            raise source.error("unknown group name %r" % name, len(name) + 1)
                        if not state.checkgroup(gid):
                            raise source.error("cannot refer to an open group", len(name) + 1)
                        state.checklookbehindgroup(gid, source)
                        append((_GROUPREF, gid))
                        continue
                    else:
                        char = source.get()
                        if char is None:
                            raise source.error("unexpected end of pattern")
                        raise source.error("unknown extension ?P" + char, len(char) + 2)
                elif char == ":":
                    capture = False
                elif char == "#":
                    while True:
                        if source.next is None:
                            raise source.error("missing ), unterminated comment", source.tell() - start)
                        if source.get() == ")":
                            break
                    continue
                elif char in "=!<":
                    dir = 1
                    lookbehindgroups = None
                    if char == "<":
                        char = source.get()
                        if char is None:
                            raise source.error("unexpected end of pattern")
                        if char not in "=!":
                            raise source.error("unknown extension ?<" + char, len(char) + 2)
                        dir = -1
                        lookbehindgroups = state.lookbehindgroups
                        if lookbehindgroups is None:
                            state.lookbehindgroups = state.groups
                    p = _parse_sub(source, state, verbose, nested + 1)
                    if dir < 0 and lookbehindgroups is None:
                        state.lookbehindgroups = None
                    if not source.match(")"):
                        raise source.error("missing ), unterminated subpattern", source.tell() - start)
                    append((_ASSERT if char == "=" else _ASSERT_NOT, (dir, p)))
                    continue
                elif char == "(":
                    condname = source.getuntil(")", "group name")
                    if condname.isidentifier():
                        condgroup = state.groupdict.get(condname)
                        if condgroup is None:
                            raise source.error("unknown group name %r" % condname, len(condname) + 1)
                    else:
                        try:
                            condgroup = int(condname)
                            if condgroup < 0:
                                raise ValueError
                        except ValueError:
                            raise source.error("bad character in group name %r" % condname, len(condname) + 1) from None
                        if not condgroup:
                            raise source.error("bad group number", len(condname) + 1)
                        if condgroup >= _MAXGROUPS:
                            raise source.error("invalid group reference %d" % condgroup, len(condname) + 1)
                        if condgroup not in state.grouprefpos:
                            state.grouprefpos[condgroup] = source.tell() - len(condname) - 1
                    state.checklookbehindgroup(condgroup, source)
                    item_yes = _parse(source, state, verbose, nested + 1)
                    if source.match("|"):
                        item_no = _parse(source, state, verbose, nested + 1)
                        if source.next == "|":
                            raise source.error("conditional backref with more than two branches")
                    else:
                        item_no = None
                    if not source.match(")"):
                        raise source.error("missing ), unterminated subpattern", source.tell() - start)
                    append((_EXISTS, (condgroup, item_yes, item_no)))
                    continue
                elif char == ">":
                    capture = False
                    atomic = True
                elif char in _FLAGS or char == "-":
                    flags = _parse_flags(source, state, char)
                    if flags is None:
                        if not first or subpattern:
                            raise source.error('global flags not at the start of the expression',
                                               source.tell() - start)
                        verbose = state.flags & 64
                        continue
                    add_flags, del_flags = flags
                    capture = False
                else:
                    raise source.error("unknown extension ?" + char, len(char) + 1)
            if capture:
                try:
                    group = state.opengroup(name)
                except error as err:
                    raise source.error(err.msg, len(name) + 1) from None
            else:
                group = None
            sub_verbose = (verbose or (add_flags & 64)) and not (del_flags & 64)
            p = _parse_sub(source, state, sub_verbose, nested + 1)
            if not source.match(")"):
                raise source.error("missing ), unterminated subpattern", source.tell() - start)
            if group is not None:
                state.closegroup(group, p)
            if atomic:
                append((_ATOMIC, p))
            else:
                append((_GROUP, (group, add_flags, del_flags, p)))
        elif this == "^":
            append((_AT, _AT_BEGIN))
        elif this == "$":
            append((_AT, _AT_END))
    i = len(subpattern) - 1
    while i >= 0:
        op, av = subpattern[i]
        if op == _GROUP and av[0] is None and not av[1] and not av[2]:
            subpattern[i:i + 1] = av[3]
        i -= 1
    return subpattern


def _parse_flags(source, state, char):
    add_flags = 0
    del_flags = 0
    if char != "-":
        while True:
            flag = _FLAGS[char]
            if source.istext:
                if char == 'L':
                    raise source.error("bad inline flags: cannot use 'L' flag with a str pattern")
            elif char == 'u':
                raise source.error("bad inline flags: cannot use 'u' flag with a bytes pattern")
            add_flags |= flag
            if (flag & _TYPE_FLAGS) and (add_flags & _TYPE_FLAGS) != flag:
                raise source.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible")
            char = source.get()
            if char is None:
                raise source.error("missing -, : or )")
            if char in ")-:":
                break
            if char not in _FLAGS:
                raise source.error("unknown flag" if char.isalpha() else "missing -, : or )", len(char))
    if char == ")":
        state.flags |= add_flags
        return None
    if add_flags & _GLOBAL_FLAGS:
        raise source.error("bad inline flags: cannot turn on global flag", 1)
    if char == "-":
        char = source.get()
        if char is None:
            raise source.error("missing flag")
        if char not in _FLAGS:
            raise source.error("unknown flag" if char.isalpha() else "missing flag", len(char))
        while True:
            flag = _FLAGS[char]
            if flag & _TYPE_FLAGS:
                raise source.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'")
            del_flags |= flag
            char = source.get()
            if char is None:
                raise source.error("missing :")
            if char == ":":
                break
            if char not in _FLAGS:
                raise source.error("unknown flag" if char.isalpha() else "missing :", len(char))
    if del_flags & _GLOBAL_FLAGS:
        raise source.error("bad inline flags: cannot turn off global flag", 1)
    if add_flags & del_flags:
        raise source.error("bad inline flags: flag turned on and off", 1)
    return add_flags, del_flags


def _fix_flags(src, flags):
    if isinstance(src, str):
        if flags & 4:
            raise ValueError("cannot use LOCALE flag with a str pattern")
        if not flags & 256:
            flags |= 32
        elif flags & 32:
            raise ValueError("ASCII and UNICODE flags are incompatible")
    else:
        if flags & 32:
            raise ValueError("cannot use UNICODE flag with a bytes pattern")
        if flags & 4 and flags & 256:
            raise ValueError("ASCII and LOCALE flags are incompatible")
    return flags


def _parse_pattern(pattern, flags):
    source = _Tokenizer(pattern)
    state = _State()
    state.flags = flags
    p = _parse_sub(source, state, flags & 64, 0)
    state.flags = _fix_flags(pattern, state.flags)
    if source.next is not None:
        raise source.error("unbalanced parenthesis")
    for g in state.grouprefpos:
        if g >= state.groups:
            raise error("invalid group reference %d" % g, pattern, state.grouprefpos[g])
    return p, state


# ---- compiler: the tree to _sre's program (opcodes and operands as in sre.h) ----

(_OP_SUCCESS, _OP_CHAR, _OP_CHAR_I, _OP_ANY, _OP_ANY_ALL, _OP_SET, _OP_NOT_SET, _OP_SET_I, _OP_NOT_SET_I,
 _OP_AT, _OP_JUMP, _OP_SPLIT, _OP_MARK, _OP_REPEAT_ONE, _OP_MIN_REPEAT_ONE, _OP_REPEAT_INIT,
 _OP_REPEAT_LOOP, _OP_REPEAT_BODY, _OP_REPEAT_NEXT, _OP_GROUPREF, _OP_GROUPREF_I, _OP_GROUP_EXISTS,
 _OP_LOOK, _OP_LOOK_END) = range(24)
_LOOK_AHEAD, _LOOK_NOT_AHEAD, _LOOK_BEHIND, _LOOK_NOT_BEHIND, _LOOK_ATOMIC = range(5)


def _fold(c, ascii):
    if c < 128:
        return c + 32 if 65 <= c <= 90 else c
    return c if ascii else _sre.fold(c, False)


class _Compiler:
    def __init__(self, nmarks, isbytes):
        self.code = []
        self.nmarks = nmarks
        self.regs = 0
        self.isbytes = isbytes

    def single(self, op, av, flags):
        # single() is the words of a one-character item, or None if the item is not one.
        icase = flags & 2
        ascii = self.isbytes or flags & 256
        if op == _LIT:
            return [_OP_CHAR_I, _fold(av, ascii)] if icase else [_OP_CHAR, av]
        if op == _ANY:
            return [_OP_ANY_ALL if flags & 16 else _OP_ANY]
        if op == _NOTLIT or op == _IN:
            negate, items = (True, [("r", (av, av))]) if op == _NOTLIT else av
            words = []
            for kind, v in items:
                if kind == "r":
                    words += [0, v[0], v[1]]
                else:
                    words += [1, v + 8 if ascii else v]
            head = (_OP_NOT_SET_I if negate else _OP_SET_I) if icase else (_OP_NOT_SET if negate else _OP_SET)
            return [head, len(words) + 2] + words
        return None

    def emit(self, p, flags):
        code = self.code
        for op, av in p:
            words = self.single(op, av, flags)
            if words is not None:
                code += words
            elif op == _AT:
                if av == _AT_BEGIN_STRING:
                    kind = _AT_BEGIN
                elif av == _AT_BEGIN and flags & 8:
                    kind = _AT_BEGIN_LINE
                elif av == _AT_END and flags & 8:
                    kind = _AT_END_LINE
                elif av >= _AT_BOUNDARY and (self.isbytes or flags & 256):
                    kind = av + 2
                else:
                    kind = av
                code += [_OP_AT, kind]
            elif op == _BRANCH:
                jumps = []
                for i, alt in enumerate(av):
                    split = -1
                    if i < len(av) - 1:
                        split = len(code)
                        code += [_OP_SPLIT, 0]
                    self.emit(alt, flags)
                    if i < len(av) - 1:
                        jumps.append(len(code))
                        code += [_OP_JUMP, 0]
                        code[split + 1] = len(code)
                for j in jumps:
                    code[j + 1] = len(code)
            elif op == _REPEAT:
                self.repeat(av, flags)
            elif op == _GROUP:
                group, add_flags, del_flags, sub = av
                inner = (flags | add_flags) & ~del_flags
                if group is not None:
                    code += [_OP_MARK, 2 * group]
                self.emit(sub, inner)
                if group is not None:
                    code += [_OP_MARK, 2 * group + 1]
            elif op == _GROUPREF:
                code += [_OP_GROUPREF_I if flags & 2 else _OP_GROUPREF, av]
            elif op == _EXISTS:
                group, yes, no = av
                at = len(code)
                code += [_OP_GROUP_EXISTS, group, 0]
                self.emit(yes, flags)
                if no is not None:
                    jump = len(code)
                    code += [_OP_JUMP, 0]
                    code[at + 2] = len(code)
                    self.emit(no, flags)
                    code[jump + 1] = len(code)
                else:
                    code[at + 2] = len(code)
            elif op == _ASSERT or op == _ASSERT_NOT:
                direction, sub = av
                width = 0
                if direction < 0:
                    lo, hi = _width(sub, self.state)
                    if lo != hi:
                        raise error("look-behind requires fixed-width pattern")
                    width = lo
                    kind = _LOOK_BEHIND if op == _ASSERT else _LOOK_NOT_BEHIND
                else:
                    kind = _LOOK_AHEAD if op == _ASSERT else _LOOK_NOT_AHEAD
                self.look(kind, width, sub, flags)
            elif op == _ATOMIC:
                self.look(_LOOK_ATOMIC, 0, av, flags)

    def look(self, kind, width, sub, flags):
        code = self.code
        at = len(code)
        code += [_OP_LOOK, kind, width, 0]
        self.emit(sub, flags)
        code.append(_OP_LOOK_END)
        code[at + 3] = len(code)

    def repeat(self, av, flags):
        lo, hi, item, kind = av
        code = self.code
        if kind == _REPEAT_POSSESSIVE:
            self.look(_LOOK_ATOMIC, 0, [(_REPEAT, (lo, hi, item, _REPEAT_GREEDY))], flags)
            return
        top = -1 if hi >= _MAXREPEAT else hi
        if len(item) == 1:
            words = self.single(item[0][0], item[0][1], flags)
            if words is not None:
                op = _OP_REPEAT_ONE if kind == _REPEAT_GREEDY else _OP_MIN_REPEAT_ONE
                code += [op, lo, top, len(code) + 4 + len(words)] + words
                return
        if lo == 0 and hi == 1:
            split = len(code)
            if kind == _REPEAT_GREEDY:
                code += [_OP_SPLIT, 0]
                self.emit(item, flags)
                code[split + 1] = len(code)
            else:
                code += [_OP_SPLIT, split + 4, _OP_JUMP, 0]
                self.emit(item, flags)
                code[split + 3] = len(code)
            return
        reg = self.nmarks + self.regs
        self.regs += 2
        code += [_OP_REPEAT_INIT, reg]
        loop = len(code)
        code += [_OP_REPEAT_LOOP, reg, lo, top, 1 if kind == _REPEAT_GREEDY else 0, 0,
                 _OP_REPEAT_BODY, reg]
        self.emit(item, flags)
        code += [_OP_REPEAT_NEXT, reg, loop]
        code[loop + 5] = len(code)


def _compile_pattern(pattern, flags):
    p, state = _parse_pattern(pattern, flags)
    flags = state.flags
    isbytes = not isinstance(pattern, str)
    c = _Compiler(2 * state.groups, isbytes)
    c.state = state
    c.code = [0, 0, 0]
    c.emit(p, flags)
    c.code.append(_OP_SUCCESS)
    c.code[0] = c.nmarks
    c.code[1] = c.regs
    c.code[2] = 1 if isbytes or flags & 256 else 0
    return Pattern(pattern, flags, state, _sre.program(c.code))


# ---- Pattern and Match ----

def _subject_check(pattern, string):
    if isinstance(string, str):
        if pattern._bytes:
            raise TypeError("cannot use a bytes pattern on a string-like object")
    elif isinstance(string, (bytes, bytearray)):
        if not pattern._bytes:
            raise TypeError("cannot use a string pattern on a bytes-like object")
    else:
        raise TypeError("expected string or bytes-like object, got %r" % type(string).__name__)


_MAXSIZE = 9223372036854775807


class Pattern:
    # Pattern is a compiled regular expression (re.Pattern).
    def __class_getitem__(cls, item):
        return cls

    def __init__(self, pattern, flags, state, program):
        self.pattern = pattern
        self.flags = flags
        self.groups = state.groups - 1
        self.groupindex = dict(state.groupdict)
        self._program = program
        self._bytes = not isinstance(pattern, str)
        self._names = {v: k for k, v in state.groupdict.items()}

    def _scan(self, string, pos, endpos, mode, limit=0):
        _subject_check(self, string)
        if endpos is None or endpos > _MAXSIZE:
            endpos = _MAXSIZE
        return _sre.scan(self._program, string, pos, endpos, mode, limit)

    def _match(self, string, pos, endpos, mode):
        marks = self._scan(string, pos, endpos, mode)
        if marks is None:
            return None
        return Match(self, string, pos, endpos, marks)

    def match(self, string, pos=0, endpos=None):
        return self._match(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._match(string, pos, endpos, 1)

    def search(self, string, pos=0, endpos=None):
        return self._match(string, pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=None):
        # Matches are found 256 at a time and their Match objects made one at a time, as the
        # loop asks for them: memory stays bounded however many matches the subject holds
        # (the marks of all of them took three times CPython's memory). The first chunk is
        # scanned here, so a bad argument raises at the call. (Nested, so importing re
        # runs the same instructions as before.)
        def scan(found):
            end = _MAXSIZE if endpos is None or endpos > _MAXSIZE else endpos
            while True:
                for m in found:
                    yield Match(self, string, pos, endpos, m)
                if len(found) < 256:
                    return
                last = found[-1]
                # The next chunk starts where the last match ended; after an empty match,
                # the next one must not be empty at the same place (as within one scan).
                found = _sre.scan(self._program, string, last[1], end, 3, 256, last[0] == last[1])

        return scan(self._scan(string, pos, endpos, 3, 256))

    def findall(self, string, pos=0, endpos=None):
        found = self._scan(string, pos, endpos, 3)
        empty = string[:0] if isinstance(string, (str, bytes)) else b''
        n = self.groups
        result = []
        for m in found:
            if n == 0:
                result.append(_slice(string, m[0], m[1]))
            elif n == 1:
                result.append(_slice(string, m[2], m[3]) if m[2] >= 0 else empty)
            else:
                result.append(tuple(_slice(string, m[2 * g], m[2 * g + 1]) if m[2 * g] >= 0 else empty
                                    for g in range(1, n + 1)))
        return result

    def split(self, string, maxsplit=0):
        if maxsplit < 0:
            _subject_check(self, string)
            return [_slice(string, 0, len(string))]
        found = self._scan(string, 0, None, 3, maxsplit)
        result = []
        last = 0
        n = self.groups
        for m in found:
            result.append(_slice(string, last, m[0]))
            for g in range(1, n + 1):
                result.append(_slice(string, m[2 * g], m[2 * g + 1]) if m[2 * g] >= 0 else None)
            last = m[1]
        result.append(_slice(string, last, len(string)))
        return result

    def subn(self, repl, string, count=0):
        return self._subx(repl, string, count)

    def sub(self, repl, string, count=0):
        return self._subx(repl, string, count)[0]

    def _subx(self, repl, string, count):
        check = callable(repl)
        if check:
            literal = None
            template = None
        else:
            if not isinstance(repl, (str, bytes, bytearray)):
                raise TypeError("decoding to str: need a bytes-like object, %s found" % type(repl).__name__)
            if isinstance(repl, str) == self._bytes:
                template = None
                literal = repl
                check = True
            elif (b'\\' if self._bytes else '\\') in repl:
                template = _compile_template(self, repl)
                literal = template[1][0] if not template[0] and len(template[1]) == 1 else None
                if not template[0] and not template[1]:
                    literal = repl[:0]
            else:
                template = None
                literal = repl
        if count < 0:
            _subject_check(self, string)
            return _slice(string, 0, len(string)), 0
        found = self._scan(string, 0, None, 3, count)
        parts = []
        last = 0
        for m in found:
            parts.append(_slice(string, last, m[0]))
            if literal is not None:
                parts.append(literal)
            else:
                match = Match(self, string, 0, None, m)
                item = _expand_template(template, match) if template is not None else repl(match)
                if item is not None:
                    parts.append(item)
            last = m[1]
        parts.append(_slice(string, last, len(string)))
        kinds = (bytes, bytearray) if self._bytes else str
        i = 0
        for part in parts if check else ():
            if part:
                if not isinstance(part, kinds):
                    raise TypeError("sequence item %d: expected %s, %s found" % (
                        i, "a bytes-like object" if self._bytes else "str instance", type(part).__name__))
                i += 1
        if self._bytes:
            return b''.join(parts), len(found)
        return ''.join(parts), len(found)

    def scanner(self, string, pos=0, endpos=None):
        return _Scanner(self, string, pos, endpos)

    def __repr__(self):
        flags = self.flags
        if not self._bytes:
            flags &= ~32
        text = repr(self.pattern)[:200]
        if not flags:
            return "re.compile(%s)" % text
        names = []
        for name, bit in (("TEMPLATE", 1), ("IGNORECASE", 2), ("LOCALE", 4), ("MULTILINE", 8),
                          ("DOTALL", 16), ("UNICODE", 32), ("VERBOSE", 64), ("DEBUG", 128), ("ASCII", 256)):
            if flags & bit:
                names.append("re." + name)
                flags &= ~bit
        if flags:
            names.append(hex(flags))
        return "re.compile(%s, %s)" % (text, "|".join(names))

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (_compile, (self.pattern, self.flags))


class _Scanner:
    # _Scanner is Pattern.scanner(): match()/search() step through the string.
    def __init__(self, pattern, string, pos, endpos):
        self.pattern = pattern
        self._matches = iter(pattern.finditer(string, pos, endpos))
        self._string = string
        self._pos = pos

    def search(self):
        return next(self._matches, None)

    def match(self):
        m = self.pattern.match(self._string, self._pos)
        if m is not None:
            self._pos = m.end() if m.end() > m.start() else m.end() + 1
        return m


def _slice(string, a, b):
    s = string[a:b]
    if isinstance(s, bytearray):
        return bytes(s)
    return s


class Match:
    # Match is the result of a successful match (re.Match).
    def __class_getitem__(cls, item):
        return cls

    def __init__(self, pattern, string, pos, endpos, marks):
        self.re = pattern
        self.string = string
        n = len(string)
        self.pos = 0 if pos < 0 else n if pos > n else pos
        self.endpos = n if endpos is None or endpos > n else 0 if endpos < 0 else endpos
        self.lastindex = marks[-1]
        self._marks = marks

    def _index(self, g):
        if isinstance(g, int):
            if 0 <= g <= self.re.groups:
                return g
        elif isinstance(g, (str, bytes)):
            i = self.re.groupindex.get(g)
            if i is not None:
                return i
        elif hasattr(g, '__index__'):
            return self._index(g.__index__())
        raise IndexError("no such group")

    def _get(self, g, default=None):
        i = self._index(g)
        a = self._marks[2 * i]
        if a < 0:
            return default
        return _slice(self.string, a, self._marks[2 * i + 1])

    def group(self, *args):
        if not args:
            return self._get(0)
        if len(args) == 1:
            return self._get(args[0])
        return tuple(self._get(g) for g in args)

    def __getitem__(self, g):
        return self._get(g)

    def groups(self, default=None):
        return tuple(self._get(g, default) for g in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(name, default) for name in self.re.groupindex}

    def start(self, group=0):
        return self._marks[2 * self._index(group)]

    def end(self, group=0):
        return self._marks[2 * self._index(group) + 1]

    def span(self, group=0):
        i = self._index(group)
        return (self._marks[2 * i], self._marks[2 * i + 1])

    @property
    def regs(self):
        return tuple((self._marks[2 * i], self._marks[2 * i + 1]) for i in range(self.re.groups + 1))

    @property
    def lastgroup(self):
        if self.lastindex is None:
            return None
        return self.re._names.get(self.lastindex)

    def expand(self, template):
        return _expand_template(_compile_template(self.re, template), self)

    def __repr__(self):
        return "<re.Match object; span=(%d, %d), match=%s>" % (self._marks[0], self._marks[1],
                                                               repr(self.group(0))[:50])

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


# ---- replacement templates (CPython's parse_template / expand_template) ----

_template_cache = {}


def _compile_template(pattern, repl):
    key = (type(repl), repl, pattern.pattern, pattern.flags)
    t = _template_cache.get(key)
    if t is None:
        if len(_template_cache) >= 512:
            _template_cache.clear()
        t = _template_cache[key] = _parse_template(repl, pattern)
    return t


def _parse_template(source, pattern):
    s = _Tokenizer(source)
    groups = []
    literals = []
    literal = []

    def addgroup(index, pos):
        if index > pattern.groups:
            raise s.error("invalid group reference %d" % index, pos)
        if literal:
            literals.append(''.join(literal))
            del literal[:]
        groups.append((len(literals), index))
        literals.append(None)

    groupindex = pattern.groupindex
    while True:
        this = s.get()
        if this is None:
            break
        if this[0] == "\\":
            c = this[1]
            if c == "g":
                if not s.match("<"):
                    raise s.error("missing <")
                name = s.getuntil(">", "group name")
                if name.isidentifier():
                    try:
                        index = groupindex[name]
                    except KeyError:
                        raise IndexError("unknown group name %r" % name) from None
                else:
                    try:
                        index = int(name)
                        if index < 0:
                            raise ValueError
                    except ValueError:
                        raise s.error("bad character in group name %r" % name, len(name) + 1) from None
                    if index >= _MAXGROUPS:
                        raise s.error("invalid group reference %d" % index, len(name) + 1)
                addgroup(index, len(name) + 1)
            elif c == "0":
                if s.next is not None and s.next in _OCTDIGITS:
                    this += s.get()
                    if s.next is not None and s.next in _OCTDIGITS:
                        this += s.get()
                literal.append(chr(int(this[1:], 8) & 0xff))
            elif c in _DIGITS:
                isoctal = False
                if s.next is not None and s.next in _DIGITS:
                    this += s.get()
                    if c in _OCTDIGITS and this[2] in _OCTDIGITS and s.next is not None and s.next in _OCTDIGITS:
                        this += s.get()
                        isoctal = True
                        v = int(this[1:], 8)
                        if v > 0o377:
                            raise s.error('octal escape value %s outside of range 0-0o377' % this, len(this))
                        literal.append(chr(v))
                if not isoctal:
                    addgroup(int(this[1:]), len(this) - 1)
            else:
                e = _ESCAPES.get(this)
                if e is not None:
                    this = chr(e[1])
                elif c in _ASCIILETTERS:
                    raise s.error('bad escape %s' % this, len(this))
                literal.append(this)
        else:
            literal.append(this)
    if literal:
        literals.append(''.join(literal))
    if not isinstance(source, str):
        literals = [None if x is None else x.encode('latin-1') for x in literals]
    return groups, literals


def _expand_template(template, match):
    groups, literals = template
    empty = b'' if match.re._bytes else ''
    literals = literals[:]
    for index, group in groups:
        literals[index] = match.group(group) or empty
    return empty.join(literals)


# ---- module functions ----

_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    flags = int(flags)
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is not None:
        return p
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    p = _compile_pattern(pattern, flags)
    if len(_cache) >= _MAXCACHE:
        del _cache[next(iter(_cache))]
    _cache[key] = p
    return p


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def purge():
    _cache.clear()
    _template_cache.clear()


def template(pattern, flags=0):
    return _compile(pattern, flags | T)


_SPECIAL_CHARS = frozenset('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')


def escape(pattern):
    if isinstance(pattern, str):
        return ''.join('\\' + c if c in _SPECIAL_CHARS else c for c in pattern)
    text = bytes(pattern).decode('latin-1')
    return ''.join('\\' + c if c in _SPECIAL_CHARS else c for c in text).encode('latin1')


class Scanner:
    # Scanner is re's undocumented lexicon scanner: (phrase, action) pairs tried in order.
    def __init__(self, lexicon, flags=0):
        self.lexicon = lexicon
        self.scanner = compile("|".join("(%s)" % phrase for phrase, action in lexicon), flags)

    def scan(self, string):
        result = []
        i = 0
        while True:
            m = self.scanner.match(string, i)
            if not m:
                break
            j = m.end()
            if i == j:
                break
            action = self.lexicon[m.lastindex - 1][1]
            if callable(action):
                self.match = m
                action = action(self, m.group())
            if action is not None:
                result.append(action)
            i = j
        return result, string[i:]
