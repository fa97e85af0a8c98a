// End-to-end tests of the playground in headless Chromium: run examples, check the
// terminal, the elapsed counter, the editor's task markers, stepping and scrubbing, the
// timeline's draw model, a runaway program and autosave. Tests that need threads or
// asyncio skip (with the reason) until the engine supports them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Harness, startHarness } from './harness';
import { PlaygroundPage } from './pages/playground';

const SEQUENTIAL_OUTPUT =
  'start tea\ntea ready\nstart coffee\ncoffee ready\nstart cocoa\ncocoa ready\nbreakfast served after 9.0 s\n';

let harness: Harness;
let app: PlaygroundPage;

before(async () => {
  harness = await startHarness();
  app = new PlaygroundPage(await harness.newPage());
  await app.open(harness.url);
});

after(async () => {
  await harness?.close();
});

async function runSequential(): Promise<void> {
  await app.loadExample('sequential');
  await app.terminal.command('speed 100');
  await app.run();
  await app.waitForRun();
}

describe('the playground page', () => {
  it('loads with the examples, an editor, a terminal and an empty timeline', async () => {
    const options = await app.page.locator('#example-select option').count();
    assert.ok(options >= 13, `expected at least 12 examples, found ${options - 1}`);
    assert.match(await app.editor.text(), /import time/);
    assert.equal(await app.elapsed(), '0.000 s');
    const model = await app.timeline.model();
    assert.equal(model.groups.length, 0);
    await app.screenshot('01-loaded');
  });

  it('runs the sequential example: output, elapsed counter and final state', async () => {
    await runSequential();
    await app.key('End');
    const state = await app.state();
    assert.equal(state.error, null);
    assert.ok(Math.abs(state.end - 9) < 0.01, `elapsed ${state.end}`);
    assert.equal(state.output, SEQUENTIAL_OUTPUT);
    assert.equal(await app.elapsed(), '9.000 s');
    assert.deepEqual(
      state.tasks.map((t) => [t.name, t.state]),
      [['MainThread', 'done']],
    );
    assert.ok(await app.terminal.waitForRow('breakfast served after 9.0 s'), 'the terminal shows the last line');
    await app.screenshot('02-sequential-finished');
  });

  it('shows the task on its line in the editor while it sleeps', async () => {
    await app.page.evaluate(() => window.__interleave.seek(3.5));
    await app.page.waitForFunction(() => Math.abs(window.__interleave.state().time - 3.5) < 1e-9);
    const state = await app.state();
    assert.equal(state.output, 'start tea\ntea ready\nstart coffee\n');
    const main = state.tasks[0];
    assert.equal(main.state, 'waiting');
    assert.equal(main.line, 7);
    assert.match(main.waitFor, /^sleep until 7\.00 s$/);
    assert.equal(await app.elapsed(), '3.500 s');
    await app.page.waitForFunction(() => document.querySelectorAll('#editor .cm-task-chip').length === 1);
    assert.deepEqual(await app.editor.chips(), [{ task: 'MainThread', state: 'waiting', line: 7 }]);
    const rows = await app.tasks.rows();
    assert.equal(rows[0].name, 'MainThread');
    assert.match(rows[0].wait, /sleep until 7\.00 s/);
    assert.equal(rows[0].line, 'line 7');
    await app.screenshot('03-sleeping-at-line-7');
  });

  it('steps event by event forward and back exactly', async () => {
    await app.key('Home');
    assert.equal((await app.state()).position, 0);
    const positions: number[] = [];
    const lines: number[] = [];
    for (let i = 0; i < 6; i++) {
      await app.key('ArrowRight');
      const s = await app.state();
      positions.push(s.position);
      lines.push(s.tasks[0]?.line ?? 0);
    }
    assert.deepEqual(positions, [1, 2, 3, 4, 5, 6]);
    const forward = await app.state();
    for (let i = 0; i < 3; i++) await app.key('ArrowLeft');
    assert.equal((await app.state()).position, 3);
    for (let i = 0; i < 3; i++) await app.key('ArrowRight');
    const again = await app.state();
    assert.deepEqual(again.tasks, forward.tasks);
    assert.equal(again.output, forward.output);
    assert.ok(
      lines.some((l) => l > 0),
      'stepping reaches a source line',
    );
  });

  it('scrubs by dragging on the time axis and seeks on a click in a lane', async () => {
    await app.timeline.scrub(1, 5);
    let state = await app.state();
    assert.ok(Math.abs(state.time - 5) < 0.1, `scrubbed to ${state.time}`);
    assert.equal(state.output, 'start tea\ntea ready\nstart coffee\n');
    await app.timeline.clickAt(8);
    state = await app.state();
    assert.ok(Math.abs(state.time - 8) < 0.1, `clicked at ${state.time}`);
    assert.match(state.output, /coffee ready\nstart cocoa\n$/);
    await app.screenshot('04-scrubbed');
  });

  it('draws the timeline from the draw model: the thread, its core and the GIL', async () => {
    const model = await app.timeline.model();
    assert.equal(model.groups.length, 1);
    assert.deepEqual(
      model.groups[0].lanes.map((l) => l.label),
      ['MainThread', 'core 0', 'GIL'],
    );
    const rects = model.groups[0].rects;
    const sleeping = rects.filter((r) => r.style === 7);
    assert.equal(sleeping.length, 3, 'three sleeps');
    const total = sleeping.reduce((s, r) => s + r.w, 0);
    const width = model.view.width * (9 / (model.view.t1 - model.view.t0));
    assert.ok(Math.abs(total - width) < 4, `sleeps cover 9 s of the axis (${total} of ${width} px)`);
    assert.ok(rects.length <= model.view.width * 2, 'at most two buckets per pixel');
  });

  it('seeks to the moment an output line was printed when it is clicked', async () => {
    await app.key('End');
    await app.page.waitForFunction(() => window.__interleave.state().output.includes('breakfast'));
    await app.terminal.clickRow('coffee ready');
    await app.page.waitForFunction(() => Math.abs(window.__interleave.state().time - 7) < 0.01);
    const state = await app.state();
    assert.ok(Math.abs(state.time - 7) < 0.01, `seeked to ${state.time}`);
    assert.match(state.output, /coffee ready\n$/);
  });

  it('runs console commands with completion and history', async () => {
    await app.terminal.command('speed 2');
    await app.page.waitForFunction(() => (document.querySelector('.pace') as HTMLSelectElement).value === 'speed:2');
    const input = app.page.locator('.console-input');
    await input.fill('exa');
    await input.press('Tab');
    assert.equal(await input.inputValue(), 'example');
    await input.fill('');
    await input.press('ArrowUp');
    assert.equal(await input.inputValue(), 'speed 2');
    await input.fill('');
    await app.terminal.command('help');
    assert.match(await app.terminal.text(), /sequential on\|off/);
  });

  it('shows an uncaught error with its traceback and marks the line', async () => {
    await app.editor.setCode('x = 1\nprint("before")\ny = x / 0\n');
    await app.run();
    const state = await app.waitForRun();
    await app.key('End');
    assert.match(state.error ?? '', /^ZeroDivisionError/);
    await app.page.waitForFunction(() => window.__interleave.state().output.includes('ZeroDivisionError'));
    assert.match(await app.terminal.text(), /line 3/);
    assert.ok(await app.editor.hasErrorLine(), 'the editor marks the failing line');
    await app.screenshot('05-error');
  });

  it('keeps the page responsive during a runaway program, and Stop ends it', async () => {
    // Without line events and with no step limit the loop would run forever: only Stop ends it.
    await app.page.evaluate(() => window.__interleave.setEngineOverrides({ traceLines: false, stepLimit: 1e12 }));
    await app.editor.setCode('n = 0\nwhile True:\n    n += 1\n');
    await app.run();
    await app.page.waitForFunction(() => window.__interleave.state().running);
    await app.page.waitForTimeout(1000);
    const frame = await app.page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const t = performance.now();
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t)));
        }),
    );
    assert.ok(frame < 250, `two frames took ${frame} ms`);
    const stillRunning = (await app.state()).running;
    const stopped = Date.now();
    if (stillRunning) {
      await app.page.click('#stop');
      await app.page.waitForFunction(() => !window.__interleave.state().running, undefined, { timeout: 5000 });
      assert.ok(Date.now() - stopped < 2000, 'Stop ends the run within 2 s');
      assert.match(await app.status(), /^Stopped/);
    } else {
      assert.match(await app.status(), /StepLimitError|limit/);
    }
    await app.page.evaluate(() => window.__interleave.setEngineOverrides({}));
    await app.page.click('#help-button');
    assert.ok(await app.page.locator('#help-dialog').isVisible());
    await app.page.keyboard.press('Escape');
    await app.screenshot('06-stopped');
  });

  it('keeps the program across a reload', async () => {
    await app.editor.setCode('print("kept across reloads")\n');
    await app.page.waitForTimeout(500);
    await app.page.reload();
    await app.page.waitForFunction(() =>
      document.querySelector('#editor .cm-content')?.textContent?.includes('kept across reloads'),
    );
    assert.match(await app.editor.text(), /kept across reloads/);
  });

  it('draws a million-event timeline with at most two buckets per pixel', async () => {
    const count = await app.page.evaluate(() => window.__interleave.loadSynthetic(1_000_000, 8, 2));
    assert.equal(count, 1_000_000);
    const model = await app.timeline.model();
    const lanes = model.groups[0].lanes.length;
    assert.equal(lanes, 8 + 2);
    for (let lane = 0; lane < lanes; lane++) {
      assert.ok(model.groups[0].rects.filter((r) => r.lane === lane).length <= model.view.width * 2);
    }
    await app.screenshot('07-million-events');
  });

  it('stacks the panels on a phone in portrait', async () => {
    const phone = new PlaygroundPage(await harness.newPage({ width: 390, height: 844 }, 'light'));
    await phone.open(harness.url);
    const box = async (selector: string) =>
      (await phone.page.locator(selector).boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
    const editor = await box('.editor-pane');
    const tasks = await box('.tasks-pane');
    const terminal = await box('.terminal-pane');
    assert.ok(
      tasks.y >= editor.y + editor.height - 1,
      `tasks below the editor: ${JSON.stringify({ editor, tasks, terminal })}`,
    );
    assert.ok(terminal.y >= tasks.y + tasks.height - 1, 'terminal below the tasks');
    assert.ok(editor.width <= 390);
    await phone.screenshot('08-phone-light');
    await phone.page.close();
  });
});

