// End-to-end tests of "Find a bug" in headless Chromium: a newcomer pastes a racy counter,
// presses Find a bug and within seconds sees the run that loses an update, its forced
// switches marked on the timeline and narrated; Stop ends a long search and says what it
// covered; a correct program (with a Lock) reports its coverage; a share link carrying the
// schedule replays the same failing output in a fresh page; the lost-update example and the
// scheduler game's "Let the explorer find it". Skipped, with the reason, when the engine
// has no explorer.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type Harness, artifact, startHarness } from './harness';
import { type DrawModel, PlaygroundPage } from './pages/playground';
import { SchedulerPage } from './pages/scheduler';

const RACY = `import threading

counter = 0


def add(times):
    global counter
    for _ in range(times):
        counter += 1


threads = [threading.Thread(target=add, args=(2,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"counter = {counter}")
assert counter == 4, f"lost an update: counter is {counter}"
`;

const LOCKED = `import threading

counter = 0
lock = threading.Lock()


def add(times):
    global counter
    for _ in range(times):
        with lock:
            counter += 1


threads = [threading.Thread(target=add, args=(2,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"counter = {counter}")
assert counter == 4
`;

// AWAITED passes under asyncio's own order; the explorer finds that the reader may wake first.
const AWAITED = `import asyncio

log = []


async def writer():
    await asyncio.sleep(0.1)
    log.append("data")


async def reader():
    await asyncio.sleep(0.1)
    assert log, "read before the write"


async def main():
    await asyncio.gather(writer(), reader())
    print("ok")


asyncio.run(main())
`;

// BIG has far more schedules than a search can finish in a few seconds, and no bug.
const BIG = `import threading

lock = threading.Lock()
total = 0


def work(n):
    global total
    for i in range(40):
        with lock:
            total += i * n


threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(total)
`;

interface ExploreModel {
  state: 'hidden' | 'exploring' | 'found' | 'clean' | 'failed' | 'replay';
  verdict: string;
  detail: string;
  counters: string[];
  forced: { time: number; task: string; to: string; kind: string; line: number; narration: string; seq: number }[];
  busy: boolean;
  exploring: boolean;
  report: {
    explored: number;
    coverage: string;
    bugs: { schedule: string; output: string; narration: string[] }[];
    passing: string | null;
  } | null;
  schedule: string | null;
  tasksBanner: string | null;
}

interface Hook {
  explore(): unknown;
  probeExplore(source: string, timeoutMs?: number): Promise<{ report: unknown; error: string | null }>;
  state(): unknown;
  timeline(): unknown;
}

const hook = (page: Page) =>
  page.evaluate(() => (window.__interleave as unknown as Hook).explore()) as Promise<ExploreModel>;

async function waitForVerdict(page: Page, states: ExploreModel['state'][], timeout = 30_000): Promise<ExploreModel> {
  await page.waitForFunction(
    (s) => {
      const m = (window.__interleave as unknown as Hook).explore() as ExploreModel;
      return s.includes(m.state) && !m.busy;
    },
    states,
    { timeout },
  );
  return hook(page);
}

/** programText is the editor's document as shown, without the task chips drawn into its lines. */
function programText(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelectorAll('#editor .cm-line')]
      .map((line) => {
        const copy = line.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.cm-task-chip, .cm-widgetBuffer').forEach((w) => w.remove());
        return copy.textContent ?? '';
      })
      .join('\n'),
  );
}

let harness: Harness;
let app: PlaygroundPage;
let skip: string | false = false;

before(async () => {
  harness = await startHarness();
  app = new PlaygroundPage(await harness.newPage(undefined, 'light'));
  await app.open(harness.url);
  const probe = await app.page.evaluate(() =>
    (window.__interleave as unknown as Hook).probeExplore('import threading\nx = 0\n', 8000),
  );
  if (probe.error || !probe.report) skip = `the engine has no explorer yet (${probe.error ?? 'no report'})`;
});

after(async () => {
  await harness?.close();
});

