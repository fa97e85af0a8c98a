// XtermView: xterm.js showing the program's output as the playhead reaches each print
// (optionally stamped with simulated time), notes from the console, and errors whose line
// numbers are links into the editor. Clicking an output line asks to seek to the moment it
// was printed: each line start carries an xterm marker that follows scrolling. It loads on
// first use through OutputTerminal (terminal.ts), so the page's first load does not carry xterm.js.
// Writes are flow-controlled (xterm.js's "flow control" guide): at most IN_FLIGHT_BYTES wait in
// xterm's parser, the rest in a queue that holds no more lines than the scrollback keeps, so a
// print flood never makes xterm discard data or stall the page; what is cut is said in a note.
import { FitAddon } from '@xterm/addon-fit';
import { type IMarker, Terminal } from '@xterm/xterm';
import { formatStamp } from '../../player/format';
import type { Playhead, Trace } from '../../player/trace';
import { type Disposable, DisposableStore, listen } from '../dom';
import type { NoteTone, TerminalAppearance, TerminalHandlers } from './types';

const TONES: Record<NoteTone, string> = {
  info: '\x1b[36m',
  command: '\x1b[1;35m',
  error: '\x1b[1;31m',
  dim: '\x1b[2m',
  ok: '\x1b[32m',
};
const RESET = '\x1b[0m';
/** MAX_REPLAY_PRINTS bounds what follow() rewrites after a jump back: the latest prints only. */
const MAX_REPLAY_PRINTS = 5000;
/** SCROLLBACK is how many lines the terminal keeps above the screen. */
export const SCROLLBACK = 20_000;
/** IN_FLIGHT_BYTES bounds what waits in xterm's parser; xterm parses about 12 ms of it per task. */
const IN_FLIGHT_BYTES = 128 * 1024;
/** CHUNK_BYTES is the most one write hands xterm. */
const CHUNK_BYTES = 16 * 1024;
/**
 * FOLLOW_CHARS bounds the printed text one follow() call queues (about 3 ms of work); the rest
 * waits for the next frame, so a frame that finds megabytes of new prints never blocks the page.
 */
const FOLLOW_CHARS = 256 * 1024;

const LINK_PATTERNS = [/File "[^"]*", line (\d+)/g, /\(line (\d+)\)/g, /\bon line (\d+)/g];

interface LineEntry {
  marker: IMarker;
  seq: number;
}

/** Pending is one queued write: text, or a line mark (registered once xterm has parsed what precedes it). */
type Pending = { text: string; lines: number } | { mark: number };

export class XtermView implements Disposable {
  private shownPrints = 0;
  private errorShown = false;
  readonly term: Terminal;
  private readonly fitAddon = new FitAddon();
  private readonly store = new DisposableStore();
  private entries: LineEntry[] = [];
  private atLineStart = true;
  private plain = '';
  private pending: Pending[] = [];
  private pendingHead = 0;
  private pendingLines = 0;
  private inFlight = 0;
  /** epoch changes on clear(), so parse callbacks of writes made before it are ignored. */
  private epoch = 0;
  /** linesWritten counts the lines handed to xterm since the last clear; cut counts those never shown. */
  private linesWritten = 0;
  private cutLines = 0;
  private readonly cutNote: HTMLElement;
  timestamps = false;

  constructor(
    private readonly container: HTMLElement,
    private readonly handlers: TerminalHandlers,
  ) {
    this.term = new Terminal({
      convertEol: true,
      disableStdin: true,
      cursorBlink: false,
      cursorStyle: 'bar',
      cursorInactiveStyle: 'none',
      fontFamily: getComputedStyle(container).getPropertyValue('--mono').trim() || 'monospace',
      fontSize: 15,
      lineHeight: 1.2,
      scrollback: SCROLLBACK,
      allowProposedApi: false,
      theme: this.theme(),
    });
    this.term.loadAddon(this.fitAddon);
    this.term.open(container);
    this.store.add(this.term);
    this.store.add(
      this.term.registerLinkProvider({
        provideLinks: (y, callback) => callback(this.linksAt(y)),
      }),
    );
    const element = this.term.element;
    if (element) {
      this.store.add(listen(element, 'click', (e) => this.onClick(e)));
      element.setAttribute('aria-label', 'Program output');
    }
    this.cutNote = document.createElement('div');
    this.cutNote.className = 'terminal-cut';
    this.cutNote.setAttribute('role', 'note');
    this.cutNote.hidden = true;
    container.append(this.cutNote);
    this.store.add({ dispose: () => this.cutNote.remove() });
    const resize = new ResizeObserver(() => this.fit());
    resize.observe(container);
    this.store.add({ dispose: () => resize.disconnect() });
    const dark = window.matchMedia('(prefers-color-scheme: dark)');
    this.store.add(listen(dark, 'change', () => (this.term.options.theme = this.theme())));
    this.fit();
  }

