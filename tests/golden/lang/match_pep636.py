# match statement: PEP 636's tutorial (a text adventure's command parsing), as its author wrote it
from dataclasses import dataclass


class Room:
    def __init__(self, name, exits):
        self.name = name
        self.exits = exits

    def neighbor(self, direction):
        return self.exits.get(direction, self)

    def describe(self):
        print(f"You are in the {self.name}.")


class Character:
    def __init__(self):
        self.room = hall
        self.inventory = []

    def get(self, obj):
        self.inventory.append(obj)
        print(f"You pick up the {obj}.")

    def drop(self, obj):
        self.inventory.remove(obj)
        print(f"You drop the {obj}.")


kitchen = Room("kitchen", {})
hall = Room("hall", {"north": kitchen})
kitchen.exits["south"] = hall
character = Character()
current_room = hall


def run(command):
    global current_room
    print(">", command)
    match command.split():
        case [action]:
            if action == "look":
                current_room.describe()
            else:
                print(f"You {action}.")
        case [action, obj]:
            print(f"You {action} the {obj}.")


for command in ["look", "sing", "open door"]:
    run(command)


def play(command):
    global current_room
    print(">", command)
    match command.split():
        case ["quit"]:
            print("Goodbye!")
            return False
        case ["look"]:
            current_room.describe()
        case ["get", obj]:
            character.get(obj)
        case ["drop", *objects]:
            for obj in objects:
                character.drop(obj)
        case ["go", direction] if direction in current_room.exits:
            current_room = current_room.neighbor(direction)
            print(f"You go {direction}.")
        case ["go", _]:
            print("Sorry, you can't go that way")
        case ["north"] | ["go", "north"]:
            current_room = current_room.neighbor("north")
        case ["get", obj] | ["pick", "up", obj] | ["pick", obj, "up"]:
            character.get(obj)
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            current_room = current_room.neighbor(direction)
        case _:
            print(f"Sorry, I couldn't understand {command!r}")
    return True


script = [
    "look", "get lamp", "get key", "go north", "look", "go west", "drop lamp key",
    "go south", "look", "dance wildly", "quit",
]
for command in script:
    if not play(command):
        break
print("inventory:", character.inventory)


def commands(command):
    match command.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"going {direction}"
        case ["pick", "up", obj] | ["pick", obj, "up"]:
            return f"picking up {obj}"
        case ["north"] | ["go", "north"]:
            return "north!"
        case [Character.__name__]:
            return "the class name"
        case _:
            return "unknown"


for c in ["go east", "go up", "pick up sword", "pick shield up", "north", "Character"]:
    print(c, "->", commands(c))


@dataclass
class Click:
    position: tuple
    button: str


@dataclass
class KeyPress:
    key_name: str


@dataclass
class Quit:
    pass


def handle_event(event):
    match event:
        case Click(position=(x, y)):
            print(f"click at {x}, {y}")
        case KeyPress(key_name="Q") | Quit():
            print("quit")
        case KeyPress(key_name="up arrow"):
            print("up")
        case KeyPress():
            pass  # Ignore other keystrokes
        case other_event:
            raise ValueError(f"Unrecognized event: {other_event}")


for event in [Click((10, 20), "left"), KeyPress("up arrow"), KeyPress("x"), KeyPress("Q"), Quit()]:
    handle_event(event)
try:
    handle_event("bogus")
except ValueError as e:
    print(e)


def handle_json(action):
    match action:
        case {"text": str(message), "color": str(c)}:
            print(f"text {message!r} in {c}")
        case {"sleep": float(duration)}:
            print(f"sleep {duration}")
        case {"sound": str(url), "format": "ogg"}:
            print(f"play {url}")
        case {"sound": _, "format": _}:
            print("Unsupported audio format")


for action in [{"text": "hello", "color": "red"}, {"sleep": 1.5}, {"sleep": 2},
               {"sound": "a.ogg", "format": "ogg"}, {"sound": "a.mp3", "format": "mp3"}]:
    handle_json(action)
