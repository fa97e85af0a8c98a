# re basics: literals, escapes, classes, anchors, quantifiers (greedy, lazy, possessive), search/match/fullmatch, findall/finditer, Pattern and Match reprs
import re

print(re.search(r'world', 'hello world'))
print(re.match(r'world', 'hello world'))
print(re.fullmatch(r'\w+', 'hello'), re.fullmatch(r'\w+', 'hello world'))
print(re.search(r'\d+', 'order 66 and 99').group())
print(re.findall(r'\d+', 'a1b22c333'))
print(re.findall(r'[aeiou]', 'programming language'))
print(re.findall(r'[^aeiou\s]+', 'programming language'))
print(re.findall(r'[a-cx-z]', 'abcdefxyz'))
print(re.findall(r'[\d.]+', 'pi is 3.14, e is 2.71'))
print(re.findall(r'[-+]?\d+', '+3 -4 5-6'))
print(re.findall(r'[]a]', ']a]b'))
print(re.findall(r'\bcat\b', 'cat concat cat. catalog'))
print(re.findall(r'\Bcat\B', 'cat concatenate'))
print(re.findall(r'\s+', 'a \t b\n\nc'))
print(re.findall(r'\S+', ' one  two\tthree '))
print(re.findall(r'\W+', 'hello, world! ok'))
print(re.findall(r'.', 'a\nb'))
print(re.search(r'^abc', 'xabc'), re.search(r'abc$', 'abc\n'))
print(re.search(r'\Aabc\Z', 'abc'), re.search(r'abc\Z', 'abc\n'))

# quantifiers
print(re.match(r'a*', 'aaab').group(), re.match(r'a+?', 'aaab').group(), re.match(r'a??', 'aaab').group())
print(re.match(r'a{2}', 'aaaa').group(), re.match(r'a{2,}', 'aaaa').group(), re.match(r'a{1,3}', 'aaaa').group())
print(re.match(r'a{,2}', 'aaaa').group(), re.match(r'a{2,3}?', 'aaaa').group())
print(re.match(r'x{', 'x{').group(), re.match(r'x{a}', 'x{a}').group(), re.match(r'x{}', 'x{}').group())
print(re.match(r'<.*>', '<a><b>').group(), re.match(r'<.*?>', '<a><b>').group())
print(re.match(r'(ab)+', 'ababab').group(), re.match(r'(ab)+?', 'ababab').group())
print(re.match(r'(?:ab){2}', 'ababab').group(), re.match(r'(?:ab){2,}?c', 'abababc').group())
print(re.match(r'a*+a', 'aaa'), re.match(r'a++b', 'aaab').group())
print(re.match(r'(?:ab)*+ab', 'abab'), re.match(r'(?>a+)b', 'aaab').group(), re.match(r'(?>a+)a', 'aaa'))
print(re.match(r'\d{3}-\d{4}', '555-1234').group())

# search with pos and endpos
p = re.compile(r'o')
print(p.search('hello world', 5), p.search('hello world', 5, 7), p.match('hello', 4))
print(re.compile(r'^o').search('hello', 4), re.compile(r'o$').search('hello world', 0, 5))
print(p.findall('foo boo', 2), p.findall('foo boo', 1, 5))

# empty matches
print(re.findall(r'a*', 'baaa'))
print(re.findall(r'', 'abc'))
print([m.span() for m in re.finditer(r'\b', 'hi there')])
print([m.span() for m in re.finditer(r'x*', 'axxb')])

# finditer and Match objects
for m in re.finditer(r'(\w)(\d)', 'a1 b2 c3'):
    print(m.group(), m.group(1), m.group(2), m.start(), m.end(), m.span(), m.groups())
m = re.search(r'(\w+)@(\w+)\.com', 'mail bob@example.com now')
print(m, m.string, m.re, m.pos, m.endpos, m.lastindex, m.lastgroup, bool(m))
print(m.group(0, 1, 2), m[0], m[2], m.regs)

# patterns
p = re.compile(r'(?P<word>\w+)\s(\d+)', re.IGNORECASE | re.MULTILINE)
print(p, p.pattern, p.flags, p.groups, p.groupindex)
print(re.compile('a+'), re.compile(r'\d', re.A), re.compile(b'x+', re.I), re.compile('x', re.S | re.X))
print(re.compile('abc') == re.compile('abc'), re.compile('abc') == re.compile('abd'))
print(re.compile(re.compile('ab')).pattern)

# unicode
print(re.findall(r'\w+', 'naïve café über straße'))
print(re.findall(r'\d', 'x٣y7'), re.findall(r'\d', 'x٣y7', re.ASCII))
print(re.findall(r'\w+', 'naïve café', re.ASCII))
print(re.search(r'é+', 'caféé!').span())
print(re.sub(r'\s', '_', 'a\u00a0b c'))
print(re.findall(r'[α-ω]+', 'Ελληνικά αβγ'))

# bytes
print(re.findall(rb'\d+', b'a12b345'))
print(re.match(rb'(\w+) (\w+)', b'hello world').groups())
print(re.sub(rb'o', b'0', bytearray(b'foo')))
print(re.search(rb'\xff', b'a\xffb').span())

# escape and purge
print(re.escape('1+1=2?'), re.escape('a.b*c'), re.escape(b'a.b'))
print(re.escape('spaces and\ttabs'), re.escape('_underscore-dash'))
re.purge()
print(re.search(re.escape('a.b'), 'axb a.b').start())