  /** behind tells that the last follow() left prints the playhead has passed for the next call. */
  behind = false;

  /** text is everything written so far as plain text (for tests and copying). */
  get text(): string {
    return this.plain;
  }

  fit(): void {
    if (this.container.offsetWidth > 0 && this.container.offsetHeight > 0) {
      try {
        this.fitAddon.fit();
      } catch {
        // The renderer is not measured yet; the next resize fits.
      }
    }
  }

  /** restart clears the terminal and forgets what follow() has shown (a new run, new stamps). */
  restart(): void {
    this.clear();
    this.shownPrints = 0;
    this.behind = false;
    this.errorShown = false;
  }

  /**
   * follow writes the prints the playhead has passed, then the run's error once the playhead
   * reaches it; going back rewrites the terminal. It returns how many prints are shown. It
   * queues at most FOLLOW_CHARS of text a call: `behind` then says that more is due.
   */
  follow(trace: Trace, ph: Playhead): number {
    const target = trace.printCount(ph);
    if (target < this.shownPrints) this.restart();
    if (this.shownPrints === 0 && target > MAX_REPLAY_PRINTS) {
      this.writeNote(`… ${(target - MAX_REPLAY_PRINTS).toLocaleString()} earlier prints not shown`, 'dim');
      this.shownPrints = target - MAX_REPLAY_PRINTS;
    }
    let budget = FOLLOW_CHARS;
    let i = this.shownPrints;
    for (; i < target && budget > 0; i++) {
      const e = trace.prints.data[i];
      const text = trace.text(trace.ref.data[e]);
      budget -= text.length + 1;
      this.writeOutput(text, e, trace.time.data[e]);
    }
    this.shownPrints = i;
    this.behind = i < target;
    if (this.behind) return i;
    const error = trace.summary?.error;
    if (error && !this.errorShown && trace.complete) {
      const n = trace.errors.length;
      const due =
        n > 0
          ? trace.position({ time: trace.time.data[trace.errors.data[n - 1]], seq: trace.errors.data[n - 1] })
          : trace.count;
      if (trace.position(ph) >= due) {
        this.errorShown = true;
        this.writeNote(error.traceback || `${error.type}: ${error.message}`, 'error');
      }
    }
    return target;
  }

  clear(): void {
    this.term.reset();
    for (const entry of this.entries) entry.marker.dispose();
    this.entries = [];
    this.atLineStart = true;
    this.plain = '';
    this.pending = [];
    this.pendingHead = 0;
    this.pendingLines = 0;
    this.inFlight = 0;
    this.epoch += 1;
    this.linesWritten = 0;
    this.cutLines = 0;
    this.showCut();
  }

  /** buffer describes the terminal's lines, what still waits for xterm, and the cut note (for tests). */
  buffer(): {
    lines: number;
    first: string;
    last: string;
    pending: { bytes: number; lines: number; cut: number };
    cutNote: string | null;
  } {
    const b = this.term.buffer.active;
    let last = '';
    for (let y = b.length - 1; y >= 0 && !last; y--) last = b.getLine(y)?.translateToString(true) ?? '';
    return {
      lines: b.length,
      first: b.getLine(0)?.translateToString(true) ?? '',
      last,
      pending: this.backlog,
      cutNote: this.cutNote.hidden ? null : this.cutNote.textContent,
    };
  }

  /** backlog is what waits for xterm: queued bytes and lines (for tests). */
  get backlog(): { bytes: number; lines: number; cut: number } {
    let bytes = this.inFlight;
    for (let i = this.pendingHead; i < this.pending.length; i++) {
      const p = this.pending[i];
      if ('text' in p) bytes += p.text.length;
    }
    return { bytes, lines: this.pendingLines, cut: this.cutLines };
  }

