# textwrap: wrap, fill, shorten, dedent, indent and TextWrapper options, as the textwrap docs use them
import textwrap

sample_text = '''
    The textwrap module provides some convenience functions,
    as well as TextWrapper, the class that does all the work.
    You'll probably have to use the class directly if you want
    more control -- e.g. hyphenated words like goof-ball or well-known
    terms break nicely. The end.  Really!
'''

print(textwrap.dedent(sample_text))
print(textwrap.fill(textwrap.dedent(sample_text).strip(), width=50))
for width in (20, 35, 60):
    print(width, textwrap.wrap(sample_text, width=width))
print(textwrap.shorten("Hello  world!", width=12))
print(textwrap.shorten("Hello  world!", width=11))
print(textwrap.shorten("Hello world", width=10, placeholder="..."))
print(textwrap.shorten(sample_text, width=60))


def test():
    # end first line with \ to avoid the empty line!
    s = '''\
    hello
      world
    '''
    print(repr(s))
    print(repr(textwrap.dedent(s)))


test()
print(repr(textwrap.dedent("  a\n\t b\n")), repr(textwrap.dedent("    x\n  \n      y")))
s = 'hello\n\n \nworld'
print(repr(textwrap.indent(s, '  ')))
print(repr(textwrap.indent(s, '+ ', lambda line: True)))
print(textwrap.indent("one\ntwo\n", "> "), end="")

wrapper = textwrap.TextWrapper(width=30, initial_indent="* ", subsequent_indent="  ")
print(wrapper.fill(textwrap.dedent(sample_text)))
wrapper = textwrap.TextWrapper(width=25, max_lines=3, placeholder=" [more]")
print(wrapper.wrap(textwrap.dedent(sample_text)))
print(textwrap.fill("Supercalifragilisticexpialidocious is long", width=10))
print(textwrap.wrap("Supercalifragilisticexpialidocious is long", width=10, break_long_words=False))
print(textwrap.wrap("a-very-long-hyphenated-compound-word here", width=12))
print(textwrap.wrap("a-very-long-hyphenated-compound-word here", width=12, break_on_hyphens=False))
print(textwrap.wrap("tabs\there\tand\nnewlines", width=12))
print(textwrap.wrap("tabs\there", width=40, expand_tabs=False, replace_whitespace=False))
print(textwrap.wrap("First sentence.  Second one. third?\nFourth", width=80, fix_sentence_endings=True))
print(textwrap.wrap("   leading and trailing   ", width=10, drop_whitespace=False))
print(textwrap.wrap("", width=10), textwrap.fill("   ", width=5))
for kwargs in [dict(width=0), dict(width=5, max_lines=1, placeholder=" [truncated]")]:
    try:
        textwrap.wrap("some words to wrap", **kwargs)
    except ValueError as e:
        print("ValueError:", e)
