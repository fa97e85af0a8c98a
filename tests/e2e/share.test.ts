// End-to-end tests of share links and the static build: a link reproduces program, settings
// and playback position in a fresh page; hostile or broken links stay inert (no dialog, no
// script, the default example and a clear message); dist/ served under a sub-path runs, and
// after one load it runs again with the server gone and the browser offline.
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
// @ts-expect-error: scripts/serve.mjs is plain JavaScript without type declarations.
import { serve } from '../../scripts/serve.mjs';
import { DEFAULT_SETTINGS } from '../../web/src/engine/settings';
import { MAX_CODE_BYTES, encodeShare, toBase64Url } from '../../web/src/ui/share/link';
import { type Harness, ROOT, artifact, startHarness } from './harness';
import { type HookState, PlaygroundPage } from './pages/playground';

const PROGRAM = `import random
import threading
import time


def worker(n):
    for i in range(3):
        time.sleep(random.random())
        print(f"worker {n} step {i}")


threads = [threading.Thread(target=worker, args=(n,)) for n in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("done")
`;

const HOSTILE_PROGRAM = `import threading

html = "<script>window.__pwned = 1</script><img src=x onerror=\\"window.__pwned = 2\\">"


def work():
    print(html)


t = threading.Thread(target=work, name="<img src=x onerror=window.__pwned=3>")
t.start()
t.join()
print("javascript:window.__pwned = 4")
`;

let harness: Harness;

before(async () => {
  harness = await startHarness();
});

after(async () => {
  await harness?.close();
});

// Watched tracks what must never happen on a page: dialogs (alert, confirm) and uncaught errors.
interface Watched {
  app: PlaygroundPage;
  dialogs: string[];
  errors: string[];
}

async function watchedPage(): Promise<Watched> {
  const page = await harness.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { app: new PlaygroundPage(page), dialogs, errors };
}

/** openLink loads a link in a page whose storage starts empty, as a recipient's browser would. */
async function openLink(page: Page, link: string): Promise<'opened' | 'rejected'> {
  await page.addInitScript(() => localStorage.clear());
  await page.goto(link);
  try {
    await page.waitForFunction(() => document.body.dataset.share !== undefined, undefined, { timeout: 30_000 });
  } catch (error) {
    const status = await page.locator('#status').textContent();
    const output = await page.evaluate(() => window.__interleave?.state().output ?? 'no test hook');
    throw new Error(`the link was not handled: status '${status}', terminal '${output}'`, { cause: error });
  }
  return (await page.evaluate(() => document.body.dataset.share)) as 'opened' | 'rejected';
}

// packRaw compresses any JSON text the way links do, without encodeShare's checks.
async function packRaw(json: string, version = 1): Promise<string> {
  const stream = new Blob([new TextEncoder().encode(json)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return `s=${version}.${toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()))}`;
}

/** editorText is the editor's document as shown, without the task chips drawn into its lines. */
async function editorText(page: Page): Promise<string> {
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

async function settingsOf(page: Page): Promise<unknown> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('interleave.settings') ?? 'null'));
}

