# the Regular Expression HOWTO (docs.python.org/3.11/howto/regex.html) examples, as written there
import re

p = re.compile('ab*')
print(p)
p = re.compile('ab*', re.IGNORECASE)
print(p)

p = re.compile('[a-z]+')
print(p)
print(p.match(""))
m = p.match('tempo')
print(m)
print(m.group())
print(m.start(), m.end())
print(m.span())
print(p.match('::: message'))
m = p.search('::: message'); print(m)
print(m.group())
print(m.span())

p = re.compile(r'\d+')
print(p.findall('12 drummers drumming, 11 pipers piping, 10 lords a-leaping'))
iterator = p.finditer('12 drummers drumming, 11 ... 10 ...')
for match in iterator:
    print(match.span())

print(re.match(r'From\s+', 'Fromage amk'))
print(re.match(r'From\s+', 'From amk Thu May 14 19:12:10 1998'))

charref = re.compile(r"""
 &[#]                # Start of a numeric entity reference
 (
     0[0-7]+         # Octal form
   | [0-9]+          # Decimal form
   | x[0-9a-fA-F]+   # Hexadecimal form
 )
 ;                   # Trailing semicolon
""", re.VERBOSE)
print(charref.match('&#x3C;').group(1))
charref = re.compile("&#(0[0-7]+"
                     "|[0-9]+"
                     "|x[0-9a-fA-F]+);")
print(charref.findall('&#60; &#x3C; &#074;'))

print(re.search('}$', '{block}'))
print(re.search('}$', '{block} '))
print(re.search('}$', '{block}\n'))
print(re.search('^From', 'From Here to Eternity'))
print(re.search('^From', 'Reciting From Memory'))

p = re.compile(r'\bclass\b')
print(p.search('no class at all'))
print(p.search('the declassified algorithm'))
print(p.search('one subclass is'))
p = re.compile('\bclass\b')
print(p.search('no class at all'))
print(p.search('\b' + 'class' + '\b'))

p = re.compile('(ab)*')
print(p.match('ababababab').span())
p = re.compile('(a)b')
m = p.match('ab')
print(m.group())
print(m.group(0))
p = re.compile('(a(b)c)d')
m = p.match('abcd')
print(m.group(0))
print(m.group(1))
print(m.group(2))
print(m.group(2, 1, 2))
print(m.groups())

p = re.compile(r'\b(\w+)\s+\1\b')
print(p.search('Paris in the the spring').group())

m = re.match("([abc])+", "abc")
print(m.groups())
m = re.match("(?:[abc])+", "abc")
print(m.groups())

p = re.compile(r'(?P<word>\b\w+\b)')
m = p.search( '(((( Lots of punctuation )))' )
print(m.group('word'))
print(m.group(1))
m = re.match(r'(?P<first>\w+) (?P<last>\w+)', 'Jane Doe')
print(m.groupdict())

InternalDate = re.compile(r'INTERNALDATE "'
        r'(?P<day>[ 123][0-9])-(?P<mon>[A-Z][a-z][a-z])-'
        r'(?P<year>[0-9][0-9][0-9][0-9])'
        r' (?P<hour>[0-9][0-9]):(?P<min>[0-9][0-9]):(?P<sec>[0-9][0-9])'
        r' (?P<zonen>[-+])(?P<zoneh>[0-9][0-9])(?P<zonem>[0-9][0-9])'
        r'"')
print(InternalDate.match('INTERNALDATE "17-Jul-1996 02:44:25 -0700"').groupdict())

p = re.compile(r'\b(?P<word>\w+)\s+(?P=word)\b')
print(p.search('Paris in the the spring').group())

pattern = re.compile(r".*[.](?!bat$|exe$)[^.]*$")
for name in ['foo.bar', 'autoexec.bat', 'sendmail.cf', 'printers.conf', 'x.exe']:
    print(name, bool(pattern.match(name)))

p = re.compile(r'\W+')
print(p.split('This is a test, short and sweet, of split().'))
print(p.split('This is a test, short and sweet, of split().', 3))
p = re.compile(r'\W+')
p2 = re.compile(r'(\W+)')
print(p.split('This... is a test.'))
print(p2.split('This... is a test.'))
print(re.split(r'[\W]+', 'Words, words, words.'))
print(re.split(r'([\W]+)', 'Words, words, words.'))
print(re.split(r'[\W]+', 'Words, words, words.', 1))

p = re.compile('(blue|white|red)')
print(p.sub('colour', 'blue socks and red shoes'))
print(p.sub('colour', 'blue socks and red shoes', count=1))
p = re.compile('(blue|white|red)')
print(p.subn('colour', 'blue socks and red shoes'))
print(p.subn('colour', 'no colours at all'))
p = re.compile('x*')
print(p.sub('-', 'abxd'))
p = re.compile(r'section{ ( [^}]* ) }', re.VERBOSE)
print(p.sub(r'subsection{\1}', 'section{First} section{second}'))
p = re.compile('section{ (?P<name> [^}]* ) }', re.VERBOSE)
print(p.sub(r'subsection{\1}', 'section{First}'))
print(p.sub(r'subsection{\g<1>}', 'section{First}'))
print(p.sub(r'subsection{\g<name>}', 'section{First}'))

def hexrepl(match):
    "Return the hex string for a decimal number"
    value = int(match.group())
    return hex(value)

p = re.compile(r'\d+')
print(p.sub(hexrepl, 'Call 65490 for printing, 49152 for user code.'))
print(re.sub('(?i)b+', 'x', 'bbbb BBBB'))

s = '<html><head><title>Title</title>'
print(len(s))
print(re.match('<.*>', s).span())
print(re.match('<.*>', s).group())
print(re.match('<.*?>', s).group())

print(re.match('super', 'superstition').span())
print(re.match('super', 'insuperable'))
print(re.search('super', 'superstition').span())
print(re.search('super', 'insuperable').span())
