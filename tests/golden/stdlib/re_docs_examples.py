# examples of the re module's documentation page (docs.python.org/3.11/library/re.html), as written there
import re
import random
import string
from typing import NamedTuple

# Module contents
print(re.split(r'\W+', 'Words, words, words.'))
print(re.split(r'(\W+)', 'Words, words, words.'))
print(re.split(r'\W+', 'Words, words, words.', 1))
print(re.split('[a-f]+', '0a3B9', flags=re.IGNORECASE))
print(re.split(r'(\W+)', '...words, words...'))
print(re.split(r'\b', 'Words, words, words.'))
print(re.split(r'\W*', '...words...'))
print(re.split(r'(\W*)', '...words...'))
print(re.findall(r'\bf[a-z]*', 'which foot or hand fell fastest'))
print(re.findall(r'(\w+)=(\d+)', 'set width=20 and height=10'))
print(re.sub(r'def\s+([a-zA-Z_][a-zA-Z_0-9]*)\s*\(\s*\):',
             r'static PyObject*\npy_\1(void)\n{',
             'def myfunc():'))
def dashrepl(matchobj):
    if matchobj.group(0) == '-': return ' '
    else: return '-'
print(re.sub('-{1,2}', dashrepl, 'pro----gram-files'))
print(re.sub(r'\sAND\s', ' & ', 'Baked Beans And Spam', flags=re.IGNORECASE))
print(re.sub('x*', '-', 'abxd'))
print(re.escape('https://www.python.org'))
legal_chars = string.ascii_lowercase + string.digits + "!#$%&'*+-.^_`|~:"
print('[%s]+' % re.escape(legal_chars))
operators = ['+', '-', '*', '/', '**']
print('|'.join(map(re.escape, sorted(operators, reverse=True))))

# Regular Expression Objects
pattern = re.compile("d")
print(pattern.search("dog"))
print(pattern.search("dog", 1))
pattern = re.compile("o")
print(pattern.match("dog"))
print(pattern.match("dog", 1))
pattern = re.compile("o[gh]")
print(pattern.fullmatch("dog"))
print(pattern.fullmatch("ogre"))
print(pattern.fullmatch("doggie", 1, 3))

# Match Objects
match = re.search(r'(?<!\w)', 'spam')
print(match)
m = re.match(r"(\w+) (\w+)", "Isaac Newton, physicist")
print(m.group(0))
print(m.group(1))
print(m.group(2))
print(m.group(1, 2))
m = re.match(r"(?P<first_name>\w+) (?P<last_name>\w+)", "Malcolm Reynolds")
print(m.group('first_name'))
print(m.group('last_name'))
print(m.group(1))
print(m.group(2))
m = re.match(r"(..)+", "a1b2c3")
print(m.group(1))
m = re.match(r"(\w+) (\w+)", "Isaac Newton, physicist")
print(m[0])
print(m[1])
print(m[2])
m = re.match(r"(?P<first_name>\w+) (?P<last_name>\w+)", "Malcolm Reynolds")
print(m['first_name'])
print(m['last_name'])
m = re.match(r"(\d+)\.(\d+)", "24.1632")
print(m.groups())
m = re.match(r"(\d+)\.?(\d+)?", "24")
print(m.groups())
print(m.groups('0'))
m = re.match(r"(?P<first_name>\w+) (?P<last_name>\w+)", "Malcolm Reynolds")
print(m.groupdict())
email = "tony@tiremove_thisger.net"
m = re.search("remove_this", email)
print(email[:m.start()] + email[m.end():])

# Checking for a Pair
def displaymatch(match):
    if match is None:
        return None
    return '<Match: %r, groups=%r>' % (match.group(), match.groups())

valid = re.compile(r"^[a2-9tjqk]{5}$")
print(displaymatch(valid.match("akt5q")))
print(displaymatch(valid.match("akt5e")))
print(displaymatch(valid.match("akt")))
print(displaymatch(valid.match("727ak")))
pair = re.compile(r".*(.).*\1")
print(displaymatch(pair.match("717ak")))
print(displaymatch(pair.match("718ak")))
print(displaymatch(pair.match("354aa")))
print(pair.match("717ak").group(1))
print(pair.match("354aa").group(1))

