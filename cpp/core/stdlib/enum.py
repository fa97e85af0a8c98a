"""Enumerations, after CPython 3.11's enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto,
unique. Members are made by EnumMeta after the class body runs; IntEnum and StrEnum
members act as their values through delegating dunders (they are not int or str instances).
"""

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag', 'auto', 'unique',
           'ReprEnum', 'global_enum', 'verify', 'member', 'nonmember']

_auto_null = object()


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % self.value


class member:
    """Forces an item to become an Enum member."""

    def __init__(self, value):
        self.value = value


class nonmember:
    """Protects an item from becoming an Enum member."""

    def __init__(self, value):
        self.value = value


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_' and name[-2] != '_'


def _is_descriptor(obj):
    return hasattr(obj, '__get__') or hasattr(obj, '__set__') or hasattr(obj, '__delete__')


def _is_member_value(name, value):
    if _is_dunder(name) or _is_sunder(name) or name.startswith('_'):
        return False
    if isinstance(value, (member, auto)):
        return True
    if isinstance(value, nonmember):
        return False
    if callable(value) or isinstance(value, (classmethod, staticmethod, property)):
        return False
    return not _is_descriptor(value)


def _high_bit(value):
    return value.bit_length() - 1


class EnumType(type):
    """Metaclass for Enum."""

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        member_names = []
        member_values = []
        body = {}
        for key, value in classdict.items():
            if _is_member_value(key, value) and any(isinstance(b, EnumType) for b in bases):
                member_names.append(key)
                member_values.append(value)
            elif isinstance(value, nonmember):
                body[key] = value.value
            else:
                body[key] = value
        for base in bases:
            if isinstance(base, EnumType) and base._member_names_:
                raise TypeError(f"<enum {cls!r}> cannot extend <enum {base.__name__!r}>")
        body['_member_names_'] = []
        body['_member_map_'] = {}
        body['_value2member_map_'] = {}
        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        gen = getattr(enum_class, '_generate_next_value_')
        last_values = []
        for name, value in zip(member_names, member_values):
            if isinstance(value, member):
                value = value.value
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = gen(name, 1, len(last_values), last_values[:])
                value = value.value
            last_values.append(value)
            args = value if isinstance(value, tuple) else (value,)
            new = enum_class.__new__ if '__new__' in enum_class.__dict__ else _find_new(enum_class)
            if new is None:
                obj = object.__new__(enum_class)
                if not hasattr(obj, '_value_'):
                    obj._value_ = value
            else:
                obj = new(enum_class, *args)
                if not hasattr(obj, '_value_'):
                    obj._value_ = value
            obj._name_ = name
            obj.__objclass__ = enum_class
            init = getattr(enum_class, '__init__', None)
            if init is not None and init is not object.__init__ and init is not Enum.__init__:
                init(obj, *args)
            canonical = None
            for other in enum_class._member_map_.values():
                if other._value_ == obj._value_:
                    canonical = other
                    break
            if canonical is not None:
                obj = canonical
            else:
                enum_class._member_names_.append(name)
            setattr(enum_class, name, obj)
            enum_class._member_map_[name] = obj
            try:
                enum_class._value2member_map_.setdefault(obj._value_, obj)
            except TypeError:
                pass
        if '__new__' in enum_class.__dict__ and not enum_class.__dict__.get('_enum_base_'):
            setattr(enum_class, '__new__', Enum.__new__)
        if Flag is not None and issubclass(enum_class, Flag):
            all_bits = 0
            for m in enum_class._member_map_.values():
                all_bits |= m._value_
            enum_class._flag_mask_ = all_bits
            enum_class._all_bits_ = 2 ** all_bits.bit_length() - 1 if all_bits else 0
        return enum_class

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1, boundary=None):
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type, start=start)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1):
        bases = (cls,) if type is None else (type, cls)
        classdict = {}
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original_names, names = names, []
            last_values = []
            for count, name in enumerate(original_names):
                value = cls._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        items = names.items() if isinstance(names, dict) else names
        for item in items:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            classdict[member_name] = member_value
        classdict['__module__'] = module or '__main__'
        return EnumType.__new__(EnumType, class_name, bases, classdict)

    def __contains__(cls, member):
        if isinstance(member, cls):
            return member._name_ in cls._member_map_
        return member in cls._value2member_map_ or any(m._value_ == member for m in cls._member_map_.values())

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __bool__(cls):
        return True

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError("%r cannot delete member %r." % (cls.__name__, attr))
        super().__delattr__(attr)


EnumMeta = EnumType
Flag = None


