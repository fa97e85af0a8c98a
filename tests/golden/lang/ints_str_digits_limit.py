# The 4300-digit limit on int <-> str conversions and sys.set_int_max_str_digits / get_int_max_str_digits.
import sys

print(sys.get_int_max_str_digits())
print(sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold)

big = 10 ** 5000
for convert in (lambda: str(big), lambda: repr(-big), lambda: f"{big:,}",
                lambda: int("1" * 5000), lambda: int("-" + "7" * 4301), lambda: int("1" * 4300 + "_0")):
    try:
        print(len(str(convert())))
    except ValueError as e:
        print("ValueError:", e)

print(len(str(10 ** 4299)), len(hex(big)), len(bin(big)) > 10000)
print(int("f" * 5000, 16) > 0, len(str(int("9" * 4300))))

sys.set_int_max_str_digits(1000)
print(sys.get_int_max_str_digits())
try:
    str(10 ** 1000)
except ValueError as e:
    print("ValueError:", e)
try:
    int("5" * 1001)
except ValueError as e:
    print("ValueError:", e)
print(len(str(10 ** 999)))

sys.set_int_max_str_digits(0)
print(len(str(big)), int(str(big)) == big)

sys.set_int_max_str_digits(maxdigits=4300)
print(sys.get_int_max_str_digits())
for bad in (5, 639, -1):
    try:
        sys.set_int_max_str_digits(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    sys.set_int_max_str_digits("100")
except TypeError as e:
    print("TypeError:", e)
sys.set_int_max_str_digits(640)
print(len(str(10 ** 639)))
try:
    str(10 ** 640)
except ValueError as e:
    print("ValueError:", e)