# search() vs. match()
print(re.match("c", "abcdef"))
print(re.search("c", "abcdef"))
print(re.fullmatch("p.*n", "python"))
print(re.fullmatch("r.*n", "python"))
print(re.match("c", "abcdef"))
print(re.search("^c", "abcdef"))
print(re.search("^a", "abcdef"))
print(re.match("X", "A\nB\nX", re.MULTILINE))
print(re.search("^X", "A\nB\nX", re.MULTILINE))

# Making a Phonebook
text = """Ross McFluff: 834.345.1254 155 Elm Street

Ronald Heathmore: 892.345.3428 436 Finley Avenue
Frank Burger: 925.541.7625 662 South Dogwood Way


Heather Albrecht: 548.326.4584 919 Park Place"""
entries = re.split("\n+", text)
print(entries)
print([re.split(":? ", entry, 3) for entry in entries])
print([re.split(":? ", entry, 4) for entry in entries])

# Text Munging
def repl(m):
    inner_word = list(m.group(2))
    random.shuffle(inner_word)
    return m.group(1) + "".join(inner_word) + m.group(3)

text = "Professor Abdolmalek, please report your absences promptly."
print(re.sub(r"(\w)(\w+)(\w)", lambda m: m.group(1) + m.group(2)[::-1] + m.group(3), text))
print(len(re.sub(r"(\w)(\w+)(\w)", repl, text)) == len(text))

# Finding all Adverbs
text = "He was carefully disguised but captured quickly by police."
print(re.findall(r"\w+ly\b", text))

# Finding all Adverbs and their Positions
text = "He was carefully disguised but captured quickly by police."
for m in re.finditer(r"\w+ly\b", text):
    print('%02d-%02d: %s' % (m.start(), m.end(), m.group(0)))

# Raw String Notation
print(re.match(r"\W(.)\1\W", " ff "))
print(re.match("\\W(.)\\1\\W", " ff "))
print(re.match(r"\\", r"\\"))
print(re.match("\\\\", r"\\"))

# Writing a Tokenizer
class Token(NamedTuple):
    type: str
    value: str
    line: int
    column: int

def tokenize(code):
    keywords = {'IF', 'THEN', 'ENDIF', 'FOR', 'NEXT', 'GOSUB', 'RETURN'}
    token_specification = [
        ('NUMBER',   r'\d+(\.\d*)?'),  # Integer or decimal number
        ('ASSIGN',   r':='),           # Assignment operator
        ('END',      r';'),            # Statement terminator
        ('ID',       r'[A-Za-z]+'),    # Identifiers
        ('OP',       r'[+\-*/]'),      # Arithmetic operators
        ('NEWLINE',  r'\n'),           # Line endings
        ('SKIP',     r'[ \t]+'),       # Skip over spaces and tabs
        ('MISMATCH', r'.'),            # Any other character
    ]
    tok_regex = '|'.join('(?P<%s>%s)' % pair for pair in token_specification)
    line_num = 1
    line_start = 0
    for mo in re.finditer(tok_regex, code):
        kind = mo.lastgroup
        value = mo.group()
        column = mo.start() - line_start
        if kind == 'NUMBER':
            value = float(value) if '.' in value else int(value)
        elif kind == 'ID' and value in keywords:
            kind = value
        elif kind == 'NEWLINE':
            line_start = mo.end()
            line_num += 1
            continue
        elif kind == 'SKIP':
            continue
        elif kind == 'MISMATCH':
            raise RuntimeError(f'{value!r} unexpected on line {line_num}')
        yield Token(kind, value, line_num, column)

statements = '''
    IF quantity THEN
        total := total + price * quantity;
        tax := price * 0.05;
    ENDIF;
'''

for token in tokenize(statements):
    print(token)
