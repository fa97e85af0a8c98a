// EmbedApp: the embed's small page. It composes the playground's views (editor, timeline,
// terminal) around one engine session and one player: Run, Play/Pause, the elapsed counter
// and an "Open in playground" link. The engine loads only when the embed is used or is
// visible with autoplay, and the page reports its height to the embedding page.
import { EditorState, StateEffect } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { clockUnit, formatClock, formatSeconds } from '../player/format';
import { Player } from '../player/player';
import { snapshot } from '../player/snapshot';
import { MAX_EVENTS, recordRun } from '../player/recording';
import { type Disposable, DisposableStore, h, listen, setText, warmNumberFormat } from '../ui/dom';
import { CodeEditor } from '../ui/editor/editor';
import { markersOf } from '../ui/editor/markers';
import { icon, lineIcon, setIconLabel } from '../ui/icons';
import { lostAlert, lostStatus, lostText } from '../ui/run/lost';
import { EngineSession } from '../engine/session';
import { type Settings, toEngineOptions } from '../engine/settings';
import { encodeShare } from '../ui/share/link';
import { OutputTerminal } from '../ui/terminal/terminal';
import { XtermView } from '../ui/terminal/xterm-view';
import { TimelineView } from '../ui/timeline/timeline';
import { OUTPUT_H, TIMELINE_H, codeHeight } from './layout';
import type { EmbedOptions } from './options';

export interface EmbedProgram {
  source: string;
  settings: Settings;
  example: string | null;
  /** note is shown in the output before the first run (a link that could not be read). */
  note: string;
}

/** EmbedHost says where the embed lives: its own page (embed.html) or a shadow root in a post. */
export interface EmbedHost {
  /** keys receives the Space key: the document of embed.html, or the element's shadow root (so the post keeps Space for scrolling). */
  keys: EventTarget;
  /** reportHeight posts the height to the parent page (embed.html in an iframe). */
  reportHeight: boolean;
  /** runNow runs at once (the reader pressed Run, or an autoplay element came into view). */
  runNow: boolean;
}

const PAGE_HOST: EmbedHost = { keys: document, reportHeight: true, runNow: false };

export class EmbedApp implements Disposable {
  readonly player = new Player(() => performance.now());
  readonly session: EngineSession;
  readonly editor: CodeEditor | null = null;
  readonly terminal: OutputTerminal | null = null;
  readonly timeline: TimelineView | null = null;
  readonly root: HTMLElement;
  private readonly store = new DisposableStore();
  private readonly runButton: HTMLButtonElement;
  private readonly playButton: HTMLButtonElement;
  private readonly elapsed: HTMLElement;
  private readonly status: HTMLElement;
  private readonly openLink: HTMLAnchorElement;
  private source: string;
  private runs = 0;
  private running = false;
  private pendingStart: number | null = null;
  private frame = 0;
  private dirty = true;
  private lastVersion = -1;
  private warmed = false;
  private linkTimer = 0;
  private lastHeight = 0;
  private lost: HTMLElement | null = null;

