# sys.exit(2) ends the program without a traceback; code after it does not run
import sys

def main():
    print("checking arguments")
    if len(sys.argv) < 3:
        print("usage: main.py SOURCE DEST")
        sys.exit(2)
    print("not reached")

main()
