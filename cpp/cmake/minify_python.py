"""Shrinks a Python module for embedding without changing its bytecode or line numbers.

Usage: python3 minify_python.py SOURCE OUTPUT

Comments go, each block is indented by one space per level, continuation lines lose their
indentation and blank lines stay blank so tracebacks keep the source's line numbers. String
literals, docstrings included, stay byte for byte: a docstring becomes __doc__, an object
the VM allocates, so changing it would change a run's memory use.
"""

import io
import sys
import tokenize


def minify(source):
    lines = source.splitlines(keepends=False)
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    # edits[row] is a list of (start_col, end_col, replacement) on that 1-based physical line.
    edits = {}
    verbatim = set()  # rows that begin inside a multi-line string: their text is data
    level_of_row = {}  # rows that start a logical line: their block depth
    depth = 0
    at_line_start = True
    for tok in tokens:
        (srow, scol), (erow, ecol) = tok.start, tok.end
        if tok.type == tokenize.INDENT:
            depth += 1
            continue
        if tok.type == tokenize.DEDENT:
            depth -= 1
            continue
        if tok.type in (tokenize.NEWLINE, tokenize.NL):
            if tok.type == tokenize.NEWLINE:
                at_line_start = True
            continue
        if tok.type == tokenize.COMMENT:
            edits.setdefault(srow, []).append((scol, ecol, ''))
            continue
        if tok.type in (tokenize.ENDMARKER, tokenize.ENCODING):
            continue
        if at_line_start:
            level_of_row[srow] = depth
            at_line_start = False
        if tok.type == tokenize.STRING and erow > srow:
            verbatim.update(range(srow + 1, erow + 1))
    out = []
    for row, text in enumerate(lines, start=1):
        for start, end, replacement in sorted(edits.get(row, []), reverse=True):
            text = text[:start] + replacement + text[end:]
        if row in verbatim:
            out.append(text)
            continue
        text = text.rstrip()
        body = text.lstrip()
        if not body:
            out.append('')
        elif row in level_of_row:
            out.append(' ' * level_of_row[row] + body)
        else:
            out.append(body)
    return '\n'.join(out) + '\n'


def main():
    source_path, output_path = sys.argv[1], sys.argv[2]
    with open(source_path, encoding='utf-8') as f:
        source = f.read()
    result = minify(source)
    compile(result, source_path, 'exec')
    with open(output_path, 'w', encoding='utf-8', newline='\n') as f:
        f.write(result)


if __name__ == '__main__':
    main()
