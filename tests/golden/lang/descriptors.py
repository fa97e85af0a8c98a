# Descriptors as the Descriptor HowTo writes them: Ten, LoggedAgeAccess, DirectorySize-style computed values, validators, data vs non-data precedence
import logging
import sys

logging.basicConfig(level=logging.INFO, format="%(levelname)s:%(message)s", stream=sys.stdout)


class Ten:
    def __get__(self, obj, objtype=None):
        return 10


class A:
    x = 5
    y = Ten()


a = A()
print(a.x, a.y, A.y)


class LoggedAgeAccess:
    def __get__(self, obj, objtype=None):
        value = obj._age
        logging.info('Accessing %r giving %r', 'age', value)
        return value

    def __set__(self, obj, value):
        logging.info('Updating %r to %r', 'age', value)
        obj._age = value


class Person:
    age = LoggedAgeAccess()

    def __init__(self, name, age):
        self.name = name
        self.age = age

    def birthday(self):
        self.age += 1


mary = Person('Mary M', 30)
dave = Person('David D', 40)
print(vars(mary), vars(dave))
print(mary.age)
mary.birthday()
print(dave.name, dave.age)


class LoggedAccess:
    def __set_name__(self, owner, name):
        self.public_name = name
        self.private_name = '_' + name

    def __get__(self, obj, objtype=None):
        value = getattr(obj, self.private_name)
        logging.info('Accessing %r giving %r', self.public_name, value)
        return value

    def __set__(self, obj, value):
        logging.info('Updating %r to %r', self.public_name, value)
        setattr(obj, self.private_name, value)


class Employee:
    name = LoggedAccess()
    age = LoggedAccess()

    def __init__(self, name, age):
        self.name = name
        self.age = age


pete = Employee('Peter P', 10)
print(vars(pete), pete.name, vars(vars(Employee)['name']))

from abc import ABC, abstractmethod


class Validator(ABC):
    def __set_name__(self, owner, name):
        self.private_name = '_' + name

    def __get__(self, obj, objtype=None):
        return getattr(obj, self.private_name)

    def __set__(self, obj, value):
        self.validate(value)
        setattr(obj, self.private_name, value)

    @abstractmethod
    def validate(self, value):
        pass


class OneOf(Validator):
    def __init__(self, *options):
        self.options = set(options)

    def validate(self, value):
        if value not in self.options:
            raise ValueError(f'Expected {value!r} to be one of {sorted(self.options)!r}')


class Number(Validator):
    def __init__(self, minvalue=None, maxvalue=None):
        self.minvalue = minvalue
        self.maxvalue = maxvalue

    def validate(self, value):
        if not isinstance(value, (int, float)):
            raise TypeError(f'Expected {value!r} to be an int or float')
        if self.minvalue is not None and value < self.minvalue:
            raise ValueError(f'Expected {value!r} to be at least {self.minvalue!r}')
        if self.maxvalue is not None and value > self.maxvalue:
            raise ValueError(f'Expected {value!r} to be no more than {self.maxvalue!r}')


class String(Validator):
    def __init__(self, minsize=None, maxsize=None, predicate=None):
        self.minsize = minsize
        self.maxsize = maxsize
        self.predicate = predicate

    def validate(self, value):
        if not isinstance(value, str):
            raise TypeError(f'Expected {value!r} to be an str')
        if self.minsize is not None and len(value) < self.minsize:
            raise ValueError(f'Expected {value!r} to be no smaller than {self.minsize!r}')
        if self.maxsize is not None and len(value) > self.maxsize:
            raise ValueError(f'Expected {value!r} to be no bigger than {self.maxsize!r}')
        if self.predicate is not None and not self.predicate(value):
            raise ValueError(f'Expected {self.predicate.__name__} to be true for {value!r}')


class Component:
    name = String(minsize=3, maxsize=10, predicate=str.isupper)
    kind = OneOf('wood', 'metal', 'plastic')
    quantity = Number(minvalue=0)

    def __init__(self, name, kind, quantity):
        self.name = name
        self.kind = kind
        self.quantity = quantity


for args in [('WIDGET', 'metal', 5), ('Widget', 'metal', 5), ('WIDGET', 'metle', 5), ('WIDGET', 'metal', -5), ('WIDGET', 'metal', 'V')]:
    try:
        c = Component(*args)
        print("ok", c.name, c.kind, c.quantity)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)


class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"


class ReadOnly:
    def __get__(self, obj, objtype=None):
        return "read only"

    def __set__(self, obj, value):
        raise AttributeError("can't set read-only")


class DeleteOnly:
    def __get__(self, obj, objtype=None):
        return "delete only"

    def __delete__(self, obj):
        print("deleting")


class Holder:
    nd = NonData()
    ro = ReadOnly()
    do = DeleteOnly()


h = Holder()
print(h.nd)
h.__dict__['nd'] = "instance wins over non-data"
h.__dict__['ro'] = "ignored: data descriptor wins"
print(h.nd, h.ro)
try:
    h.ro = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    h.do = 1
except AttributeError as e:
    print("AttributeError:", e)
del h.do
print(Holder.nd, type(Holder.__dict__['ro']).__name__)


class Directory:
    size = property(lambda self: len(self.files))

    def __init__(self, files):
        self.files = files


class CachedSize:
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        value = len(obj.files) * 100
        obj.__dict__['size'] = value
        return value


class Folder:
    size = CachedSize()

    def __init__(self, files):
        self.files = files


print(Directory(['a', 'b']).size)
f = Folder(['a', 'b', 'c'])
print(f.size, f.__dict__, f.size, type(Folder.size).__name__)
