# `from package import submodule` imports the submodule, as tutorials write `from concurrent import futures`
from concurrent import futures
from collections import abc
from os import path

with futures.ThreadPoolExecutor(max_workers=2) as executor:
    print(list(executor.map(abs, [-1, -2, 3])))
print(isinstance([], abc.Sequence), path.join("a", "b"))
try:
    from concurrent import nothing_here
except ImportError as e:
    print(type(e).__name__, str(e).split(' (')[0])
