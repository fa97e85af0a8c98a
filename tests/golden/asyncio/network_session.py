# aiohttp sessions: async with, a plain session closed by hand, GET pages, POST JSON, a closed session.
# elapsed: 0.75
import aiohttp
import asyncio


def title(text):
    return text.split("<title>")[1].split("</title>")[0]


async def main():
    session = aiohttp.ClientSession()
    async with session.get("https://example.com/") as response:
        text = await response.text()
        print(response.status, len(text), title(text))
        print(text.splitlines()[:4])
    response = await session.post("https://api.example.com/items?page=2", json={"name": "widget"})
    print(response.status, await response.json())
    print("closed:", session.closed)
    await session.close()
    print("closed:", session.closed)
    try:
        await session.get("https://example.com/")
    except RuntimeError as e:
        print("RuntimeError:", e)

    async with aiohttp.ClientSession() as s:
        async def page_title(url):
            async with s.get(url) as r:
                return title(await r.text())

        print(await asyncio.gather(*(page_title(f"http://site{i}.org/index.html") for i in range(3))))
    print("closed after async with:", s.closed)


asyncio.run(main())
