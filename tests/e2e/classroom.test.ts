// End-to-end tests of the classroom features in headless Chromium: presenter mode doubles
// the type and leaves on Esc, the narration caption reads the switch under the playhead of
// a real run, and a scripted student plays predict mode to the final score by keyboard.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Harness, startHarness } from './harness';
import { ClassroomPage } from './pages/classroom';
import { PlaygroundPage } from './pages/playground';

let harness: Harness;
let app: PlaygroundPage;
let classroom: ClassroomPage;

before(async () => {
  harness = await startHarness();
  app = new PlaygroundPage(await harness.newPage(undefined, 'light'));
  classroom = new ClassroomPage(app.page);
  await app.open(harness.url);
});

after(async () => {
  await harness?.close();
});

async function runExample(name: string): Promise<void> {
  await app.loadExample(name);
  await app.run();
  await app.waitForRun();
}

/** supportsAsyncio probes the engine once; asyncio tests skip with a reason without it. */
async function supportsAsyncio(): Promise<boolean> {
  return app.supports('import asyncio\nasync def f():\n    await asyncio.sleep(0.1)\nasyncio.run(f())\n');
}

describe('presenter mode', () => {
  it('doubles the code, terminal and elapsed counter on a 1080p screen, turns on high contrast and narration, and leaves on Esc', async () => {
    await app.page.setViewportSize({ width: 1920, height: 1080 });
    await runExample('sequential');
    await app.key('End');
    await app.terminal.waitForRow('breakfast served');
    const normal = await classroom.measure();
    assert.equal((await classroom.model()).narration, false, 'narration is off outside presenter mode');

    await app.key('p');
    await app.page.waitForFunction(() => document.documentElement.classList.contains('presenter'));
    await app.page.waitForFunction(
      (px) => parseFloat(getComputedStyle(document.querySelector('#terminal .xterm-rows')!).fontSize) > px,
      normal.terminal,
    );
    const big = await classroom.measure();
    for (const key of ['editor', 'elapsed', 'terminal'] as const) {
      const ratio = big[key] / normal[key];
      assert.ok(ratio >= 1.8 && ratio <= 2.5, `${key} grows about 2x: ${normal[key]}px -> ${big[key]}px`);
    }
    assert.ok(big.taskName / normal.taskName >= 1.5, `task names grow: ${normal.taskName}px -> ${big.taskName}px`);
    assert.equal(big.background, 'rgb(255, 255, 255)');
    assert.equal(big.color, 'rgb(0, 0, 0)');
    const model = await classroom.model();
    assert.equal(model.presenter, true);
    assert.equal(model.narration, true, 'narration is on by default in presenter mode');
    assert.equal(await classroom.caption(), 'MainThread sleeps for 2 s; core 0 goes idle.');
    assert.equal(await app.page.locator('.tagline').isVisible(), false, 'non-essential chrome is hidden');
    await app.page.keyboard.press('Tab');
    const ring = await app.page.evaluate(() => getComputedStyle(document.activeElement!).outlineWidth);
    assert.equal(ring, '4px', 'keyboard focus shows a thick ring');
    await app.screenshot('classroom-01-presenter-light');

    await app.key('Escape');
    await app.page.waitForFunction(() => !document.documentElement.classList.contains('presenter'));
    await app.page.waitForFunction(
      (px) => parseFloat(getComputedStyle(document.querySelector('#terminal .xterm-rows')!).fontSize) === px,
      normal.terminal,
    );
    const back = await classroom.measure();
    assert.equal(back.editor, normal.editor);
    assert.equal(back.elapsed, normal.elapsed);
    assert.equal((await classroom.model()).narration, false, 'the caption goes with presenter mode');
    assert.equal(await app.page.evaluate(() => document.fullscreenElement), null);

    await app.page.setViewportSize({ width: 1280, height: 720 });
    const normalWidth = (await app.timeline.model()).view.width;
    await app.key('p');
    await app.page.waitForFunction(
      (px) => parseFloat(getComputedStyle(document.querySelector('#terminal .xterm-rows')!).fontSize) > px,
      normal.terminal,
    );
    const small = await classroom.measure();
    for (const key of ['editor', 'elapsed', 'terminal'] as const) {
      const ratio = small[key] / normal[key];
      assert.ok(ratio >= 1.4 && ratio < 1.8, `${key} grows about 1.5x on 720p: ${normal[key]}px -> ${small[key]}px`);
    }
    const zoomedWidth = (await app.timeline.model()).view.width;
    assert.ok(
      zoomedWidth < normalWidth / 1.35,
      `the timeline draws larger: ${normalWidth} -> ${zoomedWidth} units across`,
    );
    await app.screenshot('classroom-01-presenter-720p');
    await app.key('Escape');
    await app.page.waitForFunction(() => !document.documentElement.classList.contains('presenter'));
  });

  it('uses a high-contrast dark palette and is toggled by the console command', async () => {
    await app.page.emulateMedia({ colorScheme: 'dark' });
    await classroom.typeCommand('presenter on');
    await app.page.waitForFunction(() => document.documentElement.classList.contains('presenter'));
    const colours = await classroom.measure();
    assert.equal(colours.background, 'rgb(0, 0, 0)');
    assert.equal(colours.color, 'rgb(255, 255, 255)');
    await app.screenshot('classroom-02-presenter-dark');
    await classroom.typeCommand('presenter off');
    await app.page.waitForFunction(() => !document.documentElement.classList.contains('presenter'));
    await app.page.emulateMedia({ colorScheme: 'light' });
  });
});

