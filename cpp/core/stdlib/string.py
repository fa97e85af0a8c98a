"""string: the ASCII constants, capwords, Template ($-substitution with CPython's errors)
and Formatter, following CPython 3.11's string module; written without re, so a Template
subclass may change delimiter but idpattern is always an ASCII identifier."""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """capwords(s [,sep]) -> string"""
    return (sep or ' ').join([w.capitalize() for w in s.split(sep)])


_sentinel_dict = {}
_ID_START = '_' + ascii_letters
_ID_CHARS = _ID_START + digits


class _ChainMap:
    """_ChainMap(kws, mapping) looks a key up in kws first, as collections.ChainMap does."""

    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        if key in self.first:
            return self.first[key]
        return self.second[key]


def _ident_end(s, i):
    # _ident_end: the index after the ASCII identifier at s[i], or i when there is none.
    n = len(s)
    if i < n and s[i] in _ID_START:
        i += 1
        while i < n and s[i] in _ID_CHARS:
            i += 1
    return i


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _scan(self):
        # _scan: yields (kind, start, end, name) for each delimiter match, as CPython's pattern finds them.
        s = self.template
        d = self.delimiter
        dn = len(d)
        i = 0
        while True:
            j = s.find(d, i)
            if j < 0 or not d:
                return
            k = j + dn
            if s.startswith(d, k):
                yield 'escaped', j, k + dn, None
                i = k + dn
                continue
            e = _ident_end(s, k)
            if e > k:
                yield 'named', j, e, s[k:e]
                i = e
                continue
            if k < len(s) and s[k] == '{':
                e = _ident_end(s, k + 1)
                if e > k + 1 and e < len(s) and s[e] == '}':
                    yield 'braced', j, e + 1, s[k + 1:e]
                    i = e + 1
                    continue
            yield 'invalid', j, k, None
            i = k if k > j else j + 1

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)
        out = []
        pos = 0
        s = self.template
        for kind, start, end, name in self._scan():
            out.append(s[pos:start])
            pos = end
            if name is not None:
                out.append(str(mapping[name]))
            elif kind == 'escaped':
                out.append(self.delimiter)
            else:
                self._invalid(end)
        out.append(s[pos:])
        return ''.join(out)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)
        out = []
        pos = 0
        s = self.template
        for kind, start, end, name in self._scan():
            out.append(s[pos:start])
            pos = end
            if name is not None:
                try:
                    out.append(str(mapping[name]))
                except KeyError:
                    out.append(s[start:end])
            elif kind == 'escaped':
                out.append(self.delimiter)
            else:
                out.append(s[start:end])
        out.append(s[pos:])
        return ''.join(out)

    def is_valid(self):
        for kind, start, end, name in self._scan():
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for kind, start, end, name in self._scan():
            if name is not None and name not in ids:
                ids.append(name)
        return ids


def _formatter_parser(s):
    # _formatter_parser: CPython's _string.formatter_parser, (literal, field, spec, conversion) tuples.
    n = len(s)
    i = 0
    literal = []
    while i < n:
        c = s[i]
        if c == '{':
            if i + 1 < n and s[i + 1] == '{':
                literal.append('{')
                yield ''.join(literal), None, None, None
                literal = []
                i += 2
                continue
            depth = 1
            j = i + 1
            while j < n:
                if s[j] == '{':
                    depth += 1
                elif s[j] == '}':
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if j >= n:
                if depth > 1 or i + 1 >= n:
                    raise ValueError("expected '}' before end of string" if i + 1 < n else "Single '{' encountered in format string")
                raise ValueError("expected '}' before end of string")
            field = s[i + 1:j]
            k = 0
            m = len(field)
            while k < m and field[k] not in ':!':
                if field[k] == '[':
                    while k < m and field[k] != ']':
                        k += 1
                k += 1
            name = field[:k]
            conversion = None
            spec = ''
            if k < m and field[k] == '!':
                if k + 1 >= m:
                    raise ValueError("end of string while looking for conversion specifier")
                conversion = field[k + 1]
                k += 2
                if k < m and field[k] != ':':
                    raise ValueError("expected ':' after conversion specifier")
            if k < m:
                spec = field[k + 1:]
            yield ''.join(literal), name, spec, conversion
            literal = []
            i = j + 1
        elif c == '}':
            if i + 1 < n and s[i + 1] == '}':
                literal.append('}')
                yield ''.join(literal), None, None, None
                literal = []
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        else:
            literal.append(c)
            i += 1
    if literal:
        yield ''.join(literal), None, None, None


def _field_name_split(name):
    # _field_name_split: CPython's _string.formatter_field_name_split, (first, [(is_attr, key), ...]).
    n = len(name)
    i = 0
    while i < n and name[i] not in '.[':
        i += 1
    first = name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < n:
        if name[i] == '.':
            j = i + 1
            while j < n and name[j] not in '.[':
                j += 1
            if j == i + 1:
                raise ValueError("Empty attribute in format string")
            rest.append((True, name[i + 1:j]))
            i = j
        elif name[i] == '[':
            j = name.find(']', i)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[i + 1:j]
            if key == '':
                raise ValueError("Empty attribute in format string")
            rest.append((False, int(key) if key.isdigit() else key))
            i = j + 1
            if i < n and name[i] not in '.[':
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        else:
            i += 1
    return first, rest


class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in \
                self.parse(format_string):

            if literal_text:
                result.append(literal_text)

            if field_name is not None:

                if field_name == '':
                    if auto_arg_index is False:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
                    field_name = str(auto_arg_index)
                    auto_arg_index += 1
                elif field_name.isdigit():
                    if auto_arg_index:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
                    auto_arg_index = False

                obj, arg_used = self.get_field(field_name, args, kwargs)
                used_args.add(arg_used)

                obj = self.convert_field(obj, conversion)

                format_spec, auto_arg_index = self._vformat(
                    format_spec, args, kwargs,
                    used_args, recursion_depth-1,
                    auto_arg_index=auto_arg_index)

                result.append(self.format_field(obj, format_spec))

        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        else:
            return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        elif conversion == 's':
            return str(value)
        elif conversion == 'r':
            return repr(value)
        elif conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        return _formatter_parser(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first
