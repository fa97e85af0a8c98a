# re groups: numbered and named groups, backreferences, groupdict/groups defaults, lastindex/lastgroup, conditionals, findall with groups
import re

m = re.match(r'(\w+) (\w+)', 'Isaac Newton, physicist')
print(m.group(0), m.group(1), m.group(2), m.group(1, 2))
m = re.match(r'(?P<first_name>\w+) (?P<last_name>\w+)', 'Malcolm Reynolds')
print(m.group('first_name'), m.group('last_name'), m.groupdict())
print(m.group(1), m['last_name'], m.start('last_name'), m.span('first_name'))
m = re.match(r'(a)(b)?', 'ac')
print(m.groups(), m.groups('-'), m.group(2), m.span(2), m.start(2))
m = re.match(r'(?P<a>x)(?P<b>y)?', 'x')
print(m.groupdict(), m.groupdict(0))
m = re.match(r'(\d+)\.(\d+)', '24.1632')
print(m.groups(), m.lastindex)

# nesting and lastindex
m = re.match(r'((a)(b))', 'ab')
print(m.groups(), m.lastindex)
m = re.match(r'(a)(b)', 'ab')
print(m.lastindex, m.lastgroup)
m = re.match(r'(?P<x>a)(?P<y>b)?', 'a')
print(m.lastindex, m.lastgroup)
print(re.match(r'(?:a)', 'a').lastindex, re.match(r'(a|b)*', 'abab').group(1))
print(re.match(r'(a*)+', 'b').groups(), re.match(r'(a|)*', 'aa').groups(), re.match(r'(a?)*?b', 'aab').groups())

# backreferences
print(re.search(r'(\w)\1', 'hello').group())
print(re.findall(r'\b(\w+)\s+\1\b', 'Paris in the the spring spring'))
print(re.search(r'(?P<quote>[\'"]).*?(?P=quote)', 'say "hi" now').group())
print(re.match(r'(?i)(ab)\1', 'abAB').group())
print(re.match(r'(a)|\1', 'x'))

# conditionals
pat = re.compile(r'(<)?(\w+@\w+(?:\.\w+)+)(?(1)>|$)')
print(pat.match('<user@host.com>'), pat.match('user@host.com'), pat.match('<user@host.com'))
print(re.match(r'(?P<p>\()?\d+(?(p)\))', '(12)').group(), re.match(r'(a)?(?(1)b|c)', 'c').group())

# findall with 0, 1 or more groups
print(re.findall(r'\w+=\w+', 'a=1 b=2'))
print(re.findall(r'(\w+)=\w+', 'a=1 b=2'))
print(re.findall(r'(\w+)=(\w+)', 'a=1 b=2'))
print(re.findall(r'(\w+)=(\d)?', 'a= b=2'))
print(re.findall(r'(a)|(b)', 'ab'))

# errors with groups
m = re.match(r'(a)', 'a')
for bad in (2, -1, 'nope'):
    try:
        m.group(bad)
    except IndexError as e:
        print('IndexError:', e)
try:
    m.start('x')
except IndexError as e:
    print('IndexError:', e)

# expand
m = re.match(r'(?P<h>\d+):(?P<m>\d+)', '12:34')
print(m.expand(r'\2h\1'), m.expand(r'\g<m>-\g<h>-\g<0>'), m.expand(r'[\g<2>]\n'))
print(repr(re.match(r'(a)(b)?', 'a').expand(r'<\2>')))
