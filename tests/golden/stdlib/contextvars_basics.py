# contextvars: ContextVar get/set/reset with Token, copy_context, Context.run and its mapping interface, errors
from contextvars import ContextVar, Context, Token, copy_context

var = ContextVar('var', default=42)
print(var.name, var.get())
try:
    ContextVar('nodefault').get()
except LookupError as e:
    print("LookupError:", e.args[0].name)
print(ContextVar('x').get('fallback'))

token = var.set('new value')
print(var.get(), token.var is var, token.old_value is Token.MISSING)
var.reset(token)
print(var.get())
try:
    var.reset(token)
except RuntimeError as e:
    print("RuntimeError: has already been used once" if "used once" in str(e) else e)

var2 = ContextVar('var2')
var2.set('spam')
ctx = copy_context()
print(list(ctx.items()) == [(var2, 'spam')] or (var2 in ctx and ctx[var2]), len(ctx), ctx.get(var), ctx[var2])


def main():
    var2.set('ham')
    print("inside run:", var2.get(), ctx[var2])
    return "returned"


print(ctx.run(main))
print("outside:", var2.get(), ctx[var2])

try:
    ctx.run(lambda: ctx.run(print))
except RuntimeError as e:
    print("RuntimeError: cannot enter context" if "cannot enter context" in str(e) else e)

other = Context()
print(len(other), var2 in other, other.run(lambda: var2.get('empty')))
tok = var2.set('eggs')
try:
    other.run(var2.reset, tok)
except ValueError as e:
    print("ValueError: was created in a different Context" if "different Context" in str(e) else e)
try:
    var.reset(tok)
except ValueError as e:
    print("ValueError: was created by a different ContextVar" if "different ContextVar" in str(e) else e)
try:
    ContextVar(123)
except TypeError as e:
    print("TypeError:", e)
try:
    ctx["key"]
except TypeError as e:
    print("TypeError:", e)
