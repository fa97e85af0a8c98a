// Sharing in the playground: the "Copy link" button, the share and restore commands and
// Shift+S; opening a link from the address bar, at load and when only the fragment changes.
// A link's program replaces the editor's, and the program it replaced is kept in storage
// under "interleave.beforeLink" (restore swaps the two). Text from a link reaches the page
// only as text: the editor's document, textContent and an input's value.
import { formatSeconds } from '../../player/format';
import type { Player } from '../../player/player';
import type { CommandRegistry } from '../app/commands';
import { storage } from '../app/storage';
import type { Example } from '../examples/gallery';
import { type Disposable, DisposableStore, h, isTyping, listen } from '../dom';
import { type Settings, normalizeSettings } from '../../engine/settings';
import { summary } from '../settings/settings';
import { ShareError, type SharedState, decodeShare, encodeShare, isShareFragment } from './link';
import { lineIcon } from '../icons';

/** BEFORE_LINK_KEY holds the program and settings a link replaced. */
export const BEFORE_LINK_KEY = 'interleave.beforeLink';
/** DEFAULT_EXAMPLE is shown when a link cannot be opened. */
export const DEFAULT_EXAMPLE = 'sequential';
const CLIPBOARD_TIMEOUT_MS = 2000;
const POLL_MS = 50;

interface KeptProgram {
  source: string;
  settings: Settings;
}

function readKept(): KeptProgram | null {
  try {
    const v = JSON.parse(localStorage.getItem(BEFORE_LINK_KEY) ?? 'null') as unknown;
    if (typeof v !== 'object' || v === null) return null;
    const o = v as Record<string, unknown>;
    return typeof o.source === 'string' ? { source: o.source, settings: normalizeSettings(o.settings) } : null;
  } catch {
    return null;
  }
}

function writeKept(kept: KeptProgram): boolean {
  try {
    localStorage.setItem(BEFORE_LINK_KEY, JSON.stringify(kept));
    return true;
  } catch {
    return false;
  }
}

/** keepProgram saves a program and its settings for restore before something else replaces it in the editor. */
export function keepProgram(source: string, settings: Settings): boolean {
  return writeKept({ source, settings });
}