describe('share links', () => {
  let source: Watched;
  let shared: HookState;
  let link = '';

  it('copies a link to the edited program, its settings and the playback position', async () => {
    source = await watchedPage();
    const app = source.app;
    await harness.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(harness.url).origin,
    });
    await app.open(harness.url);
    await app.editor.setCode(PROGRAM);
    for (const command of ['seed 42', 'cores 4', 'gil off', 'speed 100']) await app.terminal.command(command);
    await app.run();
    const done = await app.waitForRun();
    assert.equal(done.error, null);
    assert.match(done.output, /done\n$/);
    await app.terminal.command(`seek ${done.end / 2}`);
    await app.page.waitForFunction(
      (t) => Math.abs((window.__interleave.state() as { time: number }).time - t) < 1e-9,
      done.end / 2,
    );
    shared = await app.state();
    assert.ok(shared.output.length > 0 && !shared.output.includes('done'), 'the position is in the middle of the run');
    await app.page.click('#share-button');
    await app.page.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('Link copied'));
    link = await app.page.evaluate(() => navigator.clipboard.readText());
    assert.ok(link.startsWith(`${harness.url}#s=1.`), link);
    assert.match(await app.status(), /seed 42/);
    await app.screenshot('share-01-copied');
  });

  it('opens the link in a fresh page: same code, settings, output and elapsed', async () => {
    const target = await watchedPage();
    assert.equal(await openLink(target.app.page, link), 'opened');
    const app = target.app;
    assert.equal(await editorText(app.page), PROGRAM);
    assert.deepEqual(await settingsOf(app.page), { ...DEFAULT_SETTINGS, seed: 42, cores: 4, gil: false });
    assert.equal(await app.page.locator('#settings-summary').textContent(), 'concurrent · GIL off · 4 cores · seed 42');
    const state = await app.state();
    assert.equal(state.complete, true);
    assert.equal(state.playing, false);
    assert.equal(state.time, shared.time);
    assert.equal(state.end, shared.end);
    assert.equal(state.position, shared.position);
    assert.equal(state.output, shared.output);
    assert.equal(await app.elapsed(), shared.elapsedText);
    assert.deepEqual(
      state.tasks.map((t) => [t.name, t.state, t.line]),
      shared.tasks.map((t) => [t.name, t.state, t.line]),
    );
    assert.equal(await app.page.evaluate(() => location.hash), '', 'the link leaves the address bar once opened');
    assert.match(await app.status(), /^Opened a shared link at /);
    assert.deepEqual(target.dialogs, []);
    assert.deepEqual(target.errors, []);
    await app.screenshot('share-02-opened');
    await app.page.close();
  });

  it('shows the link selected in a box when the clipboard is unavailable (Shift+S)', async () => {
    const app = source.app;
    await app.page.evaluate(() =>
      Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }),
    );
    await app.key('Shift+S');
    const dialog = app.page.locator('#share-dialog');
    await dialog.waitFor({ state: 'visible' });
    const box = await app.page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#share-dialog .share-link-input');
      return {
        value: input?.value ?? '',
        focused: document.activeElement === input,
        start: input?.selectionStart,
        end: input?.selectionEnd,
        readOnly: input?.readOnly,
      };
    });
    assert.equal(box.value, link, 'the same state gives the same link');
    assert.deepEqual([box.focused, box.start, box.end, box.readOnly], [true, 0, link.length, true]);
    assert.match((await app.page.locator('#share-dialog .share-link-what').textContent()) ?? '', /seed 42/);
    await app.screenshot('share-03-dialog');
    await app.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('share code leaves out the position: the opened page waits for Run', async () => {
    const app = source.app;
    await app.terminal.command('share code');
    await app.page.waitForFunction(
      (old) => document.querySelector<HTMLInputElement>('#share-dialog .share-link-input')?.value !== old,
      link,
    );
    const value = await app.page.locator('#share-dialog .share-link-input').inputValue();
    await app.page.keyboard.press('Escape');
    assert.notEqual(value, link);
    const target = await watchedPage();
    assert.equal(await openLink(target.app.page, value), 'opened');
    const state = await target.app.state();
    assert.equal(state.events, 0, 'nothing ran');
    assert.equal(await editorText(target.app.page), PROGRAM);
    assert.match(await target.app.status(), /Press Run/);
    await target.app.page.close();
  });

  it('keeps the program a link replaced: restore brings it back', async () => {
    const { app } = await watchedPage();
    await app.open(harness.url);
    await app.editor.setCode('print("my own program")');
    await app.page.waitForFunction(() => localStorage.getItem('interleave.source') === 'print("my own program")');
    await app.page.goto(link);
    await app.page.waitForFunction(() => document.body.dataset.share === 'opened', undefined, { timeout: 30_000 });
    assert.equal(await editorText(app.page), PROGRAM);
    assert.match(await app.status(), /Your previous program is kept: type restore/);
    assert.equal(
      await app.page.evaluate(() => JSON.parse(localStorage.getItem('interleave.beforeLink') ?? '{}').source),
      'print("my own program")',
    );
    await app.terminal.command('restore');
    assert.equal(await editorText(app.page), 'print("my own program")');
    await app.terminal.command('restore');
    assert.equal(await editorText(app.page), PROGRAM);

    await app.editor.setCode('print("edited after the link")');
    await app.page.goto(`${harness.url}#s=1.garbage`);
    await app.page.waitForFunction(() => document.body.dataset.share === 'rejected');
    assert.match(await app.status(), /could not be opened.*Your previous program is kept: type restore/);
    assert.match(await editorText(app.page), /brew\("tea", 3\)/);
    await app.terminal.command('restore');
    assert.equal(await editorText(app.page), 'print("edited after the link")');
    await app.page.close();
  });
});

