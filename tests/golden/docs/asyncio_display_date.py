# The asyncio docs' display_date example: a loop that prints the date every second for five seconds, using loop.time().
# elapsed: 4
# clock: datetime
import asyncio
import datetime

async def display_date():
    loop = asyncio.get_running_loop()
    end_time = loop.time() + 5.0
    while True:
        print(datetime.datetime.now().strftime("%Y-%m-%d %H:%M:%S"))
        if (loop.time() + 1.0) >= end_time:
            break
        await asyncio.sleep(1)

asyncio.run(display_date())