  /** writeOutput writes text printed by event seq at simulated time. */
  writeOutput(text: string, seq: number, time: number): void {
    if (!text) return;
    const parts = text.split('\n');
    let out = '';
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (part.length > 0) {
        if (this.atLineStart) {
          this.flush(out);
          out = '';
          this.markLine(seq);
          if (this.timestamps) out += `\x1b[2m[${formatStamp(time)} s]${RESET} `;
          this.atLineStart = false;
        }
        out += part;
      }
      if (i < parts.length - 1) {
        if (this.atLineStart && part.length === 0) {
          this.flush(out);
          out = '';
          this.markLine(seq);
        }
        out += '\n';
        this.atLineStart = true;
      }
    }
    this.flush(out);
    this.plain += text;
  }

  /** writeNote writes a message of the page on a line of its own. */
  writeNote(text: string, tone: NoteTone = 'info'): void {
    const lead = this.atLineStart ? '' : '\n';
    const lines = text.replace(/\n$/, '').split('\n');
    this.flush(lead);
    for (const line of lines) {
      this.markLine(-1);
      this.flush(`${TONES[tone]}${line}${RESET}\n`);
    }
    this.atLineStart = true;
    this.plain += `${lead}${lines.join('\n')}\n`;
  }

  scrollToBottom(): void {
    this.term.scrollToBottom();
  }

  /** setAppearance sets the font size and, when given, the background and text colours. */
  setAppearance(look: TerminalAppearance): void {
    this.term.options.fontSize = look.fontSize;
    if (look.background && look.foreground)
      this.term.options.theme = {
        ...this.term.options.theme,
        background: look.background,
        foreground: look.foreground,
      };
    this.fit();
  }

  dispose(): void {
    this.store.dispose();
  }

  private flush(data: string): void {
    if (!data) return;
    let lines = 0;
    for (let i = data.indexOf('\n'); i >= 0; i = data.indexOf('\n', i + 1)) lines++;
    this.pending.push({ text: data, lines });
    this.pendingLines += lines;
    if (this.pendingLines > SCROLLBACK + this.term.rows) this.trim();
    this.pump();
  }

  // markLine registers a marker at the cursor's row once everything before it is parsed.
  private markLine(seq: number): void {
    this.pending.push({ mark: seq });
    this.pump();
  }

  // trim drops the oldest queued lines that the scrollback could not keep anyway, and counts them.
  private trim(): void {
    const keep = SCROLLBACK + this.term.rows;
    let i = this.pendingHead;
    while (i < this.pending.length && this.pendingLines > keep) {
      const p = this.pending[i];
      if ('text' in p) {
        const excess = this.pendingLines - keep;
        if (p.lines > excess) {
          let at = -1;
          for (let n = 0; n < excess; n++) at = p.text.indexOf('\n', at + 1);
          p.text = p.text.slice(at + 1);
          p.lines -= excess;
          this.pendingLines -= excess;
          this.cutLines += excess;
          break;
        }
        this.pendingLines -= p.lines;
        this.cutLines += p.lines;
      }
      i++;
    }
    this.pendingHead = i;
    // A cut through a line leaves its tail without the line's mark: that tail is not clickable.
    this.showCut();
  }

  // pump hands queued writes to xterm while less than IN_FLIGHT_BYTES wait in its parser.
  private pump(): void {
    while (this.pendingHead < this.pending.length && this.inFlight < IN_FLIGHT_BYTES) {
      const p = this.pending[this.pendingHead++];
      if ('mark' in p) {
        const seq = p.mark;
        const epoch = this.epoch;
        this.term.write('', () => {
          if (epoch !== this.epoch) return;
          const marker = this.term.registerMarker(0);
          if (marker) this.entries.push({ marker, seq });
          if (this.entries.length > 30_000) this.entries = this.entries.filter((e) => !e.marker.isDisposed);
        });
        continue;
      }
      let text = p.text;
      let lines = p.lines;
      if (text.length > CHUNK_BYTES) {
        let cut = text.lastIndexOf('\n', CHUNK_BYTES);
        cut = cut > 0 ? cut + 1 : CHUNK_BYTES;
        const rest = text.slice(cut);
        text = text.slice(0, cut);
        let restLines = 0;
        for (let i = rest.indexOf('\n'); i >= 0; i = rest.indexOf('\n', i + 1)) restLines++;
        lines -= restLines;
        p.text = rest;
        p.lines = restLines;
        this.pendingHead -= 1;
      }
      this.pendingLines -= lines;
      this.linesWritten += lines;
      this.inFlight += text.length;
      const epoch = this.epoch;
      const size = text.length;
      this.term.write(text, () => {
        if (epoch !== this.epoch) return;
        this.inFlight -= size;
        this.pump();
      });
    }
    if (this.pendingHead === this.pending.length) {
      this.pending = [];
      this.pendingHead = 0;
    } else if (this.pendingHead > 1024) {
      this.pending = this.pending.slice(this.pendingHead);
      this.pendingHead = 0;
    }
    if (this.linesWritten > SCROLLBACK + this.term.rows && this.cutNote.hidden) this.showCut();
  }

  // showCut says, above the output, that earlier lines are gone once more were written than the scrollback keeps.
  private showCut(): void {
    this.cutNote.hidden = this.linesWritten + this.cutLines <= SCROLLBACK + this.term.rows;
    if (this.cutNote.hidden || this.cutNote.textContent) return;
    this.cutNote.textContent = `Showing the last ${SCROLLBACK.toLocaleString()} lines`;
    this.cutNote.title = `The terminal keeps the last ${SCROLLBACK.toLocaleString()} lines; earlier output is cut here. Every print is still on the timeline.`;
  }

  private onClick(e: MouseEvent): void {
    if (this.term.hasSelection()) return;
    const screen = this.term.element?.querySelector('.xterm-screen');
    if (!screen) return;
    const rect = screen.getBoundingClientRect();
    const row = Math.floor(((e.clientY - rect.top) / rect.height) * this.term.rows);
    if (row < 0 || row >= this.term.rows) return;
    const y = this.term.buffer.active.viewportY + row;
    let found: LineEntry | null = null;
    for (let lo = 0, hi = this.entries.length; lo < hi;) {
      const mid = (lo + hi) >>> 1;
      const line = this.entries[mid].marker.line;
      if (line >= 0 && line <= y) {
        found = this.entries[mid];
        lo = mid + 1;
      } else if (line < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (!found || found.seq < 0) return;
    const line = this.term.buffer.active.getLine(y);
    if (!line || line.translateToString(true).trim() === '') return;
    this.handlers.onSeekPrint(found.seq);
  }

  private linksAt(y: number):
    | {
        range: { start: { x: number; y: number }; end: { x: number; y: number } };
        text: string;
        activate: () => void;
      }[]
    | undefined {
    const line = this.term.buffer.active.getLine(y - 1);
    if (!line) return undefined;
    const text = line.translateToString(true);
    const links = [];
    for (const pattern of LINK_PATTERNS) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        const source = Number(m[1]);
        links.push({
          range: { start: { x: m.index + 1, y }, end: { x: m.index + m[0].length, y } },
          text: m[0],
          activate: () => this.handlers.onSourceLine(source),
        });
      }
    }
    return links.length > 0 ? links : undefined;
  }

  private theme(): Record<string, string> {
    const css = getComputedStyle(this.container);
    const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
    const dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
    return {
      background: v('--term-bg', dark ? '#0b0f14' : '#ffffff'),
      foreground: v('--fg', dark ? '#e6edf3' : '#1f2328'),
      cursor: v('--accent', '#2f81f7'),
      selectionBackground: v('--selection', '#264f78'),
      black: dark ? '#484f58' : '#24292f',
      red: dark ? '#ff7b72' : '#cf222e',
      green: dark ? '#3fb950' : '#116329',
      yellow: dark ? '#d29922' : '#4d2d00',
      blue: dark ? '#58a6ff' : '#0969da',
      magenta: dark ? '#bc8cff' : '#8250df',
      cyan: dark ? '#39c5cf' : '#1b7c83',
      white: dark ? '#b1bac4' : '#6e7781',
      brightBlack: dark ? '#6e7681' : '#57606a',
      brightRed: dark ? '#ffa198' : '#a40e26',
      brightGreen: dark ? '#56d364' : '#1a7f37',
      brightYellow: dark ? '#e3b341' : '#633c01',
      brightBlue: dark ? '#79c0ff' : '#218bff',
      brightMagenta: dark ? '#d2a8ff' : '#a475f9',
      brightCyan: dark ? '#56d4dd' : '#3192aa',
      brightWhite: dark ? '#f0f6fc' : '#8c959f',
    };
  }
}
