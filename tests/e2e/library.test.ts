// End-to-end tests of the standard library in the page: programs pasted from the Python docs
// run, the library archive is fetched by the engine's worker only when a program first imports
// from it, and only once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Harness, startHarness } from './harness';
import { PlaygroundPage } from './pages/playground';

// ASYNCIO_DOCS is the first example of the Python 3.11 asyncio documentation ("Coroutines and Tasks").
const ASYNCIO_DOCS = `import asyncio
import time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    print(f"started at {time.strftime('%X')}")

    await say_after(1, 'hello')
    await say_after(2, 'world')

    print(f"finished at {time.strftime('%X')}")

asyncio.run(main())
`;

// DATACLASS_JSON is the kind of program tutorials start with: a dataclass, a Counter, json.
const DATACLASS_JSON = `from dataclasses import dataclass, asdict
from collections import Counter
import json

@dataclass
class Order:
    item: str
    qty: int

orders = [Order("tea", 2), Order("coffee", 1), Order("tea", 3)]
print(json.dumps([asdict(o) for o in orders]))
print(Counter(o.item for o in orders).most_common(1))
`;

let harness: Harness;
let app: PlaygroundPage;
const libraryRequests: string[] = [];

before(async () => {
  harness = await startHarness();
  const page = await harness.newPage();
  page.on('request', (request) => {
    if (request.url().includes('interleave-library')) libraryRequests.push(request.url());
  });
  app = new PlaygroundPage(page);
  await app.open(harness.url);
});

after(async () => {
  await harness?.close();
});

async function runCode(code: string) {
  await app.editor.setCode(code);
  await app.terminal.command('speed 100');
  await app.run();
  return app.waitForRun();
}

describe('the standard library in the page', () => {
  it("runs the asyncio docs' first example on the simulated clock, without the library", async () => {
    const state = await runCode(ASYNCIO_DOCS);
    assert.equal(state.error, null);
    assert.equal(state.output, 'started at 00:00:00\nhello\nworld\nfinished at 00:00:03\n');
    assert.ok(Math.abs(state.end - 3) < 0.01, `elapsed ${state.end}`);
    assert.deepEqual(libraryRequests, [], 'a program importing only asyncio and time fetches no library');
  });

  it('fetches the library on the first import of dataclasses, collections and json, then runs', async () => {
    const state = await runCode(DATACLASS_JSON);
    assert.equal(state.error, null);
    assert.equal(
      state.output,
      '[{"item": "tea", "qty": 2}, {"item": "coffee", "qty": 1}, {"item": "tea", "qty": 3}]\n[(\'tea\', 2)]\n',
    );
    assert.equal(libraryRequests.length, 1, `library requests: ${libraryRequests.join(', ')}`);
    assert.ok(await app.terminal.waitForRow("[('tea', 2)]"), 'the terminal shows the last line');
  });

  it('does not fetch the library again for the next run', async () => {
    const state = await runCode(DATACLASS_JSON.replace('"tea", 3', '"cocoa", 3'));
    assert.equal(state.error, null);
    assert.match(state.output, /"cocoa"/);
    assert.equal(libraryRequests.length, 1);
  });

  it('names an unknown module and its line', async () => {
    const state = await runCode('import math\nimport numpy as np\n');
    assert.match(String(state.error), /^ModuleNotFoundError: no module named 'numpy' in the playground/);
    assert.ok(
      await app.terminal.waitForRow("no module named 'numpy' in the playground"),
      'the terminal names the module',
    );
  });
});
