// OutputTerminal: the output pane. It loads xterm.js (XtermView, xterm-view.ts, through the
// host's loadView: the page imports it on demand, the embed's single script carries it) on first
// use: when a run starts, when there is output to show, on the user's first key press or
// pointer press on the page, or when the presenter restyles it. Until then the page's notes
// are plain text lines in the pane; they are replayed into xterm.js when it arrives, as is
// every call made meanwhile, so the result is the same as if xterm.js had been there.
import type { Playhead, Trace } from '../../player/trace';
import { type Disposable, h, listen } from '../dom';
import type { NoteTone, TerminalAppearance, TerminalHandlers } from './types';
import type { XtermView } from './xterm-view';

type Call = (view: XtermView) => void;

/** LoadView resolves to the XtermView class (a dynamic import on the page). */
export type LoadView = () => Promise<typeof XtermView>;

export class OutputTerminal implements Disposable {
  private view: XtermView | null = null;
  private loading: Promise<void> | null = null;
  private disposed = false;
  // calls made before xterm.js arrived, in order; a run of follow() calls keeps only the last.
  private calls: { call: Call; follow: boolean }[] = [];
  private notes: HTMLElement | null = null;
  private plain = '';
  private stamps = false;
  private readonly unlisten: Disposable[] = [];

  constructor(
    private readonly container: HTMLElement,
    private readonly handlers: TerminalHandlers,
    private readonly loadView: LoadView,
  ) {
    const load = () => this.load();
    this.unlisten.push(
      listen(document, 'pointerdown', load, { capture: true }),
      listen(document, 'keydown', load, { capture: true }),
    );
  }

  /** ready resolves once xterm.js shows the pane (tests, and callers that need it drawn). */
  ready(): Promise<void> {
    this.load();
    return this.loading ?? Promise.resolve();
  }

  /** text is everything written so far as plain text (for tests and copying). */
  get text(): string {
    return this.view ? this.view.text : this.plain;
  }

  /** buffer describes what xterm.js holds (for tests): null until it has loaded. */
  buffer(): {
    lines: number;
    first: string;
    last: string;
    pending: { bytes: number; lines: number; cut: number };
    cutNote: string | null;
  } | null {
    return this.view ? this.view.buffer() : null;
  }

  get timestamps(): boolean {
    return this.stamps;
  }

  set timestamps(on: boolean) {
    this.stamps = on;
    if (this.view) this.view.timestamps = on;
  }

  fit(): void {
    this.view?.fit();
  }

  /** restart clears the terminal and forgets what follow() has shown (a new run, new stamps). */
  restart(): void {
    this.load();
    this.defer((v) => v.restart());
  }

  /** behind tells that follow() has more prints to write: call it again next frame. */
  get behind(): boolean {
    return this.view?.behind ?? false;
  }

  /**
   * follow writes the prints the playhead has passed, then the run's error once the playhead
   * reaches it; going back rewrites the terminal. It returns how many prints are shown.
   */
  follow(trace: Trace, ph: Playhead): number {
    if (this.view) return this.view.follow(trace, ph);
    const target = trace.printCount(ph);
    if (target === 0 && !trace.summary?.error && this.calls.length === 0) return 0;
    this.load();
    const at = { ...ph };
    const last = this.calls[this.calls.length - 1];
    const call: Call = (v) => void v.follow(trace, at);
    if (last?.follow) last.call = call;
    else this.calls.push({ call, follow: true });
    return target;
  }

  clear(): void {
    this.plain = '';
    this.notes?.replaceChildren();
    this.defer((v) => v.clear());
  }

  /** writeOutput writes text printed by event seq at simulated time. */
  writeOutput(text: string, seq: number, time: number): void {
    if (!text) return;
    this.load();
    this.defer((v) => v.writeOutput(text, seq, time));
  }

  /** writeNote writes a message of the page on a line of its own. */
  writeNote(text: string, tone: NoteTone = 'info'): void {
    if (this.view) {
      this.view.writeNote(text, tone);
      return;
    }
    this.calls.push({ call: (v) => v.writeNote(text, tone), follow: false });
    const lines = text.replace(/\n$/, '').split('\n');
    this.plain += `${this.plain && !this.plain.endsWith('\n') ? '\n' : ''}${lines.join('\n')}\n`;
    if (!this.notes) {
      this.notes = h('pre', { class: 'terminal-notes', 'aria-label': 'Program output' });
      this.container.append(this.notes);
    }
    for (const line of lines) this.notes.append(h('div', { class: `note-${tone}` }, line || ' '));
  }

  scrollToBottom(): void {
    if (this.view) this.view.scrollToBottom();
    else if (this.notes) this.notes.scrollTop = this.notes.scrollHeight;
  }

  /** setAppearance restyles the terminal (presenter mode); it loads xterm.js to do so. */
  setAppearance(look: TerminalAppearance): void {
    if (this.notes) this.notes.style.fontSize = `${look.fontSize}px`;
    this.load();
    this.defer((v) => v.setAppearance(look));
  }

  dispose(): void {
    this.disposed = true;
    this.stopListening();
    this.view?.dispose();
    this.view = null;
    this.calls = [];
  }

  private defer(call: Call): void {
    if (this.view) call(this.view);
    else this.calls.push({ call, follow: false });
  }

  private stopListening(): void {
    for (const d of this.unlisten.splice(0)) d.dispose();
  }

  // load fetches xterm.js once, then replaces the notes with it and replays the calls made meanwhile.
  private load(): void {
    if (this.loading || this.disposed) return;
    this.stopListening();
    this.loading = this.loadView().then(
      (XtermView) => {
        if (this.disposed) return;
        const view = new XtermView(this.container, this.handlers);
        view.timestamps = this.stamps;
        this.notes?.remove();
        this.notes = null;
        this.view = view;
        for (const { call } of this.calls.splice(0)) call(view);
      },
      () => {
        // loading failed (offline before the first visit cached it): the next run tries again.
        this.loading = null;
      },
    );
  }
}
