# logging without configuration writes WARNING and above to stderr as LEVEL:name:message; stdout has the prints
import logging

print("before")
logging.debug("not shown")
logging.warning("Watch out!")
logging.getLogger("app").error("from a named logger")
print("after")
