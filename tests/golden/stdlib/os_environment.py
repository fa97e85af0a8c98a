# os: name, separators, environ/getenv, getpid, cpu_count and os.path's string functions
import os
import os.path

print(os.name, repr(os.sep), repr(os.linesep), os.pathsep, os.curdir, os.pardir, os.devnull)
print(type(os.getpid()).__name__, os.getpid() == os.getpid(), type(os.cpu_count()).__name__, os.cpu_count() >= 1)
print(os.getenv("NO_SUCH_VARIABLE_XYZ"), os.getenv("NO_SUCH_VARIABLE_XYZ", "default"), "NO_SUCH_VARIABLE_XYZ" in os.environ)
os.environ["APP_MODE"] = "test"
print(os.environ["APP_MODE"], os.getenv("APP_MODE"), os.environ.get("APP_MODE"))
print(os.path.join("data", "raw", "file.csv"), os.path.join("/etc", "/usr", "lib"), os.path.join("a/", "b"))
print(os.path.basename("/home/user/report.txt"), os.path.dirname("/home/user/report.txt"), os.path.split("/a/b/"))
print(os.path.splitext("archive.tar.gz"), os.path.splitext(".bashrc"), os.path.splitext("noext"))
print(os.path.normpath("a//b/./c/../d"), os.path.normpath("/../x"), os.path.isabs("/x"), os.path.isabs("x"))
print(os.path.exists("surely/not/here.txt"), os.path.isfile("surely/not/here.txt"), os.path.relpath("/a/b/c", "/a"))
print(os.path.commonprefix(["/usr/lib", "/usr/local"]), os.path.sep)
