# re.error messages and positions (msg, pattern, pos, lineno, colno) for bad patterns, as CPython's parser reports them
import re

bad_patterns = [
    '(', '(abc', ')', 'a)', '*', '+a', '?', 'a**', 'a{2}{3}', '^*', '[a', '[', '[]', '[z-a]', r'[\d-z]',
    r'\q', r'\ ', '\\', r'\1', r'(a)\2', r'(?P<1>a)', r'(?P<a>a)(?P<a>b)', r'(?P=x)', r'(?P<a>(?P=a))',
    '(?<x)', '(?x', '(?', '(?P', '(?Px)', '(?<', '(?#unterminated', r'(?(2)a|b)', r'(?(x)a)', r'(?(1a)b)',
    '(?(0)a)', '(a)(?(1)a|b|c)', 'a{3,2}', '(?i', '(?z)', '(?-)', '(?i-i:a)', 'a(?i)', '(?L)a', r'\x1', r'\u12',
    r'[\x1]', r'\8', r'\400', r'(?P<a b>c)', r'(?P<>a)', r'(?P<', '(?<=a+)b', 'x(?<!ab|c)', r'[a-\d]',
    'abc\n(def', 'line1\nline2\n(?P<g', '(?-i)', b'(', rb'\q', '(?u)a', '(?a:b)(?L:c)',
]
for p in bad_patterns:
    try:
        re.compile(p)
        print(repr(p), 'compiled')
    except re.error as e:
        print(repr(p), '->', e, '|', repr(e.msg), e.pos, e.lineno, e.colno)
    except (ValueError, OverflowError) as e:
        print(repr(p), '->', type(e).__name__, e)

e = re.error('custom message')
print(e, e.msg, e.pattern, e.pos, e.lineno)
e = re.error('boom', 'ab\ncd', 4)
print(e, e.lineno, e.colno)
print(issubclass(re.error, Exception), re.error.__name__, re.error.__module__)
try:
    re.compile('a{99999999999}')
except OverflowError as e:
    print('OverflowError:', e)
re.search(r'(?P<year>\d{4}', '2024')