describe('narration', () => {
  it('captions the switch under the playhead of a real asyncio run', async (t) => {
    if (!(await supportsAsyncio())) return t.skip('the engine does not run asyncio yet');
    await runExample('asyncio-sleep');
    await app.terminal.command('pause');
    await app.terminal.command('narration on');
    await app.key('Home');
    await classroom.waitForCaption('Each task switch is explained here as the run plays.');
    await app.key('Shift+ArrowRight');
    await classroom.waitForCaption('Task-1 awaits asyncio.gather(ticker(), greeting()); the event loop starts Task-2.');
    for (let i = 0; i < 3; i++) await app.key('Shift+ArrowRight');
    await classroom.waitForCaption(
      'Task-2 awaits asyncio.sleep(0.5); the event loop resumes Task-3, whose sleep just ended.',
    );
    assert.equal(await app.elapsed(), '1.200 s');
    assert.equal(await app.page.locator('#caption').getAttribute('aria-live'), 'polite');
    await app.screenshot('classroom-03-narration');
    await app.page.evaluate(() => window.__interleave.seek(1.3));
    await classroom.waitForCaption(
      'Task-3 finishes; no coroutine is ready, so the event loop waits for the next timer or I/O.',
    );
    await app.page.click('.classroom-toggle:has-text("Narration")');
    await app.page.waitForFunction(() => (document.querySelector('#caption') as HTMLElement).hidden);
    assert.equal(await classroom.caption(), '');
  });
});

describe('predict mode', () => {
  /** playGame answers every question by keyboard (the first one wrong on purpose when asked to) and returns the tally. */
  async function playGame(wrongFirst: boolean, shots: string): Promise<{ asked: number; right: number }> {
    let asked = 0;
    let right = 0;
    for (let guard = 0; guard < 60; guard++) {
      await app.page.waitForFunction(
        () => ['asking', 'finished'].includes(document.querySelector<HTMLElement>('.predict')?.dataset.phase ?? ''),
        undefined,
        { timeout: 30_000 },
      );
      const model = (await classroom.model()).predict;
      if (model.phase === 'finished') break;
      assert.deepEqual(await classroom.choices(), model.candidates, 'one button per candidate task');
      assert.ok(model.answer && model.candidates.includes(model.answer));
      const state = await app.state();
      assert.equal(state.playing, false, 'playback waits for the answer');
      assert.ok(Math.abs(state.time - (model.pauseTime ?? -1)) < 1e-9, 'the playhead stands at the question');
      const wrong = wrongFirst && asked === 0;
      const pick = wrong ? model.candidates.find((c) => c !== model.answer)! : model.answer;
      if (asked === 0) await app.screenshot(`${shots}-question`);
      await app.key(String(model.candidates.indexOf(pick) + 1));
      await classroom.waitForPhase('revealed');
      asked += 1;
      if (!wrong) right += 1;
      const marked = await classroom.marked();
      assert.deepEqual(marked.right, [model.answer]);
      assert.deepEqual(marked.wrong, wrong ? [pick] : []);
      const result = await classroom.result();
      assert.ok(
        result.startsWith(
          wrong ? `Not this time: ${model.answer} runs next, not ${pick}.` : `Right: ${model.answer} runs next.`,
        ),
        result,
      );
      assert.ok(result.length > 40, 'the reveal includes the narration of the switch');
      assert.equal(await classroom.score(), `${right} of ${asked} right`);
      if (asked === 1) await app.screenshot(`${shots}-revealed`);
      await app.page.keyboard.press(asked % 2 ? 'Space' : 'Enter');
      await app.page.waitForFunction(
        () => document.querySelector<HTMLElement>('.predict')?.dataset.phase !== 'revealed',
      );
    }
    return { asked, right };
  }

  it('a student predicts every switch of an asyncio run by keyboard and gets the final score', async (t) => {
    if (!(await supportsAsyncio())) return t.skip('the engine does not run asyncio yet');
    await app.loadExample('asyncio-sleep');
    await app.terminal.command('fit 3');
    await app.key('q');
    await classroom.waitForPhase('watching');
    await app.key('Control+Enter');
    const { asked, right } = await playGame(true, 'classroom-04-predict-asyncio');
    assert.equal(asked, 5);
    assert.equal(right, 4);
    await classroom.waitForPhase('finished');
    assert.equal(await classroom.question(), 'Final score: 4 of 5 right.');
    const model = (await classroom.model()).predict;
    assert.deepEqual([model.asked, model.right], [5, 4]);
    await app.screenshot('classroom-05-predict-final');
  });

  it('works for threads too, and leaves when turned off', async () => {
    await app.loadExample('threads-sleep');
    await app.run();
    await app.page.waitForFunction(
      () =>
        (window.__interleave as unknown as { classroom(): { predict: { phase: string } } }).classroom().predict
          .phase !== 'finished',
    );
    const { asked, right } = await playGame(false, 'classroom-06-predict-threads');
    assert.ok(asked >= 8, `asked ${asked} questions`);
    assert.equal(right, asked);
    await classroom.waitForPhase('finished');
    assert.equal(await classroom.question(), `Final score: ${asked} of ${asked} right.`);
    await app.terminal.command('predict off');
    await app.page.waitForFunction(() => (document.querySelector('.predict') as HTMLElement).hidden);
    assert.equal((await classroom.model()).predict.enabled, false);
  });
});

