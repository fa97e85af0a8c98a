# string: constants, capwords, Template (substitute, safe_substitute, errors, a custom delimiter) and Formatter
import string
from string import Template

print(string.ascii_letters)
print(string.digits, string.hexdigits, string.octdigits)
print(string.punctuation)
print(repr(string.whitespace), len(string.printable))
print(string.capwords("hello   world  from python"))
print(string.capwords("a-b-c", "-"))

s = Template('$who likes $what')
print(s.substitute(who='tim', what='kung pao'))
d = dict(who='tim')
try:
    Template('Give $who $100').substitute(d)
except ValueError as e:
    print("ValueError:", e)
try:
    Template('$who likes $what').substitute(d)
except KeyError as e:
    print("KeyError:", e)
print(Template('$who likes $what').safe_substitute(d))
print(Template('${noun}ification costs $$5 and $x$y').substitute(noun='Python', x=1, y=2))
print(Template('Bad ${ here $').safe_substitute())
try:
    Template('line one\nline $ two').substitute()
except ValueError as e:
    print("ValueError:", e)
t = Template('$a and ${b} and $a again, $$ not $c')
print(t.get_identifiers(), t.is_valid(), Template('$').is_valid())
print(t.substitute({'a': 1, 'b': 2}, c=3))
print(t.substitute({'a': 1, 'b': 2, 'c': 0}, c='kw wins'))
print(t.template)


class BatchRename(Template):
    delimiter = '%'


photofiles = ['img_1074.jpg', 'img_1076.jpg', 'img_1077.jpg']
fmt = 'Ashley_%n%f'
t = BatchRename(fmt)
for i, filename in enumerate(photofiles):
    base, ext = filename.rsplit('.', 1)
    newname = t.substitute(d='', n=i, f='.' + ext)
    print('{0} --> {1}'.format(filename, newname))

f = string.Formatter()
print(f.format("{0} + {1} = {2}", 1, 2, 3))
print(f.format("{name!r:>10}|{0:.2f}|{{literal}}", 3.14159, name="pi"))
print(f.format("{p.real} {d[key]} {l[1]}", p=5, d={"key": "v"}, l=[7, 8]))
print(list(f.parse("a{{b}}c{0!r:>{w}}d{}")))


class UpperFormatter(string.Formatter):
    def format_field(self, value, format_spec):
        return super().format_field(value, format_spec).upper()


print(UpperFormatter().format("hello {} and {x}", "world", x="you"))
for bad in ["{0} {}", "{", "}", "{0!x}"]:
    try:
        print(f.format(bad, 1, 2))
    except ValueError as e:
        print("ValueError:", e)
