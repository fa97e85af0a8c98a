# Real workload: re-based tokenizing, modelled on the tokenizer of the `re` module's
# documentation ("Writing a Tokenizer": one master pattern of named groups, finditer,
# lastgroup, a namedtuple per token) run over generated program text, plus the kind of
# searches pyperformance's bm_regex_effbot and bm_regex_v8 time: compiled patterns with
# groups, alternation and classes, findall, split and sub with a function.

import re
from collections import Counter, namedtuple

Token = namedtuple('Token', ['type', 'value', 'line', 'column'])

KEYWORDS = {'IF', 'THEN', 'ENDIF', 'FOR', 'NEXT', 'GOSUB', 'RETURN'}


def tokenize(code):
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
        elif kind == 'ID' and value in KEYWORDS:
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


def make_program(lines):
    names = ['total', 'price', 'x', 'y', 'quantity', 'tax', 'n']
    out = []
    for i in range(lines):
        a = names[i % len(names)]
        b = names[(i * 3 + 1) % len(names)]
        if i % 5 == 0:
            out.append('    IF %s > %d THEN' % (a, i % 100))
        elif i % 5 == 4:
            out.append('    ENDIF')
        else:
            out.append('        %s := %s * %d.%02d + %d;' % (a, b, i % 9, i % 100, i))
    return '\n'.join(out).replace('>', '+') + '\n'


LOG_LINE = re.compile(r'^(?P<date>\d{4}-\d\d-\d\d) (?P<time>\d\d:\d\d:\d\d(?:\.\d+)?) '
                      r'\[(?P<level>[A-Z]+)\] (?P<source>[\w.]+): (?P<message>.*)$')
EMAIL = re.compile(r'\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b')
URL = re.compile(r'https?://[^\s/$.?#].[^\s]*', re.IGNORECASE)
NUMBER = re.compile(r'(?<![\w.])[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?![\w.])')


def make_log(lines):
    levels = ['INFO', 'DEBUG', 'WARNING', 'ERROR']
    sources = ['app.server', 'app.db', 'worker.queue', 'auth']
    for i in range(lines):
        yield '2024-01-%02d %02d:%02d:%02d.%03d [%s] %s: user%d@example%d.com fetched ' \
              'https://example.org/items/%d?page=%d in %d.%dms, size %de%d' % (
                  i % 28 + 1, i % 24, i % 60, (i * 7) % 60, i % 1000,
                  levels[i % 4], sources[i % 3], i % 50, i % 3, i, i % 9,
                  i % 300, i % 10, i % 7, i % 4)


def scan_log(lines):
    levels = Counter()
    emails = set()
    urls = 0
    numbers = 0
    redacted = 0
    for line in lines:
        m = LOG_LINE.match(line)
        if not m:
            continue
        levels[m.group('level')] += 1
        message = m.group('message')
        emails.update(EMAIL.findall(message))
        urls += len(URL.findall(message))
        numbers += len(NUMBER.findall(message))
        redacted += len(EMAIL.sub(lambda e: '<' + e.group().split('@')[1] + '>', message))
    return levels, len(emails), urls, numbers, redacted


program = make_program(4000)
counts = Counter()
checksum = 0
for loop in range(5):
    for tok in tokenize(program):
        counts[tok.type] += 1
        checksum = (checksum * 7 + tok.column + tok.line) % 1000003
print('tokens', sorted(counts.items()), 'checksum', checksum)

levels, emails, urls, numbers, redacted = scan_log(make_log(20000))
print('levels', sorted(levels.items()), 'emails', emails, 'urls', urls,
      'numbers', numbers, 'redacted', redacted)
words = re.split(r'[\s;:=+*]+', program)
print('words', len(words), re.sub(r'(\d+)\.(\d+)', r'\2,\1', '3.14 and 2.71'))
