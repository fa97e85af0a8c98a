# The tokenizer from the re module's documentation ("Writing a Tokenizer", Python 3.11),
# as written there, then finditer used lazily: matches come one at a time, a bad subject
# fails at the call, and pos/endpos bound the scan.
from typing import NamedTuple
import re

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

try:
    list(tokenize("x := 1 ? 2"))
except RuntimeError as e:
    print("RuntimeError:", e)

words = re.compile(r"\w+")
it = words.finditer("the quick brown fox", 4, 15)
print(next(it).span(), next(it).group(), [m.group() for m in it], list(it))
print([m.span() for m in re.finditer(r"a*", "baaab")])
print(sum(1 for _ in re.finditer(r"\d", "a1b22c333" * 1000)))
try:
    re.finditer(r"a", 5)
except TypeError as e:
    print("TypeError:", e)
