# time.strptime with the common directives and its errors
import time

print(time.strptime("30 Nov 00", "%d %b %y"))
print(time.strptime("2024-03-05 14:07:09", "%Y-%m-%d %H:%M:%S"))
print(time.strptime("Tue Mar  5 14:07:09 2024"))
print(time.strptime("07/04/1999 11:30 PM", "%m/%d/%Y %I:%M %p"))
print(time.strptime("Friday, 12 January 2024", "%A, %d %B %Y"))
print(time.strptime("2024 100", "%Y %j"))
print(time.strptime("12:30", "%H:%M")[:6])
for data, fmt in [("2024-13", "%Y-%m"), ("2024-1x", "%Y-%m"), ("hello", "%Y"), ("2023-02-29", "%Y-%m-%d")]:
    try:
        time.strptime(data, fmt)
    except ValueError as e:
        print("ValueError:", e)
