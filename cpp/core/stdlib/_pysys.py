"""The sys module's named tuples and constant tables, loaded on first use by the native
sys module's __getattr__: version_info, implementation, path, flags-free facts."""


class _NamedTuple:
    _fields = ()
    _name = ""

    def __init__(self, *values):
        self._t = values

    def __getattr__(self, name):
        if name in self._fields:
            return self._t[self._fields.index(name)]
        raise AttributeError("'%s' object has no attribute '%s'" % (self._name, name))

    def __repr__(self):
        return "%s(%s)" % (self._name, ", ".join("%s=%r" % (f, v) for f, v in zip(self._fields, self._t)))

    def __len__(self):
        return len(self._t)

    def __getitem__(self, index):
        return self._t[index]

    def __iter__(self):
        return iter(self._t)

    def __hash__(self):
        return hash(self._t)

    def __eq__(self, other):
        return self._t == tuple(other) if isinstance(other, (tuple, _NamedTuple)) else NotImplemented

    def __ne__(self, other):
        return self._t != tuple(other) if isinstance(other, (tuple, _NamedTuple)) else NotImplemented

    def __lt__(self, other):
        return self._t < tuple(other)

    def __le__(self, other):
        return self._t <= tuple(other)

    def __gt__(self, other):
        return self._t > tuple(other)

    def __ge__(self, other):
        return self._t >= tuple(other)


class _VersionInfo(_NamedTuple):
    _fields = ("major", "minor", "micro", "releaselevel", "serial")
    _name = "sys.version_info"


class _Implementation:
    def __init__(self):
        self.name = "interleave"
        self.cache_tag = None
        self.version = version_info
        self.hexversion = 0x030B04F0

    def __repr__(self):
        return "namespace(name=%r, cache_tag=%r, version=%r, hexversion=%r)" % (
            self.name, self.cache_tag, self.version, self.hexversion)


class _IntInfo(_NamedTuple):
    _fields = ("bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold")
    _name = "sys.int_info"


int_info = _IntInfo(30, 4, 4300, 640)
version_info = _VersionInfo(3, 11, 4, "final", 0)
implementation = _Implementation()
path = ["/home/user", "/usr/lib/python311.zip", "/usr/lib/python3.11"]
builtin_module_names = ("builtins", "math", "sys", "time")
platlibdir = "lib"
prefix = "/usr"
exec_prefix = "/usr"
copyright = "Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved."
float_repr_style = "short"
dont_write_bytecode = True


def getdefaultencoding():
    return "utf-8"


def getfilesystemencoding():
    return "utf-8"
