// End-to-end test of process grouping in headless Chromium: a multiprocessing Pool run
// shows one header and one GIL lane per process on the timeline, each GIL held only by
// that process's own thread, in light and dark themes and in presenter mode; a run with
// one process keeps the ungrouped lanes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Harness, startHarness } from './harness';
import { PlaygroundPage } from './pages/playground';

let harness: Harness;
let app: PlaygroundPage;

before(async () => {
  harness = await startHarness();
  app = new PlaygroundPage(await harness.newPage({ width: 1280, height: 1200 }, 'light'));
  await app.open(harness.url);
});

after(async () => {
  await harness?.close();
});

const POOL = `from multiprocessing import Pool
import sim
def work(n):
    sim.cpu(0.2)
    return n * n
if __name__ == "__main__":
    with Pool(4) as p:
        print(p.map(work, range(8)))
`;

const HEADERS = [
  'MainProcess · pid 4242',
  'SpawnPoolWorker-1 · pid 4243',
  'SpawnPoolWorker-2 · pid 4244',
  'SpawnPoolWorker-3 · pid 4245',
  'SpawnPoolWorker-4 · pid 4246',
];
const BUSY = 12;

describe('processes on the timeline', () => {
  it('groups a Pool run under one header per process, each with its own GIL lane', async () => {
    await app.editor.setCode(POOL);
    await app.run();
    const state = await app.waitForRun();
    assert.equal(state.error, null);
    await app.key('End');
    await app.page.waitForFunction(() => (window.__interleave.state() as { output: string }).output.includes('49]'));
    assert.equal(await app.terminal.text(), '[0, 1, 4, 9, 16, 25, 36, 49]\n');
    assert.ok(await app.terminal.waitForRow('[0, 1, 4, 9, 16, 25, 36, 49]'), 'the list is on screen in the terminal');

    assert.deepEqual(await app.timeline.processHeaders(), HEADERS);
    const groups = await app.timeline.laneGroups();
    assert.deepEqual(
      groups.map((g) => g.header),
      [...HEADERS, 'Cores · shared by all processes'],
    );
    for (const g of groups.slice(0, HEADERS.length)) {
      assert.equal(g.lanes.filter((l) => l === 'GIL').length, 1, `${g.header} has one GIL lane`);
      assert.equal(g.lanes[g.lanes.length - 1], 'GIL', `${g.header}'s GIL lane closes its group`);
    }
    assert.deepEqual(groups[0].lanes.slice(0, 1), ['MainThread']);
    for (let k = 1; k <= 4; k++) assert.deepEqual(groups[k].lanes, [`SpawnPoolWorker-${k}`, 'GIL']);
    assert.deepEqual(groups[5].lanes, ['core 0', 'core 1']);

    // Each worker's GIL lane is drawn busy, in the colour of that worker's only thread.
    const m = await app.timeline.model();
    const lanes = m.groups[0].lanes;
    lanes.forEach((lane, i) => {
      if (lane.kind !== 2 || i < 4) return;
      const busy = m.groups[0].rects.filter((r) => r.lane === i && (r.style & 0xff) === BUSY);
      assert.ok(busy.length > 0, `GIL lane ${i} shows its holder`);
      assert.equal(new Set(busy.map((r) => r.style >> 8)).size, 1, `GIL lane ${i} is held by one thread only`);
    });
    await app.screenshot('processes-01-light');
  });

  it('names the process and the holder when pointing at a worker GIL lane', async () => {
    const m = await app.timeline.model();
    const lanes = m.groups[0].lanes;
    const gil = lanes.findIndex(
      (l, i) => l.kind === 2 && i > 0 && lanes[i - 2]?.label === 'SpawnPoolWorker-1 · pid 4243',
    );
    assert.ok(gil > 0);
    // Point at the middle of the widest stretch the worker holds its GIL.
    const held = m.groups[0].rects
      .filter((r) => r.lane === gil && (r.style & 0xff) === BUSY)
      .sort((a, b) => b.w - a.w)[0];
    const time = m.view.t0 + ((held.x + held.w / 2) / m.view.width) * (m.view.t1 - m.view.t0);
    const tip = await app.timeline.hoverLane(gil, time);
    assert.match(tip, /^GIL of SpawnPoolWorker-1 at .*held by SpawnPoolWorker-1/);
    await app.page.mouse.move(0, 0);
  });

  it('stays readable in dark theme and presenter mode', async () => {
    await app.page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('processes-02-dark');
    await app.key('p');
    await app.page.waitForFunction(() => document.documentElement.classList.contains('presenter'));
    assert.deepEqual(await app.timeline.processHeaders(), HEADERS, 'presenter mode keeps the headers');
    await app.screenshot('processes-03-presenter-dark');
    await app.page.emulateMedia({ colorScheme: 'light' });
    await app.screenshot('processes-04-presenter-light');
    await app.key('Escape');
    await app.page.waitForFunction(() => !document.documentElement.classList.contains('presenter'));
  });

  it('puts the event loop in the main process for the threads-vs-processes-vs-asyncio example', async () => {
    await app.loadExample('cpu-threads-processes-asyncio');
    await app.run();
    const state = await app.waitForRun();
    assert.equal(state.error, null);
    const groups = await app.timeline.laneGroups();
    assert.deepEqual(
      groups.map((g) => g.header),
      [...HEADERS, 'Cores · shared by all processes'],
    );
    assert.ok(groups[0].lanes.includes('event loop'), 'the loop runs in MainProcess');
    assert.ok(groups[0].lanes.includes('GIL'));
    for (const g of groups.slice(1, HEADERS.length))
      assert.ok(!g.lanes.includes('event loop'), `${g.header} has no event loop`);
    await app.screenshot('processes-05-example');
  });

  it('keeps a run with one process ungrouped', async () => {
    await app.editor.setCode(
      'import threading\nt = threading.Thread(target=print, args=("hi",))\nt.start()\nt.join()\n',
    );
    await app.run();
    await app.waitForRun();
    const lanes = (await app.timeline.model()).groups[0].lanes;
    assert.equal(lanes.filter((l) => l.kind === 4).length, 0, 'no group headers');
    assert.equal(lanes.filter((l) => l.kind === 2).length, 1, 'one GIL lane');
  });
});