  constructor(
    parent: ParentNode,
    private readonly program: EmbedProgram,
    readonly options: EmbedOptions,
    createWorker: () => Worker,
    private readonly playgroundUrl: URL,
    host: EmbedHost = PAGE_HOST,
  ) {
    this.source = program.source;
    this.session = this.store.add(new EngineSession(createWorker));
    this.session.onWarmFailed = (message) => this.setStatus(`The engine could not load: ${message}`, 'error');
    this.player.setPace(options.pace);
    warmNumberFormat();

    this.runButton = h(
      'button',
      { type: 'button', class: 'button-primary embed-run', title: 'Run (Ctrl+Enter)' },
      lineIcon('run'),
      h('span', { class: 'label' }, 'Run'),
    );
    this.playButton = h('button', {
      type: 'button',
      class: 'transport-button transport-play embed-play',
      title: 'Play (Space)',
      'aria-label': 'Play',
      disabled: true,
    });
    this.playButton.append(icon('play'));
    this.elapsed = h(
      'span',
      { class: 'embed-elapsed', role: 'timer', 'aria-label': 'Elapsed simulated time' },
      '0.000 s',
    );
    this.status = h('span', { class: 'embed-status', role: 'status', 'aria-live': 'polite' });
    this.openLink = h(
      'a',
      {
        class: 'embed-open',
        href: playgroundUrl.href,
        target: '_blank',
        rel: 'noopener',
        title: 'Open this program in the Interleave playground (new tab)',
      },
      'Open in playground',
      lineIcon('external', 14),
    );
    const bar = h(
      'div',
      { class: 'embed-bar', role: 'toolbar', 'aria-label': 'Interleave' },
      this.runButton,
      this.playButton,
      this.elapsed,
      this.status,
      this.openLink,
    );
    this.root = h('div', { class: 'embed-root' }, bar);
    parent.append(this.root);

    const panels = options.panels;
    if (panels.includes('code')) {
      const box = h('section', { class: 'embed-panel embed-code', 'aria-label': 'Program' });
      box.style.height = `${codeHeight(this.source.replace(/\n$/, '').split('\n').length)}px`;
      const host = h('div', { class: 'editor' });
      box.append(host);
      this.root.append(box);
      this.editor = this.store.add(
        new CodeEditor(host, this.source, { onChange: (text) => this.onCodeChange(text), onRun: () => this.start() }),
      );
      if (options.readonly) {
        this.editor.view.dispatch({
          effects: StateEffect.appendConfig.of([
            EditorState.readOnly.of(true),
            EditorView.contentAttributes.of({ 'aria-readonly': 'true' }),
          ]),
        });
      }
    }
    if (panels.includes('timeline')) {
      const box = h('section', { class: 'embed-panel embed-timeline', 'aria-label': 'Timeline' });
      box.style.height = `${TIMELINE_H}px`;
      const host = h('div', { class: 'timeline' });
      box.append(host);
      this.root.append(box);
      this.timeline = this.store.add(
        new TimelineView(host, { onSeek: (t) => this.command(() => this.player.seek(t)) }),
      );
    }
    if (panels.includes('output')) {
      const box = h('section', { class: 'embed-panel embed-output', 'aria-label': 'Output' });
      box.style.height = `${OUTPUT_H}px`;
      const host = h('div', { class: 'terminal' });
      box.append(host);
      this.root.append(box);
      this.terminal = this.store.add(
        new OutputTerminal(
          host,
          {
            onSeekPrint: (seq) => this.seekToEvent(seq),
            onSourceLine: (line) => this.editor?.revealLine(line, true),
          },
          async () => XtermView,
        ),
      );
      // ready: the embed's script carries xterm.js, so the pane is xterm.js from the start.
      void this.terminal.ready();
    }

    this.store.add(listen(this.runButton, 'click', () => this.start()));
    this.store.add(listen(this.playButton, 'click', () => this.command(() => this.player.toggle())));
    this.store.add(listen(this.root, 'pointerenter', () => this.warm()));
    this.store.add(listen(this.root, 'focusin', () => this.warm()));
    this.store.add(listen(host.keys, 'keydown', (e) => this.onKey(e as KeyboardEvent)));
    if (program.note) this.note(program.note, 'error');
    this.setStatus(options.autoplay || options.start !== null ? '' : 'Press Run', 'idle');
    if (host.reportHeight) this.watchHeight();
    if (host.runNow) this.start();
    else if (options.autoplay || options.start !== null) this.whenVisible(() => this.start());
    void this.updateLink();
    this.requestFrame();
  }

  get text(): string {
    return this.editor?.text ?? this.source;
  }

  /** start runs the program; the first run opens at the start position when one is set. */
  start(): void {
    const first = this.runs === 0;
    this.runs += 1;
    this.lost?.remove();
    this.terminal?.restart();
    this.editor?.setError(null);
    this.pendingStart = first && this.options.start !== null ? this.options.start : null;
    this.setRunning(true);
    this.setStatus('Running…', 'busy');
    const startedAt = performance.now();
    const { trace } = recordRun(this.session, this.text, toEngineOptions(this.program.settings), {
      onEvents: () => {
        if (this.player.trace !== trace) return;
        this.dirty = true;
        this.requestFrame();
      },
      onEnd: (result, stopped, failure) => {
        if (this.player.trace !== trace) return;
        this.setRunning(false);
        if (failure) {
          this.setStatus(lostStatus(failure), 'error');
          this.note(lostText(failure), 'error');
          this.lost = lostAlert(failure, () => this.start());
          this.root.firstElementChild?.after(this.lost);
        } else {
          const wall = ((performance.now() - startedAt) / 1000).toFixed(2);
          if (stopped === 'event-limit') this.setStatus(`Stopped after ${MAX_EVENTS.toLocaleString()} events`, 'error');
          else if (stopped === 'cancelled') this.setStatus('Stopped', 'idle');
          else if (result?.error) {
            this.setStatus(`${result.error.type}${result.error.line ? ` on line ${result.error.line}` : ''}`, 'error');
            if (result.error.line > 0)
              this.editor?.setError({
                line: result.error.line,
                message: `${result.error.type}: ${result.error.message}`,
              });
          } else this.setStatus(`Finished in ${formatSeconds(result?.elapsed ?? trace.endTime)} simulated`, 'ok');
          this.root.dataset.wall = wall;
        }
        this.dirty = true;
        this.requestFrame();
      },
    });
    this.player.load(trace);
    this.timeline?.setTrace(trace);
    if (this.pendingStart === null) this.player.play();
    this.dirty = true;
    this.requestFrame();
  }

  /** focusRun moves focus to Run (the light element's Run button it replaces had it). */
  focusRun(): void {
    this.runButton.focus();
  }

  command(action: () => void): void {
    action();
    this.dirty = true;
    this.requestFrame();
  }