describe('concurrency (needs the threads and asyncio runtimes)', () => {
  it('shows several threads on one line and the GIL', async (t) => {
    if (!(await app.supports('import threading\nthreading.Thread(target=print).start()\n'))) {
      t.skip('the engine does not run threads yet');
      return;
    }
    await app.loadExample('threads-sleep');
    await app.run();
    const state = await app.waitForRun();
    assert.equal(state.error, null);
    assert.ok(Math.abs(state.end - 4) < 0.05, `threads overlap: ${state.end}`);
    await app.page.evaluate(() => window.__interleave.seek(1));
    await app.page.waitForFunction(() => document.querySelectorAll('#editor .cm-task-chip').length >= 3);
    const chips = await app.editor.chips();
    const onSleep = chips.filter((c) => c.line === 8);
    assert.deepEqual(onSleep.map((c) => c.task).sort(), ['cocoa', 'coffee', 'tea']);
    assert.ok(chips.some((c) => c.task === 'MainThread' && c.state === 'waiting'));
    const rows = await app.tasks.rows();
    assert.ok(rows.some((r) => r.name === 'tea' && /sleep until 3/.test(r.wait)));
    await app.screenshot('10-threads');
  });

  it('raises the loop-blocked banner for a blocking call in a coroutine', async (t) => {
    if (!(await app.supports('import asyncio\nasync def f():\n    await asyncio.sleep(0)\nasyncio.run(f())\n'))) {
      t.skip('the engine does not run asyncio yet');
      return;
    }
    await app.loadExample('blocking-in-coroutine');
    await app.run();
    const state = await app.waitForRun();
    assert.equal(state.error, null);
    await app.page.evaluate(() => window.__interleave.seek(1));
    await app.page.waitForFunction(() => document.querySelector('.loop-banner:not([hidden])') !== null);
    assert.match((await app.tasks.banner()) ?? '', /blocked by bad_wait|blocked by/);
    const model = await app.timeline.model();
    assert.ok(model.groups[0].lanes.some((l) => l.label === 'event loop'));
    assert.ok(
      model.groups[0].rects.some((r) => r.style === 11),
      'the loop lane shows the stall',
    );
    await app.screenshot('11-loop-blocked');
  });

  it('compares GIL on and off side by side', async (t) => {
    if (
      !(await app.supports('import threading\nimport sim\nthreading.Thread(target=sim.cpu, args=(0.01,)).start()\n'))
    ) {
      t.skip('the engine does not run threads yet');
      return;
    }
    await app.loadExample('gil-cpu-vs-io');
    await app.page.click('#compare-button');
    await app.page.waitForFunction(
      () => (window.__interleave.compare() as { sides: { done: boolean }[] }).sides.every((s) => s.done),
      undefined,
      { timeout: 30_000 },
    );
    const model = (await app.page.evaluate(() => window.__interleave.compare())) as {
      totals: string;
      sides: { label: string; metrics: { elapsed: number; gilWait: number } | null }[];
    };
    assert.match(model.totals, /^GIL on .* · GIL off /);
    const [on, off] = model.sides;
    assert.ok(on.metrics && off.metrics);
    assert.ok(on.metrics.elapsed > off.metrics.elapsed, 'the GIL makes the crunchers take turns');
    assert.ok(on.metrics.gilWait > 0);
    await app.screenshot('12-compare');
    await app.page.keyboard.press('Escape');
  });

  it("compares the blog's counter race with the GIL on and off: 200000 against lost updates", async (t) => {
    if (!(await app.supports('import threading\nthreading.Thread(target=print).start()\n'))) {
      t.skip('the engine does not run threads yet');
      return;
    }
    await app.loadExample('gil-counter-race');
    await app.page.click('#compare-button');
    await app.page.waitForFunction(
      () => (window.__interleave.compare() as { sides: { done: boolean }[] }).sides.every((s) => s.done),
      undefined,
      { timeout: 60_000 },
    );
    const model = (await app.page.evaluate(() => window.__interleave.compare())) as {
      sides: { label: string; error: string; output: string }[];
    };
    const [on, off] = model.sides;
    assert.match(on.label, /GIL on/);
    assert.match(off.label, /GIL off/);
    assert.equal(on.error, '');
    assert.equal(on.output, '200000', 'with the GIL, as in CPython 3.11, no update is lost');
    assert.ok(Number(off.output) < 200000, `free-threaded, updates are lost (printed ${off.output})`);
    const cells = await app.page.$$eval('dialog .metrics tr', (rows) =>
      rows
        .filter((r) => r.textContent?.startsWith('Output'))
        .map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent)),
    );
    assert.deepEqual(cells[0]?.[0], '200000');
    await app.screenshot('12b-compare-race');
    await app.page.keyboard.press('Escape');
  });
});
