# re.sub/subn/split: templates (\1, \g<name>, \g<0>), callables, count and maxsplit, empty-match rules of 3.7+
import re

print(re.sub(r'def\s+([a-zA-Z_][a-zA-Z_0-9]*)\s*\(\s*\):', r'static PyObject*\npy_\1(void)\n{', 'def myfunc():'))
def dashrepl(matchobj):
    if matchobj.group(0) == '-': return ' '
    else: return '-'
print(re.sub('-{1,2}', dashrepl, 'pro----gram-files'))
print(re.sub(r'\sAND\s', ' & ', 'Baked Beans And Spam', flags=re.IGNORECASE))
print(re.sub('x*', '-', 'abxd'))
print(re.sub(r'(?P<word>\w+)', r'<\g<word>>', 'hi there'))
print(re.sub(r'(\w+)', r'\g<1>0', 'a b'), re.sub(r'(\w+)', r'[\g<0>]', 'a b'))
print(re.sub(r'a', r'\n\t\\', 'xax'))
print(re.sub('a', 'b', 'aaaa', count=2), re.sub('a', 'b', 'aaaa', 0), re.sub('a', 'b', 'aaaa', -1))
print(re.subn(r'\d', '#', 'a1b2c3'), re.subn('z', '#', 'abc'))
print(re.sub(r'', '-', 'abc'), re.sub(r'\b', '|', 'ab cd'))
print(re.sub(r'(a)?b', r'[\1]', 'b ab'))
print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'x10 y7'))
print(re.sub(rb'\d', b'#', b'a1b2'), re.sub(rb'(\w)', rb'\1\1', b'ab'))
print(re.compile(r'o').sub('0', 'foo boo', 1))

print(re.split(r'\W+', 'Words, words, words.'))
print(re.split(r'(\W+)', 'Words, words, words.'))
print(re.split(r'\W+', 'Words, words, words.', 1))
print(re.split('[a-f]+', '0a3B9', flags=re.IGNORECASE))
print(re.split(r'(\W+)', '...words, words...'))
print(re.split(r'\b', 'Words, words, words.'))
print(re.split(r'\W*', '...words...'))
print(re.split(r'(\W*)', '...words...'))
print(re.split(r'x*', 'axbc'), re.split(r'', 'abc'))
print(re.split(r'(a)|b', 'xaybz'), re.split(',', 'a,b,c', maxsplit=-1))
print(re.split(r'\s+', '  leading and trailing  '))
print(re.split(rb',', b'1,2,3'))
print(re.compile(r'[,;]\s*').split('a, b;c', maxsplit=1))
text = """Ross McFluff: 834.345.1254 155 Elm Street

Ronald Heathmore: 892.345.3428 436 Finley Avenue
Frank Burger: 925.541.7625 662 South Dogwood Way


Heather Albrecht: 548.326.4584 919 Park Place"""
entries = re.split("\n+", text)
print(entries)
print([re.split(":? ", entry, 3) for entry in entries])
print([re.split(":? ", entry, 4) for entry in entries])

for bad in [r'\g<9>', r'\g<x>', r'\q', '\\', r'\g<', r'\g<1']:
    try:
        re.sub(r'(a)', bad, 'a')
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
try:
    re.sub('a', 1, 'a')
except TypeError as e:
    print('TypeError:', e)
