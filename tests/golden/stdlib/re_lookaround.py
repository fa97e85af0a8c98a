# re lookaround and atomic groups: (?=) (?!) (?<=) (?<!), atomic (?>...), possessive quantifiers, captures inside assertions
import re

print(re.findall(r'\w+(?=,)', 'one, two, three'))
print(re.findall(r'\b\w+\b(?!,)', 'one, two, three'))
print(re.search(r'(?<=abc)def', 'abcdef').group(0))
print(re.search(r'(?<=-)\w+', 'spam-egg').group(0))
print(re.findall(r'(?<!\$)\b\d+', 'cost $30 or 40'))
print(re.findall(r'(?<=\$)\d+(?:\.\d\d)?', 'cost $30.50 or $4'))
print(re.sub(r'(?<=\d)(?=(\d{3})+$)', ',', '1234567'))
print(re.match(r'(?=(\w+))\w', 'hello').group(1))
print(re.match(r'(?!(a))\w', 'b').groups())
print(re.match(r'(?=a)(?!ab)\w+', 'ac').group(), re.match(r'(?=a)(?!ab)\w+', 'ab'))
print(re.search(r'(?<=^)x', 'xx').span(), re.search(r'(?<!^)x', 'xx').span())
print(re.search(r'(?<=a|b)c', 'bc').group(), re.search(r'(?<=(a))b', 'ab').group(1))
print(re.search(r'(?<=ab)c', 'abc', 2), re.compile(r'(?<=a)b').search('ab', 1))
print(re.findall(r'(?<=[a-z]{2})\d', 'ab1 c2 de3'))
print(re.match(r'.*?(?=x)', 'abcxdef').group(), re.match(r'(?!.*x)', 'abc'))
print(re.match(r'(?>a|ab)c', 'abc'), re.match(r'(?:a|ab)c', 'abc').group())
print(re.match(r'(?>(a+))b', 'aab').groups(), re.match(r'(?>x*)y', 'xxy').group())
print(re.match(r'\d++\.', '123.').group(), re.match(r'\d*+3', '123'), re.match(r'[ab]?+b', 'b'))
print(re.match(r'(?:a{2})++', 'aaaaa').group(), re.match(r'a{1,2}+a', 'aa'))
print(re.findall(r'q(?=u)', 'quit qat queue'), re.findall(r'q(?!u)', 'quit qat Iraq'))
password = re.compile(r'^(?=.*[A-Z])(?=.*\d)(?!.*\s).{8,}$')
for pw in ['Secret123', 'secret123', 'Secret 123', 'Sh0rt']:
    print(pw, bool(password.match(pw)))
for bad in [r'(?<=a+)b', r'(?<!a|bc)d', r'(?<=a*)', r'(?<=(a)\1)b']:
    try:
        re.compile(bad)
    except re.error as e:
        print('error:', e)