describe('a lesson from the keyboard alone', () => {
  it('presenter mode, an example by command, run, switch by switch with narration, a prediction, the scheduler, and out', async () => {
    const page = app.page;
    const keys = page.keyboard;
    await page.reload();
    await page.waitForFunction(
      () => window.__interleave !== undefined && document.querySelectorAll('#example-select option').length > 1,
    );
    await page.waitForFunction(() => document.activeElement === document.body);

    await keys.press('p');
    await page.waitForFunction(() => document.documentElement.classList.contains('presenter'));

    await keys.press('/');
    await keys.type('example race-counter');
    await keys.press('Enter');
    await keys.press('Escape');
    await page.waitForFunction(() => document.querySelector('#editor .cm-content')?.textContent?.includes('counter'));
    assert.equal(await page.evaluate(() => document.activeElement === document.body), true, 'Esc leaves the console');
    assert.equal(await classroom.isPresenter(), true, 'and presenter mode stays on');

    await keys.press('Control+Enter');
    const state = await app.waitForRun();
    assert.equal(state.error, null);

    await keys.press('Home');
    await keys.press('Shift+ArrowRight');
    await keys.press('Shift+ArrowRight');
    await page.waitForFunction(() => window.__interleave.state().time > 0);
    await page.waitForFunction(() => (document.querySelector('.caption')?.textContent ?? '').length > 0);
    const caption = (await classroom.model()).caption;
    assert.match(caption, /Thread|MainThread/, `the caption narrates the switch: ${caption}`);

    await keys.press('Home');
    await keys.press('q');
    await classroom.waitForPhase('watching');
    await keys.press(' ');
    await classroom.waitForPhase('asking');
    await keys.press('1');
    await classroom.waitForPhase('revealed');
    assert.equal((await classroom.model()).predict.asked, 1);
    await keys.press('q');
    await page.waitForFunction(() => (document.querySelector('.predict') as HTMLElement).hidden);

    await keys.press('/');
    await keys.type('scheduler counter');
    await keys.press('Enter');
    await page.waitForFunction(
      () => (document.getElementById('scheduler-dialog') as HTMLDialogElement | null)?.open === true,
    );
    await page.waitForFunction(() => {
      const m = (window.__interleave as unknown as { scheduler(): { status: string } | null }).scheduler();
      return m !== null && m.status === 'choosing';
    });
    await keys.press('0');
    await page.waitForFunction(
      () => (window.__interleave as unknown as { scheduler(): { steps: number } | null }).scheduler()?.steps === 1,
    );
    await app.screenshot('classroom-07-keyboard-lesson-scheduler');
    await keys.press('Escape');
    await page.waitForFunction(() => !(document.getElementById('scheduler-dialog') as HTMLDialogElement).open);

    // Closing the dialog gives focus back to the console it was opened from: Esc leaves the console, then presenter mode.
    assert.equal(await page.evaluate(() => document.activeElement?.closest('#console-slot') !== null), true);
    await keys.press('Escape');
    assert.equal(await classroom.isPresenter(), true);
    await keys.press('Escape');
    await page.waitForFunction(() => !document.documentElement.classList.contains('presenter'));
  });
});
