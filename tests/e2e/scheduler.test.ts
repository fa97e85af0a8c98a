// End-to-end tests of "You are the scheduler" in headless Chromium: a scripted student
// solves each shipped challenge by keys and clicks (the winning orders are written out
// below), undo takes the game back a step, and an order without the bug says so.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Harness, artifact, startHarness } from './harness';
import { PlaygroundPage } from './pages/playground';
import { SchedulerPage } from './pages/scheduler';

let harness: Harness;
let app: PlaygroundPage;
let scheduler: SchedulerPage;

before(async () => {
  harness = await startHarness();
  app = new PlaygroundPage(await harness.newPage(undefined, 'light'));
  scheduler = new SchedulerPage(app.page);
  await app.open(harness.url);
});

after(async () => {
  await harness?.close();
});

const T1 = 'Thread-1 (add_one)';

describe('you are the scheduler', () => {
  it('opens from the top bar on the lost-update challenge, waiting for the first choice', async () => {
    const m = await scheduler.openFromTopBar();
    assert.equal(m.challenge, 'counter');
    assert.equal(m.status, 'choosing');
    assert.equal(m.unit, 'instruction', 'the lost update starts in instruction steps');
    assert.deepEqual(
      m.threads.map((t) => [t.name, t.key, t.runnable]),
      [
        ['MainThread', 0, true],
        [T1, 1, true],
      ],
    );
    assert.equal(SchedulerPage.thread(m, T1).text, 'line 11, next: LOAD_GLOBAL counter');
    assert.match(
      await scheduler.dialog.locator('.scheduler-goal').innerText(),
      /^Goal: Two threads each add 1 to counter/,
    );
    assert.deepEqual(await scheduler.chips(), [
      { task: T1, line: 11 },
      { task: 'MainThread', line: 16 },
    ]);
    assert.equal(
      await scheduler.dialog.locator(`button[data-thread="${T1}"]`).innerText(),
      `1 Run ${T1} one instruction`,
    );
    await app.page.screenshot({ path: artifact('scheduler-start') });
  });

  it('undoes a choice with Backspace and with Ctrl+Z', async () => {
    await scheduler.press('1');
    let m = await scheduler.settled(1);
    assert.equal(SchedulerPage.thread(m, T1).text, 'line 11, next: LOAD_CONST 1', 'Thread-1 loaded the counter');
    assert.deepEqual(m.variables, ['counter = 0']);
    assert.match(await scheduler.dialog.locator('.scheduler-steps').innerText(), /Step 1/);
    await scheduler.press('Backspace');
    m = await scheduler.settled(0);
    assert.equal(
      SchedulerPage.thread(m, T1).text,
      'line 11, next: LOAD_GLOBAL counter',
      'undo puts Thread-1 back before the load',
    );
    await scheduler.press('1', '1');
    m = await scheduler.settled(2);
    assert.equal(SchedulerPage.thread(m, T1).text, 'line 11, next: INPLACE_ADD');
    await scheduler.press('Control+z');
    m = await scheduler.settled(1);
    assert.equal(SchedulerPage.thread(m, T1).text, 'line 11, next: LOAD_CONST 1');
    await scheduler.press('r');
    m = await scheduler.settled(0);
    assert.deepEqual(m.choices, []);
  });

  it('finds the lost update: Thread-1 loads, Thread-2 adds and stores, Thread-1 stores a stale value', async () => {
    // Thread-1 loads 0 (one instruction), then by lines: main starts Thread-2, which runs
    // to the start of its line and then the whole line; Thread-1 finishes its line.
    await scheduler.press('1', 'l', '0', '0', '2', '2', '1');
    const m = await scheduler.settled(6);
    assert.equal(m.status, 'found');
    const banner = await scheduler.banner.innerText();
    assert.match(banner, /^You found it: AssertionError: an update was lost: counter is 1, not 2/);
    assert.match(banner, /One thread loaded counter \(0\) and was switched out before storing/);
    assert.equal(m.output, 'counter = 1\n');
    assert.deepEqual(m.variables, ['counter = 1'], 'the shared state shows the lost update');
    assert.match(await scheduler.dialog.locator('.scheduler-code .cm-error-line').innerText(), /assert counter == 2/);
    assert.deepEqual(
      m.choices.map((c) => `${c.thread}${c.unit[0]}`),
      ['1i', '0l', '0l', '2l', '2l', '1l'],
    );
    await app.page.screenshot({ path: artifact('scheduler-counter-found') });
  });

  it('says when an order has no bug', async () => {
    await scheduler.press('r');
    await scheduler.settled(0);
    await scheduler.press('l', '1', '2');
    const m = await scheduler.settled(2);
    assert.equal(m.status, 'clean');
    assert.equal(await scheduler.banner.innerText(), 'No bug this time: undo and try another order.');
    assert.equal(m.output, 'counter = 2\n');
    await scheduler.press('Backspace');
    const back = await scheduler.settled(1);
    assert.equal(back.status, 'choosing', 'undo after the end goes back to choosing');
  });

  it('sells the last ticket twice by clicking the thread buttons', async () => {
    let m = await scheduler.pick('last-ticket');
    assert.equal(m.unit, 'line');
    for (const [i, thread] of ['Alice', 'MainThread', 'MainThread', 'Bob', 'Bob', 'Alice'].entries()) {
      await scheduler.run(thread);
      await scheduler.settled(i + 1);
    }
    m = await scheduler.model();
    assert.equal(SchedulerPage.thread(m, 'Bob').text, 'line 10, next: LOAD_GLOBAL tickets', 'Bob passed the check too');
    await scheduler.run('Bob');
    m = await scheduler.settled(7);
    assert.equal(m.status, 'found');
    assert.match(await scheduler.banner.innerText(), /^You found it: IndexError: pop from empty list \(in Bob\)/);
    assert.match(m.output, /Exception in thread Bob:/);
    assert.deepEqual(m.variables, ['tickets = []']);
    assert.ok(
      await scheduler.dialog.locator('button.scheduler-run[data-thread="Alice"]').isDisabled(),
      'no more choices once found',
    );
  });

  it('deadlocks the diners, opened from the console', async () => {
    await app.page.keyboard.press('Escape');
    await app.page.waitForFunction(() => !document.querySelector<HTMLDialogElement>('#scheduler-dialog')?.open);
    await app.terminal.command('scheduler two-locks');
    let m = await scheduler.settled(0);
    assert.equal(m.challenge, 'two-locks');
    // Alice takes the fork; main starts Bob; Bob takes the knife; each then asks for the other.
    await scheduler.press('1', '0', '0', '2', '2', '1', '2');
    m = await scheduler.settled(7);
    assert.equal(m.status, 'found');
    assert.equal(
      (await scheduler.banner.innerText()).split('\n')[0],
      'You found it: a deadlock. Alice waits for Lock knife, held by Bob; Bob waits for Lock fork, held by Alice; MainThread waits for Alice to finish',
    );
    assert.equal(SchedulerPage.thread(m, 'Alice').text, 'line 11: waits for Lock knife, held by Bob');
    await app.page.emulateMedia({ colorScheme: 'dark' });
    await app.page.screenshot({ path: artifact('scheduler-deadlock-dark') });
    await app.page.emulateMedia({ colorScheme: 'light' });
  });

  it('schedules the program in the editor when it starts threads', async () => {
    await app.page.keyboard.press('Escape');
    await app.page.waitForFunction(() => !document.querySelector<HTMLDialogElement>('#scheduler-dialog')?.open);
    await app.editor.setCode(
      'import threading\nlog = []\ndef work():\n    log.append("worker")\nt = threading.Thread(target=work, name="worker")\nt.start()\nlog.append("main")\nt.join()\nprint(log)\n',
    );
    await app.terminal.command('scheduler current');
    let m = await scheduler.settled(0);
    assert.equal(m.challenge, 'current');
    assert.match(
      await scheduler.dialog.locator('.scheduler-goal').innerText(),
      /find an order of the threads that makes your program fail/,
    );
    assert.deepEqual(
      m.threads.map((t) => [t.name, t.runnable]),
      [
        ['MainThread', true],
        ['worker', true],
      ],
    );
    // Main finishes its start() line, appends first and joins; the worker then runs alone.
    await scheduler.press('0', '0', '0');
    m = await scheduler.settled(3);
    assert.equal(m.status, 'clean');
    assert.deepEqual(m.variables, ["log = ['main', 'worker']"]);
    assert.equal(m.output, "['main', 'worker']\n");
  });

  it('refuses a program without threads and names the problem', async () => {
    await app.page.keyboard.press('Escape');
    await app.editor.setCode('print("no threads here")\n');
    await app.terminal.command('scheduler current');
    await app.page.waitForFunction(
      () => document.querySelector('#scheduler-dialog')?.getAttribute('data-status') === 'failed',
    );
    assert.match(await scheduler.banner.innerText(), /starts no threads/);
  });
});