describe('hostile and broken links', () => {
  const DEFAULT_EXAMPLE_LINE = 'brew("tea", 3)';

  async function expectRejected(link: string, message: RegExp, name: string): Promise<void> {
    const w = await watchedPage();
    const page = w.app.page;
    assert.equal(await openLink(page, link), 'rejected', name);
    const status = await w.app.status();
    assert.match(status, /This link could not be opened/, name);
    assert.match(status, message, name);
    assert.match(status, /default example/, name);
    assert.match(await editorText(w.app.page), new RegExp(DEFAULT_EXAMPLE_LINE.replace(/[()]/g, '\\$&')), name);
    assert.equal(await page.locator('#status *').count(), 0, `${name}: the status is plain text`);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined, name);
    assert.deepEqual(w.dialogs, [], name);
    assert.deepEqual(w.errors, [], name);
    await page.close();
  }

  it('runs a program full of HTML and script text as inert text', async () => {
    const w = await watchedPage();
    const fragment = await encodeShare({ code: HOSTILE_PROGRAM, settings: DEFAULT_SETTINGS, position: 1e6 });
    assert.equal(await openLink(w.app.page, `${harness.url}#${fragment}`), 'opened');
    const page = w.app.page;
    assert.equal(await editorText(w.app.page), HOSTILE_PROGRAM);
    const state = await w.app.state();
    assert.equal(state.error, null);
    assert.equal(
      state.output,
      '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">\njavascript:window.__pwned = 4\n',
    );
    assert.ok(
      state.tasks.some((t) => t.name === '<img src=x onerror=window.__pwned=3>'),
      'the thread keeps its name as text',
    );
    assert.equal(
      await page.locator('img, script:not([src]):not([type])').count(),
      0,
      'no element was made from the program text',
    );
    assert.ok(
      await page
        .locator('.task-row')
        .evaluateAll((rows) =>
          rows.some((r) => (r as HTMLElement).dataset.task === '<img src=x onerror=window.__pwned=3>'),
        ),
    );
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.deepEqual(w.dialogs, []);
    assert.deepEqual(w.errors, []);
    await w.app.screenshot('share-04-hostile-program');
    await page.close();
  });

  it('rejects links with script, javascript: or HTML in their fields', async () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      [
        'script in the example name',
        { code: 'print(1)', example: '<script>window.__pwned=1</script>' },
        /example name/,
      ],
      [
        'HTML in the example name',
        { code: 'print(1)', example: '<img src=x onerror="window.__pwned=2">' },
        /example name/,
      ],
      ['javascript: in the example name', { code: 'print(1)', example: 'javascript:window.__pwned=3' }, /example name/],
      [
        'javascript: in a setting',
        { code: 'print(1)', settings: { cores: 'javascript:window.__pwned=4' } },
        /setting cores/,
      ],
      ['HTML as the settings', { code: 'print(1)', settings: '<script>window.__pwned=5</script>' }, /settings/],
      ['script as the position', { code: 'print(1)', position: '<script>window.__pwned=6</script>' }, /position/],
      ['HTML instead of code', { code: { html: '<b>x</b>' } }, /no program text/],
    ];
    for (const [name, data, message] of cases)
      await expectRejected(`${harness.url}#${await packRaw(JSON.stringify(data))}`, message, name);
  });

  it('rejects truncated, garbage, wrong-version and oversized links', async () => {
    const valid = (
      await encodeShare({ code: PROGRAM.repeat(20) + '# ' + 'x'.repeat(2000), settings: DEFAULT_SETTINGS })
    ).slice(0, -40);
    const bomb = await packRaw(JSON.stringify({ code: ' '.repeat(8 * 1024 * 1024) }));
    const cases: [string, string, RegExp][] = [
      ['truncated', valid, /damaged|cut off/],
      ['garbage', 's=1.<script>window.__pwned=1</script>', /damaged/],
      ['garbage bytes', 's=1.AAAAAAAAAAAAAAAAAAAAAAAAAAAA', /damaged|cut off/],
      ['not JSON', await packRaw('<html><script>window.__pwned=1</script></html>'), /not a saved program/],
      ['empty', 's=1.', /empty/],
      ['wrong version', await packRaw(JSON.stringify({ code: 'print(1)' }), 7), /format 7.*format 1/],
      ['oversized program', await packRaw(JSON.stringify({ code: 'x'.repeat(MAX_CODE_BYTES + 10) })), /too large/],
      ['decompression bomb', bomb, /too large/],
      ['oversized link', `s=1.${'A'.repeat(200_000)}`, /too large/],
    ];
    for (const [name, fragment, message] of cases) await expectRejected(`${harness.url}#${fragment}`, message, name);
  });
});

