// End-to-end tests of what a new user meets first in headless Chromium: after a run, a click in
// the tasks panel or on the timeline leaves the keys to the page (`?` opens the help instead of
// typing into the program); the top bar is one row on a 1440 x 900 laptop; an asyncio program's
// lanes are the tasks it made, with asyncio.run's own shutdown tasks named in a note.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Harness, startHarness } from './harness';
import { PlaygroundPage } from './pages/playground';

const TWO_TASKS = `import asyncio

async def worker(name, delay):
    await asyncio.sleep(delay)
    print(name, "done")

async def main():
    a = asyncio.create_task(worker("a", 0.1))
    b = asyncio.create_task(worker("b", 0.2))
    await a
    await b

asyncio.run(main())
`;

let harness: Harness;
let app: PlaygroundPage;

before(async () => {
  harness = await startHarness();
  app = new PlaygroundPage(await harness.newPage({ width: 1440, height: 900 }, 'light'));
  await app.open(harness.url);
});

after(async () => {
  await harness?.close();
});

/** runToEnd runs the editor's program with Ctrl+Enter typed in the editor and shows the run's end. */
async function runToEnd(): Promise<void> {
  await app.editor.content.click();
  await app.page.keyboard.press('ControlOrMeta+Enter');
  await app.waitForRun();
  await app.page.evaluate(() => window.__interleave.seek((window.__interleave.state() as { end: number }).end));
}

async function helpOpen(): Promise<boolean> {
  return app.page.locator('#help-dialog').isVisible();
}

async function focusInEditor(): Promise<boolean> {
  return app.page.evaluate(() => document.activeElement?.closest('.cm-editor') != null);
}

describe('keys after a click outside the editor', () => {
  it("opens the help with ? after clicking a task's line in the tasks panel, and leaves the program as it was", async () => {
    await app.loadExample('asyncio-sleep');
    const program = await app.editor.program();
    await runToEnd();
    assert.equal(await focusInEditor(), true, 'Ctrl+Enter was typed in the editor');
    const line = app.page.locator('.task-row .task-line:not([disabled])').first();
    const label = (await line.textContent()) ?? '';
    assert.match(label, /^line \d+$/);
    await line.click();
    assert.equal(await focusInEditor(), false, 'the line button keeps the focus');
    // The line is selected in the editor all the same.
    const selected = await app.page.evaluate(() => document.querySelectorAll('#editor .cm-selectionBackground').length);
    assert.ok(selected > 0, 'the line is selected in the editor');
    await app.page.keyboard.press('?');
    assert.equal(await helpOpen(), true, 'the help is open');
    await app.page.keyboard.press('Escape');
    assert.equal(await helpOpen(), false);
    assert.equal(await app.editor.program(), program, 'no key went into the program');
    await app.screenshot('first-use-01-line-button');
  });

  it('opens the help with ? after clicking the tasks panel or the timeline', async () => {
    const program = await app.editor.program();
    for (const target of ['.tasks-panel .panel-title', '.task-row .task-name', '#timeline canvas']) {
      await app.editor.content.click();
      assert.equal(await focusInEditor(), true);
      await app.page.locator(target).first().click();
      assert.equal(await focusInEditor(), false, `a click on ${target} takes the focus out of the editor`);
      await app.page.keyboard.press('?');
      assert.equal(await helpOpen(), true, `? after a click on ${target} opens the help`);
      await app.page.keyboard.press('Escape');
    }
    assert.equal(await app.editor.program(), program);
  });
});

describe('the top bar', () => {
  it('is one row on a 1440 x 900 screen, and on 1366 and 1920 too, without spilling sideways', async () => {
    for (const width of [1440, 1366, 1920]) {
      await app.page.setViewportSize({ width, height: 900 });
      const bar = await app.page.evaluate(() => {
        const bar = document.querySelector<HTMLElement>('.topbar')!;
        const shown = [...bar.children].filter((c) => c.getClientRects().length > 0);
        return {
          height: bar.getBoundingClientRect().height,
          button: document.getElementById('run')!.getBoundingClientRect().height,
          centers: shown.map((c) => {
            const r = c.getBoundingClientRect();
            return { id: c.id || c.className, middle: r.top + r.height / 2, right: r.right };
          }),
          scrollWidth: bar.scrollWidth,
          clientWidth: bar.clientWidth,
        };
      });
      const middle = bar.centers[0].middle;
      for (const c of bar.centers)
        assert.ok(
          Math.abs(c.middle - middle) <= 3,
          `${width} px: ${c.id} is on the first row (${c.middle} vs ${middle})`,
        );
      assert.ok(
        bar.height < 1.5 * bar.button,
        `${width} px: the bar is ${bar.height} px high, one ${bar.button} px button row`,
      );
      assert.ok(bar.scrollWidth <= bar.clientWidth, `${width} px: nothing spills past the right edge`);
      assert.ok(
        bar.centers.every((c) => c.right <= width),
        `${width} px: every control is on screen`,
      );
    }
    await app.page.setViewportSize({ width: 1440, height: 900 });
    await app.page.locator('.topbar').screenshot({ path: 'test-artifacts/e2e/first-use-02-topbar-1440.png' });
  });

  it('wraps on a narrow screen but keeps every control on screen', async () => {
    await app.page.setViewportSize({ width: 800, height: 900 });
    const rights = await app.page.evaluate(() =>
      [...document.querySelectorAll('.topbar > *')]
        .filter((c) => c.getClientRects().length > 0)
        .map((c) => c.getBoundingClientRect().right),
    );
    assert.ok(
      rights.every((r) => r <= 800),
      `controls end at ${rights.join(', ')}`,
    );
    await app.page.setViewportSize({ width: 1440, height: 900 });
  });
});

describe("asyncio.run's own tasks", () => {
  it('draws lanes and rows for the main coroutine and the two tasks the program made, and names the shutdown tasks in a note', async () => {
    await app.editor.setCode(TWO_TASKS);
    await runToEnd();
    const state = await app.state();
    assert.equal(state.output, 'a done\nb done\n');
    // The run has asyncio.run's two shutdown tasks, as CPython does...
    assert.deepEqual(
      state.tasks.map((t) => t.name),
      ['MainThread', 'Task-1', 'Task-2', 'Task-3', 'Task-4', 'Task-5'],
    );
    // ...but the timeline and the tasks panel show what the program made.
    const model = await app.timeline.model();
    const taskLanes = model.groups[0].lanes.filter((l) => l.kind === 0).map((l) => l.label);
    assert.deepEqual(taskLanes, ['MainThread', 'Task-1', 'Task-2', 'Task-3']);
    assert.deepEqual(
      (await app.tasks.rows()).map((r) => r.name),
      ['MainThread', 'Task-1', 'Task-2', 'Task-3'],
    );
    assert.equal(await app.page.locator('.tasks-panel .panel-title').textContent(), 'Tasks (4)');
    const note = app.page.locator('.machinery-note');
    assert.equal(await note.isVisible(), true);
    assert.equal(
      await note.textContent(),
      'Task-4 and Task-5 are not shown: asyncio.run makes them to shut the event loop down after the main coroutine returns.',
    );
    await app.screenshot('first-use-03-asyncio-lanes');
  });
});