// writeClipboard gives up after a timeout: a clipboard that never answers must not hang the button.
async function writeClipboard(text: string): Promise<boolean> {
  try {
    const clipboard = navigator.clipboard;
    if (!clipboard?.writeText) return false;
    const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), CLIPBOARD_TIMEOUT_MS));
    return await Promise.race([clipboard.writeText(text).then(() => true), timeout]);
  } catch {
    return false;
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** describeState is what a link opens, in words: "seed 7 · GIL off … at 3.50 s". */
export function describeState(state: SharedState): string {
  const where = state.position === undefined ? '' : ` at ${formatSeconds(state.position)}`;
  return `${state.example ? `the example ${state.example}` : 'this program'} (${summary(state.settings)})${where}`;
}

/** SharePage is what sharing needs of the playground (its App). */
export interface SharePage {
  readonly editor: { readonly text: string; setText(text: string): void };
  readonly settings: Settings;
  /** example is the example the editor shows; sharing forgets it when a link or restore replaces the program. */
  example: Example | null;
  readonly gallery: {
    readonly listed: readonly Example[];
    find(name: string): Example | undefined;
    source(example: Example): Promise<string>;
  };
  readonly player: Player;
  readonly run: { readonly source: string; readonly done: boolean } | null;
  /** ready resolves once the examples are listed. */
  readonly ready: Promise<void>;
  readonly commands: CommandRegistry;
  setStatus(text: string, tone: 'idle' | 'busy' | 'ok' | 'error'): void;
  note(text: string, tone?: 'info' | 'error' | 'dim' | 'ok'): void;
  applySettings(s: Settings, rerun: boolean): void;
  loadExample(name: string): Promise<boolean>;
  start(): void;
  seek(time: number): void;
}

export class Sharing implements Disposable {
  private readonly store = new DisposableStore();
  private dialog: HTMLDialogElement | null = null;
  private generation = 0;

  constructor(private readonly app: SharePage) {
    const button = document.getElementById('share-button');
    if (button) this.store.add(listen(button, 'click', () => void this.copy(true)));
    this.store.add(listen(document, 'keydown', (event) => this.onKey(event as KeyboardEvent)));
    this.store.add(listen(window, 'hashchange', () => this.openFromLocation()));
    this.openFromLocation();
  }

  dispose(): void {
    this.store.dispose();
    this.dialog?.remove();
  }

  /** state describes what is on screen; withPosition adds the playhead when the run shown is of this code. */
  async state(withPosition: boolean): Promise<SharedState> {
    const app = this.app;
    const code = app.editor.text;
    const state: SharedState = { code, settings: app.settings };
    const example = app.example;
    if (example && (await app.gallery.source(example).catch(() => null)) === code) state.example = example.name;
    if (withPosition && app.player.trace.count > 0 && app.run?.source === code)
      state.position = app.player.playhead.time;
    return state;
  }

  /** link returns the page's URL with the state in its fragment. */
  async link(withPosition: boolean): Promise<{ url: string; state: SharedState }> {
    const state = await this.state(withPosition);
    const url = new URL(location.href);
    url.hash = await encodeShare(state);
    return { url: url.href, state };
  }

  /** copy puts a link in the clipboard, or shows it selected in a dialog when the clipboard is unavailable. */
  async copy(withPosition: boolean): Promise<void> {
    let made: { url: string; state: SharedState };
    try {
      made = await this.link(withPosition);
    } catch (error) {
      const message =
        error instanceof ShareError
          ? error.message
          : `The link could not be made: ${error instanceof Error ? error.message : String(error)}`;
      this.app.setStatus(message, 'error');
      this.app.note(message, 'error');
      return;
    }
    const what = describeState(made.state);
    if (await writeClipboard(made.url)) {
      this.app.setStatus(`Link copied: it opens ${what}.`, 'ok');
      this.app.note(`Link copied (${made.url.length.toLocaleString()} characters): it opens ${what}.`, 'ok');
    } else {
      this.app.setStatus('The clipboard is not available here: copy the link from the box.', 'idle');
      this.showDialog(made.url, what);
    }
  }

  /** restore swaps the editor's program with the one kept when a link was opened. */
  restore(): void {
    const kept = readKept();
    if (!kept) {
      this.app.note('There is no program from before a link to restore.', 'error');
      return;
    }
    const current: KeptProgram = { source: this.app.editor.text, settings: this.app.settings };
    this.forgetExample();
    this.app.editor.setText(kept.source);
    storage.saveSource(kept.source);
    this.app.applySettings(kept.settings, false);
    writeKept(current);
    this.app.setStatus('Restored your program from before the link. Press Run.', 'idle');
    this.app.note('Restored the program you had before opening the link; type restore again to go back.', 'ok');
  }

  private openFromLocation(): void {
    if (isShareFragment(location.hash)) void this.open(location.hash);
  }

  /** open shows a link's program and settings, runs to its position if it has one, or explains why it cannot. */
  async open(fragment: string): Promise<void> {
    const generation = ++this.generation;
    const result = await decodeShare(fragment);
    await this.app.ready;
    if (generation !== this.generation) return;
    this.clearFragment();
    const app = this.app;
    const kept = await this.keepCurrent(result.ok ? result.state.code : null);
    const keptNote = kept ? ' Your previous program is kept: type restore to bring it back.' : '';
    if (!result.ok) {
      const fallback = app.gallery.find(DEFAULT_EXAMPLE) ?? app.gallery.listed[0];
      if (fallback) await app.loadExample(fallback.name);
      app.setStatus(`This link could not be opened. ${result.error} Showing the default example.${keptNote}`, 'error');
      app.note(`This link could not be opened. ${result.error}`, 'error');
      app.note(`Showing the default example instead.${keptNote}`, 'info');
      document.body.dataset.share = 'rejected';
      return;
    }
    const state = result.state;
    await this.showState(state);
    if (generation !== this.generation) return;
    if (state.position === undefined) {
      app.setStatus(`Opened a shared link: ${describeState(state)}. Press Run.${keptNote}`, 'idle');
      app.note(`Opened a shared link: ${describeState(state)}.${keptNote}`, 'ok');
    } else {
      app.setStatus(`Opening a shared link: running ${describeState(state)}…`, 'busy');
      await this.runTo(state.position, generation, keptNote);
    }
    if (generation === this.generation) document.body.dataset.share = 'opened';
  }

  private async showState(state: SharedState): Promise<void> {
    const app = this.app;
    const example = state.example ? app.gallery.find(state.example) : undefined;
    const original = example && !example.variant ? await app.gallery.source(example).catch(() => null) : null;
    if (example && original === state.code) await app.loadExample(example.name);
    else this.forgetExample();
    if (app.editor.text !== state.code) app.editor.setText(state.code);
    storage.saveSource(state.code);
    app.applySettings(state.settings, false);
  }

  // runTo runs the program and, once the run is complete, puts the playhead at the link's position.
  private async runTo(position: number, generation: number, keptNote: string): Promise<void> {
    const app = this.app;
    app.start();
    app.player.pause();
    const run = app.run;
    while (run && app.run === run && !run.done) await delay(POLL_MS);
    if (!run || app.run !== run || generation !== this.generation || app.player.playing) return;
    app.seek(position);
    const end = app.player.trace.endTime;
    const where = `at ${formatSeconds(Math.min(position, end))} of ${formatSeconds(end)} simulated`;
    app.setStatus(`Opened a shared link ${where}. Press Space to play.${keptNote}`, 'ok');
  }

  // keepCurrent saves the program a link is about to replace, unless it is the link's own or an unedited example.
  private async keepCurrent(incoming: string | null): Promise<boolean> {
    const app = this.app;
    const source = app.editor.text;
    if (source.trim() === '' || source === incoming) return false;
    const example = app.example;
    if (example && (await app.gallery.source(example).catch(() => null)) === source) return false;
    return writeKept({ source, settings: app.settings });
  }

  private forgetExample(): void {
    this.app.example = null;
    const note = document.getElementById('example-note');
    if (note) note.hidden = true;
    const select = document.getElementById('example-select') as HTMLSelectElement | null;
    if (select) select.value = '';
  }

  // clearFragment takes the link out of the address bar, so a reload shows the autosaved program with its edits.
  private clearFragment(): void {
    try {
      history.replaceState(history.state, '', location.pathname + location.search);
    } catch {
      // clearFragment: a sandboxed document may refuse; the link then stays in the address bar.
    }
  }

  private onKey(e: KeyboardEvent): void {
    if (e.defaultPrevented || e.key !== 'S' || !e.shiftKey || e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target instanceof HTMLElement ? e.target : null;
    if (isTyping(target) || target?.closest('dialog, #settings-drawer')) return;
    e.preventDefault();
    void this.copy(true);
  }

  private showDialog(url: string, what: string): void {
    const dialog = this.dialog ?? this.createDialog();
    const input = dialog.querySelector<HTMLInputElement>('.share-link-input');
    const description = dialog.querySelector<HTMLElement>('.share-link-what');
    const copy = dialog.querySelector<HTMLElement>('.share-link-copy');
    if (!input || !description || !copy) return;
    copy.textContent = 'Copy';
    description.textContent = `This link opens ${what}. Copy it with Ctrl+C (⌘+C on a Mac).`;
    input.value = url;
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
  }

  private createDialog(): HTMLDialogElement {
    const close = h('button', { type: 'button', class: 'dialog-close', 'aria-label': 'Close' }, lineIcon('close'));
    const input = h('input', {
      type: 'text',
      class: 'share-link-input',
      readonly: true,
      spellcheck: 'false',
      'aria-label': 'Share link',
    });
    const copy = h('button', { type: 'button', class: 'button-primary share-link-copy' }, 'Copy');
    const dialog = h(
      'dialog',
      { id: 'share-dialog', class: 'dialog share-dialog', 'aria-label': 'Share link' },
      h(
        'div',
        { class: 'dialog-body' },
        h('header', { class: 'dialog-header' }, h('h2', {}, 'Share link'), close),
        h('p', { class: 'share-link-what' }),
        input,
        h('div', { class: 'share-link-actions' }, copy),
      ),
    );
    this.store.add(listen(close, 'click', () => dialog.close()));
    this.store.add(listen(input, 'focus', () => input.select()));
    this.store.add(
      listen(copy, 'click', () => {
        input.select();
        void writeClipboard(input.value).then((ok) => {
          copy.textContent = ok ? 'Copied' : 'Press Ctrl+C';
          if (!ok) input.select();
        });
      }),
    );
    document.body.append(dialog);
    this.dialog = dialog;
    return dialog;
  }
}

/** installSharing wires sharing into the page, adds the console's share [code] and restore, and opens the link in the address bar, if any. */
export function installSharing(page: SharePage): Sharing {
  const sharing = new Sharing(page);
  page.commands.register(['share', 'restore'], (name, args) => {
    if (name === 'restore') sharing.restore();
    else if (args[0] === undefined || args[0] === 'code') void sharing.copy(args[0] !== 'code');
    else page.note('share takes no argument, or code to leave out the playback position', 'error');
  });
  return sharing;
}