describe('the static build under a sub-path', () => {
  const BASE = '/some/sub/path/';
  let server: Server;
  let url = '';

  before(async () => {
    ({ server, url } = (await serve(join(ROOT, 'dist'), 5200 + Math.floor(Math.random() * 300), { base: BASE })) as {
      server: Server;
      url: string;
    });
  });

  after(async () => {
    await harness.context.setOffline(false);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('loads from /some/sub/path/, fetches everything under it and runs an example', async () => {
    const w = await watchedPage();
    const outside: string[] = [];
    const failed: string[] = [];
    const origin = new URL(url).origin;
    harness.context.on('request', (r) => {
      if (r.url().startsWith(origin) && !r.url().startsWith(url)) outside.push(r.url());
    });
    harness.context.on('response', (r) => {
      if (r.url().startsWith(origin) && r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    const app = w.app;
    await app.open(url);
    await app.loadExample('sequential');
    await app.terminal.command('speed 100');
    await app.run();
    await app.waitForRun();
    await app.key('End');
    const state = await app.state();
    assert.equal(state.error, null);
    assert.match(state.output, /breakfast served after 9\.0 s\n$/);
    assert.deepEqual(outside, [], 'every request stays under the sub-path');
    assert.deepEqual(failed, []);
    assert.deepEqual(w.errors, []);
    await app.screenshot('share-05-sub-path');
  });

  it('works offline after one load: the service worker serves the page, the engine and the examples', async () => {
    const w = await watchedPage();
    const app = w.app;
    await app.open(url);
    const worker = await app.page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      const names = await caches.keys();
      const cache = await caches.open(names.find((n) => n.startsWith('interleave:')) ?? '');
      const keys = (await cache.keys()).map((r) => r.url);
      return { scope: registration.scope, state: registration.active?.state, names, keys };
    });
    assert.equal(worker.scope, url);
    assert.equal(worker.state, 'activated');
    assert.ok(
      worker.names.some((n) => n.startsWith(`interleave:${BASE}:`)),
      worker.names.join(', '),
    );
    assert.ok(
      worker.keys.some((k) => k.endsWith('.wasm')),
      'the engine is precached',
    );
    assert.ok(worker.keys.includes(`${url}examples/index.json`), 'the examples are precached');

    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await harness.context.setOffline(true);
    await app.page.reload();
    await app.page.waitForFunction(
      () => window.__interleave !== undefined && document.querySelectorAll('#example-select option').length > 1,
    );
    await app.loadExample('threads-sleep');
    await app.loadExample('sequential');
    await app.terminal.command('speed 100');
    await app.run();
    await app.waitForRun();
    await app.key('End');
    const state = await app.state();
    assert.equal(state.error, null);
    assert.match(state.output, /breakfast served after 9\.0 s\n$/);
    assert.equal(await app.page.evaluate(() => navigator.onLine), false);
    await app.page.screenshot({ path: artifact('share-06-offline') });
  });
});
