# Two fans try to buy the last ticket. Each one checks that a ticket is left, then
# takes it: check, then act. Nothing stops a switch between the check and the act.
import threading

tickets = ["row 7, seat 12"]


def buy(fan):
    if tickets:
        seat = tickets.pop()
        print(fan, "got", seat)
    else:
        print(fan, "found no tickets left")


alice = threading.Thread(target=buy, args=("Alice",), name="Alice")
bob = threading.Thread(target=buy, args=("Bob",), name="Bob")
alice.start()
bob.start()
alice.join()
bob.join()
