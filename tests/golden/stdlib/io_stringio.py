# io.StringIO: write, getvalue, read, readline, seek/tell, iteration, print(file=...), context manager and errors
import io

output = io.StringIO()
output.write('First line.\n')
print('Second line.', file=output)
contents = output.getvalue()
print(repr(contents), output.tell())
output.close()
print(output.closed)

buf = io.StringIO("alpha\nbeta\ngamma")
print(repr(buf.readline()), repr(buf.read(3)), buf.tell(), repr(buf.read()))
buf.seek(0)
print([line.rstrip() for line in buf])
buf.seek(0)
print(buf.readlines(), repr(buf.read()))
buf.seek(6)
buf.write("BETA")
print(repr(buf.getvalue()), buf.seek(0, 2), buf.truncate(5), repr(buf.getvalue()))
with io.StringIO() as f:
    f.writelines(["a", "b", "c\n"])
    print(f.getvalue(), end="")
    n = f.write("xyz")
print(n, f.closed)
for bad in [lambda: f.getvalue(), lambda: io.StringIO().write(5), lambda: io.StringIO(3), lambda: io.StringIO().seek(-1)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
