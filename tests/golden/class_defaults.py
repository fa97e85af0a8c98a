# Class attributes as defaults: an instance's own value wins over a plain class attribute or a
# method (not over a data descriptor), one read site sees instances with and without their own
# entry, `del` falls back to the class, and a class changed later is seen at once.
class Future:
    _state = 'PENDING'
    _result = None
    label = 'class'

    def name(self):
        return 'method'


class Task(Future):
    _must_cancel = False

    def __init__(self, n):
        if n % 2:
            self._state = 'FINISHED'
            self._result = n * 10
        self.n = n


def show(t):
    return t.n, t._state, t._result, t._must_cancel, t.label


tasks = [Task(n) for n in range(4)]
for t in tasks:
    print(show(t))

t = tasks[1]
t.name = lambda: 'own'  # a plain instance entry shadows the method
print(t.name(), tasks[0].name())
del t._state
print(show(t))
t._must_cancel = True
print(show(t), show(tasks[3]))

Future.label = 'changed'
print([x.label for x in tasks])
tasks[2].label = 'own label'
print([x.label for x in tasks])


class Guarded:
    def __get__(self, obj, owner):
        return 'descriptor'

    def __set__(self, obj, value):
        obj.__dict__['seen'] = value


Future.label = Guarded()  # a data descriptor now wins over the instance entry
print([x.label for x in tasks])
tasks[0].label = 'assigned'
print(tasks[0].label, tasks[0].seen)
del Future.label
print([getattr(x, 'label', 'missing') for x in tasks])
