# re flags: IGNORECASE, MULTILINE, DOTALL, VERBOSE, ASCII, short names, inline and scoped flags, RegexFlag reprs
import re

print(re.I, re.IGNORECASE, re.M | re.S, re.I | re.M | re.X, re.A, re.NOFLAG)
print(repr(re.U), re.I == 2, re.M.value, int(re.S), re.I | 0, 0 | re.I)
print(re.findall(r'^\w+', 'one\ntwo\nthree', re.M), re.findall(r'^\w+', 'one\ntwo'))
print(re.findall(r'\w+$', 'one\ntwo\nthree', re.MULTILINE), re.findall(r'\w+$', 'one\ntwo\n'))
print(re.search(r'a.b', 'a\nb'), re.search(r'a.b', 'a\nb', re.S).group())
print(re.findall(r'[a-z]+', 'Hello WORLD', re.I), re.match(r'[^a-z]', 'A', re.I))
print(re.match('straße', 'STRASSE', re.I), re.match('ÉCOLE', 'école', re.I).group())
print(re.match(r'(?i)hello', 'HeLLo').group(), re.match(r'(?i:h)ello', 'Hello').group(), re.match(r'(?i:h)ello', 'HELLO'))
print(re.match(r'(?-i:a)b', 'aB', re.I).group(), re.match(r'(?-i:a)b', 'AB', re.I))
print(re.findall(r'(?m)^x', 'x\nx'), re.findall(r'(?s).', 'a\n'), re.findall(r'(?ms)^a.', 'a\na\n'))
print(re.compile(r'(?i)a').flags, re.compile(r'(?x) a b ').match('ab').group())
print(re.compile(r'(?a)\w').flags, re.findall(r'(?a)\w+', 'héllo'))
pat = re.compile(r"""
    (\d+)   # the integer part
    \.      # the decimal point
    (\d*)   # some fractional digits
    """, re.VERBOSE)
print(pat.match('3.14').groups(), pat)
a = re.compile(r"""\d +  # the integral part
                   \.    # the decimal point
                   \d *  # some fractional digits""", re.X)
b = re.compile(r"\d+\.\d*")
print(a.match('12.5').group(), b.match('12.5').group())
print(re.compile(r'[ ]x # not a comment in a class [#]', re.X).match(' x#'))
print(re.compile(r'a\ b', re.X).match('a b').group())
print(re.search(r'\bé', 'café é', re.A), re.search(r'\bé', 'café é').span())
print(re.findall(rb'(?i)ab', b'AB ab aB'))
print(re.compile('x', re.I | re.M | re.S | re.X | re.A))
print(re.compile(b'x', re.L | re.I))
p = re.compile('a', re.I)
print(p.flags & re.I, bool(p.flags & re.M), re.sub('A', 'b', 'aAa', flags=re.I))
for bad in [('a', re.L), ('a', re.A | re.U), (b'a', re.U)]:
    try:
        re.compile(*bad)
    except ValueError as e:
        print('ValueError:', e)
try:
    re.compile(re.compile('a'), re.I)
except ValueError as e:
    print('ValueError:', e)
try:
    re.compile(5)
except TypeError as e:
    print('TypeError:', e)