describe('find a bug', () => {
  let failing: { output: string; narration: string[]; link: string } = { output: '', narration: [], link: '' };

  it('finds the lost update of a pasted racy counter within seconds, marked and narrated', async (t) => {
    if (skip) return t.skip(skip);
    const page = app.page;
    await app.editor.setCode(RACY);
    await app.run();
    const normal = await app.waitForRun();
    assert.equal(normal.error, null, 'the normal scheduler does not show the race');
    const began = Date.now();
    await page.click('#explore');
    const m = await waitForVerdict(page, ['found', 'clean', 'failed']);
    await app.waitForRun();
    const seconds = (Date.now() - began) / 1000;
    assert.equal(m.state, 'found', m.verdict);
    assert.ok(seconds < 15, `the failing run is on screen after ${seconds.toFixed(1)} s`);
    console.log(
      `# find a bug: the failing run was on screen ${seconds.toFixed(2)} s after the click; ${m.report?.explored} schedules explored`,
    );
    assert.match(
      m.verdict,
      /^Found a failed assert after [\d,]+ schedules?: AssertionError: lost an update: counter is [0-3]/,
    );
    assert.ok(m.schedule, 'the settings now replay the failing schedule');
    assert.equal(m.schedule, m.report?.bugs[0].schedule);
    const state = await app.state();
    assert.match(
      state.error ?? '',
      /^AssertionError: lost an update: counter is [0-3]/,
      'the run on screen fails the same way',
    );
    assert.ok(m.forced.length >= 1, 'the run has forced switches');
    for (const f of m.forced) assert.ok(f.narration.length > 10, `narrated: ${f.narration}`);
    assert.equal(state.time, m.forced[0].time, 'the player waits at the first forced switch');
    assert.match(m.tasksBanner ?? '', /^Forced switch 1 of \d+, at .*: /, 'the tasks panel narrates it');
    const timeline = (await page.evaluate(() => (window.__interleave as unknown as Hook).timeline())) as DrawModel & {
      groups: { marks: { index: number; lane: number; x: number }[] }[];
    };
    const marks = timeline.groups[0].marks;
    assert.equal(marks.length, m.forced.length, 'every forced switch is marked');
    for (const mark of marks)
      assert.equal(
        timeline.groups[0].lanes[mark.lane].label,
        m.forced[mark.index].task,
        'on the preempted task’s lane',
      );
    const tip = await app.timeline.hoverLane(marks[0].lane, m.forced[0].time);
    assert.match(tip, /Forced switch 1 of \d+: /, tip);
    assert.deepEqual(
      m.forced.map((f) => f.narration),
      m.report?.bugs[0].narration,
      'the run narrates the switches the report names',
    );
    await page.screenshot({ path: artifact('explore-found-light') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: artifact('explore-found-dark') });
    await page.emulateMedia({ colorScheme: 'light' });
    // Clicking a switch in the list seeks the player there.
    await app.key('End');
    const last = m.forced.length - 1;
    await page.locator('.explore-switch').nth(last).click();
    await page.waitForFunction(
      (time) => (window.__interleave.state() as { time: number }).time === time,
      m.forced[last].time,
    );
    assert.equal(
      (await page.locator('.explore-switch[aria-current="step"] .explore-switch-text').innerText()).trim(),
      m.forced[last].narration,
    );
    await app.key('End');
    const end = await app.state();
    assert.match(end.output, /^counter = [0-3]\n/);
    assert.ok(end.output.startsWith(m.report?.bugs[0].output ?? '?'), 'the replay prints what the explorer saw');
    failing = { output: end.output, narration: m.forced.map((f) => f.narration), link: '' };
  });

  it('compares the failing run with a passing one', async (t) => {
    if (skip) return t.skip(skip);
    const page = app.page;
    await page.click('.explore-compare');
    await page.waitForFunction(
      () => ((window.__interleave.compare() as { sides: { done: boolean }[] }).sides ?? []).every((s) => s.done),
      undefined,
      { timeout: 20_000 },
    );
    const compare = (await page.evaluate(() => window.__interleave.compare())) as {
      sides: { label: string; error: string }[];
    };
    assert.equal(compare.sides[0].label, 'the failing schedule');
    assert.match(compare.sides[0].error, /^AssertionError/);
    assert.equal(compare.sides[1].error, '', `${compare.sides[1].label} passes`);
    await page.screenshot({ path: artifact('explore-compare') });
    await page.keyboard.press('Escape');
  });

  it('carries the schedule in a share link that replays the same failing output', async (t) => {
    if (skip) return t.skip(skip);
    const page = app.page;
    await harness.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(harness.url).origin,
    });
    await page.click('#share-button');
    await page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('Link copied'));
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(await app.status(), /replaying a found schedule/);
    const fresh = new PlaygroundPage(await harness.newPage());
    await fresh.page.addInitScript(() => localStorage.clear());
    await fresh.page.goto(link);
    await fresh.page.waitForFunction(() => document.body.dataset.share !== undefined, undefined, { timeout: 30_000 });
    await fresh.waitForRun();
    await fresh.key('End');
    const state = await fresh.state();
    assert.equal(state.output, failing.output, 'the same failing output');
    assert.match(state.error ?? '', /^AssertionError/);
    const m = await hook(fresh.page);
    assert.equal(m.state, 'replay');
    assert.deepEqual(
      m.forced.map((f) => f.narration),
      failing.narration,
      'the same forced switches, narrated',
    );
    await fresh.page.screenshot({ path: artifact('explore-link-replay') });
    // The embed takes the same fragment and replays the failing schedule too (the normal run passes).
    const embed = await harness.newPage();
    await embed.goto(`${harness.url}embed.html?autoplay=1${new URL(link).hash}`);
    await embed.locator('.embed-status', { hasText: /AssertionError|Finished/ }).waitFor({ timeout: 20_000 });
    assert.match(await embed.locator('.embed-status').innerText(), /^AssertionError on line \d+/);
    await embed.close();
    // Back to the normal scheduler: the program passes again.
    await fresh.page.click('.explore-normal');
    const normal = await fresh.waitForRun();
    assert.equal(normal.error, null);
    assert.equal((await hook(fresh.page)).schedule, null);
    await fresh.page.close();
  });

  it('stops a long search with Stop and says what it covered', async (t) => {
    if (skip) return t.skip(skip);
    const page = app.page;
    await app.editor.setCode(BIG);
    await page.click('#explore');
    await page.waitForFunction(
      () => {
        const m = (window.__interleave as unknown as Hook).explore() as ExploreModel;
        return m.state === 'exploring' && Number((m.counters[0] ?? '0').replace(/[^\d]/g, '')) > 0;
      },
      undefined,
      { timeout: 20_000 },
    );
    const during = await hook(page);
    assert.match(during.counters[0], /^[\d,]+ schedules? explored$/);
    assert.match(during.counters[1], /^\d+ preemption bound$/);
    assert.equal(during.counters[2], '0 bugs found');
    assert.match((await page.locator('#progress').textContent()) ?? '', /^[\d,]+ schedules? · bound \d+ · 0 bugs$/);
    assert.equal(await page.locator('.explore-stop').isVisible(), true);
    const fontSize = await page
      .locator('.explore-counter dd')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(fontSize >= 28, `counters readable from the back row (${fontSize} px)`);
    await page.screenshot({ path: artifact('explore-progress') });
    const stopAt = Date.now();
    await page.locator('.explore-stop').click();
    const m = await waitForVerdict(page, ['clean', 'failed'], 5000);
    assert.ok(Date.now() - stopAt < 2000, 'Stop answers within two seconds');
    assert.match(m.verdict, /^Stopped/);
    assert.equal(m.busy, false);
    assert.equal(await programText(page), BIG, 'the program is kept');
  });

  it('says so when the engine stops answering mid-search, keeps the program, and searches again', async (t) => {
    if (skip) return t.skip(skip);
    const page = app.page;
    await page.click('#explore');
    await page.waitForFunction(
      () => ((window.__interleave as unknown as Hook).explore() as ExploreModel).state === 'exploring',
    );
    await page.evaluate(() => window.__interleave.fault('hang'));
    const m = await waitForVerdict(page, ['failed', 'clean', 'found'], 15_000);
    assert.equal(m.state, 'failed', m.verdict);
    assert.match(
      m.verdict,
      /^The engine stopped answering .*Your program is kept\. Find a bug again starts a fresh engine\.$/,
    );
    assert.equal(await programText(page), BIG);
    await page.locator('.explore-again').click();
    await page.waitForFunction(
      () => ((window.__interleave as unknown as Hook).explore() as ExploreModel).state === 'exploring',
    );
    await page.locator('.explore-stop').click();
    await waitForVerdict(page, ['clean', 'failed'], 5000);
  });

  it('reports the coverage for a correct program with a Lock (from the keyboard)', async (t) => {
    if (skip) return t.skip(skip);
    const page = app.page;
    await app.editor.setCode(LOCKED);
    await page.keyboard.press('Control+Shift+Enter');
    const m = await waitForVerdict(page, ['clean', 'found', 'failed']);
    assert.equal(m.state, 'clean', m.verdict);
    assert.ok(m.report, 'a report came back');
    assert.ok(m.verdict.startsWith(`No bug found: ${m.report.coverage.replace(/\.$/, '')}.`), m.verdict);
    assert.match(m.report.coverage, /schedules/);
    assert.equal(m.schedule, null, 'nothing to replay');
    await page.screenshot({ path: artifact('explore-clean') });
  });

  it('finds an asyncio wake-up order that breaks a program, marked on the passed-over task', async (t) => {
    if (skip) return t.skip(skip);
    const page = app.page;
    await app.editor.setCode(AWAITED);
    await app.run();
    assert.equal((await app.waitForRun()).error, null, 'asyncio’s own order passes');
    await page.click('#explore');
    const m = await waitForVerdict(page, ['found', 'clean', 'failed']);
    await app.waitForRun();
    assert.equal(m.state, 'found', m.verdict);
    assert.match(m.verdict, /AssertionError: read before the write/);
    assert.equal(m.forced.length, 1);
    assert.equal(m.forced[0].kind, 'ready-order');
    assert.match(m.forced[0].narration, /runs before/);
    const timeline = (await page.evaluate(() => (window.__interleave as unknown as Hook).timeline())) as DrawModel & {
      groups: { marks: { index: number; lane: number }[] }[];
    };
    assert.equal(timeline.groups[0].lanes[timeline.groups[0].marks[0].lane].label, m.forced[0].task);
    await page.screenshot({ path: artifact('explore-asyncio') });
  });

  it('the lost-update example passes a normal run and fails under the explorer', async (t) => {
    if (skip) return t.skip(skip);
    const page = app.page;
    await app.loadExample('lost-update');
    await app.run();
    const normal = await app.waitForRun();
    assert.equal(normal.error, null);
    assert.equal(normal.output, 'counter = 6\n');
    await page.click('#explore');
    const m = await waitForVerdict(page, ['found', 'clean', 'failed']);
    assert.equal(m.state, 'found', m.verdict);
    assert.match(m.verdict, /an update was lost: counter is [1-5], not 6/);
  });

  it('offers the explorer in the scheduler game once the student has tried', async (t) => {
    if (skip) return t.skip(skip);
    const page = app.page;
    const scheduler = new SchedulerPage(page);
    await scheduler.openFromTopBar();
    const box = scheduler.dialog.locator('.scheduler-explorer');
    assert.equal(await box.isVisible(), false, 'not before the student has tried');
    // A clean order: each thread runs its whole line.
    await scheduler.press('l', '1', '2');
    await scheduler.settled(2);
    assert.equal(await box.isVisible(), true);
    await scheduler.press('e');
    await page.waitForFunction(
      () => {
        const m = (window.__interleave as unknown as { scheduler(): { explorer: { state: string } } }).scheduler();
        return m.explorer.state !== 'searching' && m.explorer.state !== 'idle';
      },
      undefined,
      { timeout: 30_000 },
    );
    const model = (await page.evaluate(() =>
      (window.__interleave as unknown as { scheduler(): unknown }).scheduler(),
    )) as { explorer: { state: string; text: string; narration: string[] } };
    assert.equal(model.explorer.state, 'found', model.explorer.text);
    assert.match(model.explorer.text, /^Found a failed assert after [\d,]+ schedules?: AssertionError/);
    assert.ok(model.explorer.narration.length >= 1);
    await page.screenshot({ path: artifact('explore-scheduler') });
    await scheduler.dialog.locator('.scheduler-explorer-show').click();
    await app.waitForRun();
    const shown = await hook(page);
    assert.ok(shown.forced.length >= 1, 'the failing schedule runs on the timeline');
    assert.match((await app.state()).error ?? '', /^AssertionError/);
  });

  it('is offered only for threads and asyncio, and says why otherwise', async () => {
    const page = app.page;
    await page.keyboard.press('Escape');
    await app.editor.setCode('print("no threads here")\n');
    await page.waitForFunction(() => document.getElementById('explore')?.getAttribute('aria-disabled') === 'true');
    // aria-disabled keeps the button focusable and clickable, so it can say why it has nothing to do.
    await page.click('#explore', { force: true });
    assert.match(
      await app.status(),
      /^Find a bug searches the orders in which threads or asyncio tasks can run, and this program starts neither/,
    );
    assert.equal((await hook(page)).exploring, false);
    await app.editor.setCode('import asyncio\n');
    await page.waitForFunction(() => document.getElementById('explore')?.getAttribute('aria-disabled') === 'false');
    const help = await page.evaluate(() => {
      document.querySelector<HTMLDialogElement>('#help-dialog')?.showModal();
      return document.querySelector('#help-dialog')?.textContent ?? '';
    });
    assert.match(help, /Ctrl\/⌘ \+ Shift \+ Enterfind a bug/);
    await page.keyboard.press('Escape');
  });
});
