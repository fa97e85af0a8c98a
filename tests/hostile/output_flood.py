# hostile: output without end: a loop printing 1,000 characters a line forever stops at the
# playground's 16 MB output limit, with the output printed so far kept.
# error: OutputLimitError: stopped after printing 16 MB (raise the limit with --output-limit)
# seconds: 10
# output: prefix
print("start")
while True:
    print("x" * 1000)