def _find_new(enum_class):
    for base in enum_class.__mro__[1:]:
        new = base.__dict__.get('__new__')
        if new is not None and base.__dict__.get('_enum_base_'):
            continue
        if new is not None and base is not object:
            return new
    return None


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs."""
    _enum_base_ = True

    def __new__(cls, value):
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            for m in cls._member_map_.values():
                if m._value_ == value:
                    return m
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is None:
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        raise TypeError("error in %s._missing_: returned %r instead of None or a valid member"
                        % (cls.__name__, result))

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        try:
            return last_values[-1] + 1
        except TypeError:
            return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        return "<%s.%s: %r>" % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __dir__(self):
        return ['__class__', '__doc__', '__module__', 'name', 'value']

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @property
    def value(self):
        """The value of the Enum member."""
        return self._value_


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""
    _enum_base_ = True


def _value_dunders(kind):
    # _value_dunders makes IntEnum and StrEnum members behave as their values.
    ops = {
        'eq': lambda a, b: a == b, 'ne': lambda a, b: a != b, 'lt': lambda a, b: a < b,
        'le': lambda a, b: a <= b, 'gt': lambda a, b: a > b, 'ge': lambda a, b: a >= b,
        'add': lambda a, b: a + b, 'mul': lambda a, b: a * b, 'mod': lambda a, b: a % b,
    }
    if kind is int:
        ops.update({
            'sub': lambda a, b: a - b, 'truediv': lambda a, b: a / b, 'floordiv': lambda a, b: a // b,
            'pow': lambda a, b: a ** b, 'and': lambda a, b: a & b, 'or': lambda a, b: a | b,
            'xor': lambda a, b: a ^ b, 'lshift': lambda a, b: a << b, 'rshift': lambda a, b: a >> b,
        })

    def make(fn, reflected):
        def op(self, other):
            other = other._value_ if isinstance(other, Enum) else other
            return fn(other, self._value_) if reflected else fn(self._value_, other)
        return op

    ns = {}
    for n, fn in ops.items():
        ns['__%s__' % n] = make(fn, False)
        if n not in ('eq', 'ne', 'lt', 'le', 'gt', 'ge'):
            ns['__r%s__' % n] = make(fn, True)
    ns['__hash__'] = lambda self: hash(self._value_)
    ns['__str__'] = lambda self: str(self._value_)
    ns['__format__'] = lambda self, spec: format(self._value_, spec)
    if kind is int:
        ns['__int__'] = lambda self: self._value_
        ns['__index__'] = lambda self: self._value_
        ns['__float__'] = lambda self: float(self._value_)
        ns['__neg__'] = lambda self: -self._value_
        ns['__abs__'] = lambda self: abs(self._value_)
        ns['__bool__'] = lambda self: bool(self._value_)
    else:
        ns['__len__'] = lambda self: len(self._value_)
        ns['__iter__'] = lambda self: iter(self._value_)
        ns['__contains__'] = lambda self, x: x in self._value_
        ns['__getitem__'] = lambda self, i: self._value_[i]

        def getattr_(self, name):
            if name.startswith('_'):
                raise AttributeError(name)
            return getattr(self._value_, name)
        ns['__getattr__'] = getattr_
    return ns


class IntEnum(ReprEnum):
    """Enum where members are also (and must be) ints."""
    _enum_base_ = True

    def __new__(cls, value):
        return Enum.__new__(cls, value)


for _k, _v in _value_dunders(int).items():
    setattr(IntEnum, _k, _v)


class StrEnum(ReprEnum):
    """Enum where members are also (and must be) strings."""
    _enum_base_ = True

    def __new__(cls, value):
        return Enum.__new__(cls, value)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


for _k, _v in _value_dunders(str).items():
    setattr(StrEnum, _k, _v)


class Flag(Enum):
    """Support for flags."""
    _enum_base_ = True

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        high = max(v for v in last_values if isinstance(v, int)) if last_values else 0
        return 2 ** (_high_bit(high) + 1)

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        if value < 0:
            value = cls._all_bits_ + 1 + value
        if value & ~cls._flag_mask_:
            raise ValueError("%r invalid value %r\n    given %s\n  allowed %s"
                             % (cls, value, bin(value), bin(cls._flag_mask_)))
        pseudo = object.__new__(cls)
        pseudo._value_ = value
        names = [m._name_ for m in cls._iter_members(value)]
        pseudo._name_ = '|'.join(names) if names else None
        cls._value2member_map_[value] = pseudo
        return pseudo

    @classmethod
    def _iter_members(cls, value):
        for name in cls._member_names_:
            m = cls._member_map_[name]
            if m._value_ and m._value_ & (m._value_ - 1) == 0 and m._value_ & value == m._value_:
                yield m

    def __iter__(self):
        return iter(list(type(self)._iter_members(self._value_)))

    def __len__(self):
        return bin(self._value_).count('1')

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __repr__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return "<%s: %r>" % (cls_name, self._value_)
        return "<%s.%s: %r>" % (cls_name, self._name_, self._value_)

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return "%s.%s" % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ | other._value_)

    def __and__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ & other._value_)

    def __xor__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ ^ other._value_)

    def __invert__(self):
        return self.__class__(self._flag_mask_ ^ self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


class IntFlag(Flag):
    """Support for integer-based Flags."""
    _enum_base_ = True

    def __or__(self, other):
        if isinstance(other, int):
            other = self.__class__(other)
        return Flag.__or__(self, other)

    def __and__(self, other):
        if isinstance(other, int):
            other = self.__class__(other)
        return Flag.__and__(self, other)

    __ror__ = __or__
    __rand__ = __and__

    def __str__(self):
        return str(self._value_)

    def __eq__(self, other):
        other = other._value_ if isinstance(other, Enum) else other
        return self._value_ == other

    def __hash__(self):
        return hash(self._value_)

    def __int__(self):
        return self._value_

    __index__ = __int__


def unique(enumeration):
    """Class decorator for enumerations ensuring unique member values."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join(["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, alias_details))
    return enumeration


def global_enum(cls):
    return cls


def verify(*checks):
    def decorator(enumeration):
        return enumeration
    return decorator