  dispose(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    clearTimeout(this.linkTimer);
    this.store.dispose();
  }

  private warm(): void {
    if (this.warmed) return;
    this.warmed = true;
    if (this.runs === 0) this.session.warm();
  }

  private seekToEvent(seq: number): void {
    const trace = this.player.trace;
    if (seq < 0 || seq >= trace.count) return;
    this.command(() => {
      this.player.pause();
      this.player.moveTo({ time: trace.time.data[seq], seq });
    });
  }

  // onKey: Space plays or pauses unless a text field or a button has the key.
  private onKey(e: KeyboardEvent): void {
    if (e.key !== ' ' || e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target as HTMLElement | null;
    if (target?.closest('.cm-editor, button, a, input, select, textarea')) return;
    if (this.player.trace.count === 0 && this.runs === 0) return;
    e.preventDefault();
    this.command(() => this.player.toggle());
  }

  private onCodeChange(text: string): void {
    this.source = text;
    clearTimeout(this.linkTimer);
    this.linkTimer = window.setTimeout(() => void this.updateLink(), 300);
  }

  // updateLink points "Open in playground" at a share link of the program as it is now.
  private async updateLink(): Promise<void> {
    const code = this.text;
    const example = code === this.program.source ? (this.program.example ?? undefined) : undefined;
    try {
      const fragment = await encodeShare({ code, settings: this.program.settings, example });
      const url = new URL(this.playgroundUrl.href);
      url.hash = fragment;
      this.openLink.href = url.href;
    } catch {
      this.openLink.href = this.playgroundUrl.href;
    }
  }

  private whenVisible(action: () => void): void {
    if (typeof IntersectionObserver === 'undefined') {
      action();
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      action();
    });
    observer.observe(this.root);
    this.store.add({ dispose: () => observer.disconnect() });
  }

  // watchHeight tells the embedding page the embed's height whenever it changes.
  private watchHeight(): void {
    if (window.parent === window) return;
    const post = () => {
      const height = Math.ceil(this.root.getBoundingClientRect().height);
      if (height === this.lastHeight) return;
      this.lastHeight = height;
      window.parent.postMessage({ type: 'interleave:height', id: this.options.id, height }, '*');
    };
    const observer = new ResizeObserver(post);
    observer.observe(this.root);
    this.store.add({ dispose: () => observer.disconnect() });
    post();
  }

  private setRunning(on: boolean): void {
    this.running = on;
    setIconLabel(this.runButton, on ? 'restart' : 'run', on ? 'Restart' : 'Run');
    this.root.classList.toggle('is-running', on);
  }

  private setStatus(text: string, tone: 'idle' | 'busy' | 'ok' | 'error'): void {
    setText(this.status, text);
    this.status.dataset.tone = tone;
  }

  private note(text: string, tone: 'error' | 'dim'): void {
    this.terminal?.writeNote(text, tone);
    if (!this.terminal) this.setStatus(text, tone === 'error' ? 'error' : 'idle');
  }

  private requestFrame(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private render(): void {
    const player = this.player;
    const trace = player.trace;
    if (this.pendingStart !== null && (trace.complete || trace.endTime >= this.pendingStart)) {
      player.seek(this.pendingStart);
      this.pendingStart = null;
      if (this.options.autoplay) player.play();
      this.dirty = true;
    }
    const moved = player.tick();
    if (trace.version !== this.lastVersion) {
      this.lastVersion = trace.version;
      this.timeline?.refresh();
      this.dirty = true;
    }
    if (moved || this.dirty) {
      this.dirty = false;
      const ph = player.playhead;
      const snap = snapshot(trace, ph);
      this.editor?.setMarkers(markersOf(snap));
      this.syncOutput();
      this.timeline?.setPlayhead(ph.time, player.playing);
      setText(this.elapsed, formatClock(ph.time, clockUnit(trace.endTime)));
      const playing = player.playing;
      if (this.playButton.dataset.icon !== (playing ? 'pause' : 'play')) {
        this.playButton.dataset.icon = playing ? 'pause' : 'play';
        this.playButton.replaceChildren(icon(playing ? 'pause' : 'play'));
        this.playButton.title = playing ? 'Pause (Space)' : 'Play (Space)';
        this.playButton.setAttribute('aria-label', playing ? 'Pause' : 'Play');
      }
      this.playButton.disabled = this.runs === 0;
      this.playButton.classList.toggle('waiting', player.waiting);
    } else if (this.terminal?.behind) {
      this.syncOutput();
    }
    if (player.playing || this.running || this.pendingStart !== null || this.terminal?.behind) this.requestFrame();
  }

  // syncOutput follows the playhead in the terminal and keeps the latest line in view.
  private syncOutput(): void {
    const terminal = this.terminal;
    if (!terminal) return;
    if (terminal.follow(this.player.trace, this.player.playhead) > 0) terminal.scrollToBottom();
  }
}
