// Classroom: presenter mode (large type, high contrast, full screen, keyboard only), the
// narration caption under the playbar (one sentence per task switch) and predict mode.
// Each is a toggle: a button, a key (P, N, Q) and a console command. The narration and the
// game (tools.ts) load when one of them is first turned on, so the page's first load does not carry them.
import type { Player } from '../../player/player';
import type { Trace } from '../../player/trace';
import { type Disposable, DisposableStore, h, isTyping, listen, setText } from '../dom';
import { parseSwitch } from '../terminal/commands';
import type { OutputTerminal } from '../terminal/terminal';
import type { Moment, NarrationIndex } from './narration';
import type { PredictModel, PredictView } from './predict-view';
import type { TimelineView } from '../timeline/timeline';

/** ClassroomHost is what the classroom needs from the page. */
export interface ClassroomHost {
  readonly player: Player;
  /** source is the program of the run on screen. */
  source(): string;
  /** busy tells whether a run is still executing (Esc then stops it first). */
  busy(): boolean;
  readonly terminal: OutputTerminal;
  readonly timeline: TimelineView;
  note(text: string, tone: 'info' | 'error' | 'ok' | 'dim'): void;
  refresh(): void;
}

/** CLASSROOM_SHORTCUTS are listed in the help overlay. */
export const CLASSROOM_SHORTCUTS: readonly [string, string][] = [
  ['P', 'presenter mode: large type, high contrast, full screen (Esc leaves)'],
  ['N', 'narration: a sentence for every task switch'],
  ['Q', 'predict mode: guess which task runs next'],
  ['1 – 9', 'predict mode: answer; Space or Enter continues'],
];

const TERMINAL_FONT = 15;
// presenterTerminalFont reads --term-size, which style.css scales with the screen's height.
function presenterTerminalFont(): number {
  const px = parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--term-size'));
  return Number.isFinite(px) && px > 0 ? px : 30;
}

export interface ClassroomModel {
  presenter: boolean;
  narration: boolean;
  caption: string;
  predict: PredictModel;
}

interface Tools {
  index: NarrationIndex;
  narrate: typeof import('./narration').narrate;
  predict: PredictView;
}

export class Classroom implements Disposable {
  presenter = false;
  private predictOn = false;
  private tools: Tools | null = null;
  private loading: Promise<Tools> | null = null;
  private narrationChoice: boolean | null = null;
  private readonly store = new DisposableStore();
  private readonly bar: HTMLElement;
  private readonly caption: HTMLElement;
  private readonly buttons: Record<'presenter' | 'narration' | 'predict', HTMLButtonElement>;
  private requestedFullscreen = false;
  private cached: { trace: Trace | null; seq: number; version: number; text: string } = {
    trace: null,
    seq: -2,
    version: -1,
    text: '',
  };
  private sourceText = '';
  private sourceLines: string[] = [];

  constructor(
    private readonly host: ClassroomHost,
    playbar: HTMLElement,
  ) {
    const toggle = (label: string, title: string, action: () => void) => {
      const b = h('button', { type: 'button', class: 'classroom-toggle', 'aria-pressed': 'false', title }, label);
      this.store.add(listen(b, 'click', action));
      return b;
    };
    this.buttons = {
      presenter: toggle('Presenter', 'Presenter mode: large type, high contrast, full screen (P; Esc leaves)', () =>
        this.setPresenter(!this.presenter),
      ),
      narration: toggle('Narration', 'Narration: one sentence for every task switch (N)', () =>
        this.setNarration(!this.narration),
      ),
      predict: toggle(
        'Predict',
        'Predict mode: playback stops before each switch and asks which task runs next (Q)',
        () => this.setPredict(!this.predictOn),
      ),
    };
    const group = h(
      'div',
      { class: 'classroom-toggles', role: 'group', 'aria-label': 'Classroom' },
      this.buttons.presenter,
      this.buttons.narration,
      this.buttons.predict,
    );
    playbar.append(group);
    this.store.add({ dispose: () => group.remove() });
    this.caption = h('p', { class: 'caption', id: 'caption', 'aria-live': 'polite', hidden: true });
    this.bar = h('div', { class: 'classroom-bar', hidden: true }, this.caption);
    playbar.append(this.bar);
    this.store.add({ dispose: () => this.bar.remove() });
    this.store.add(listen(window, 'keydown', (e) => this.onKey(e as KeyboardEvent), { capture: true }));
    this.store.add(listen(document, 'fullscreenchange', () => this.onFullscreenChange()));
  }

  /** narration is on when chosen, and by default in presenter mode. */
  get narration(): boolean {
    return this.narrationChoice ?? this.presenter;
  }

  setPresenter(on: boolean): void {
    if (on === this.presenter) return;
    this.presenter = on;
    document.documentElement.classList.toggle('presenter', on);
    const terminalFont = on ? presenterTerminalFont() : TERMINAL_FONT;
    this.restyleTerminal(terminalFont);
    this.host.timeline.setZoom(terminalFont / TERMINAL_FONT);
    if (on) this.enterFullscreen();
    else this.leaveFullscreen();
    this.sync();
  }

  setNarration(on: boolean): void {
    this.narrationChoice = on;
    this.sync();
  }

  setPredict(on: boolean): void {
    this.predictOn = on;
    if (this.tools) this.tools.predict.setEnabled(on);
    else if (on) {
      // at: the game starts from the playhead of the moment it was turned on, as if it had been loaded.
      const at = this.host.player.playhead;
      void this.load().then((tools) => {
        if (this.predictOn && !tools.predict.enabled) tools.predict.setEnabled(true, at);
        this.sync();
      });
    }
    this.sync();
  }

  /** command runs `presenter|narration|predict on|off` from the console (no argument toggles). */
  command(name: string, arg: string | undefined): void {
    const current = name === 'presenter' ? this.presenter : name === 'narration' ? this.narration : this.predictOn;
    const on = arg === undefined ? !current : parseSwitch(arg);
    if (on === null) {
      this.host.note(`${name} needs on or off, such as ${name} on`, 'error');
      return;
    }
    if (name === 'presenter') this.setPresenter(on);
    else if (name === 'narration') this.setNarration(on);
    else this.setPredict(on);
    this.host.note(`${name} ${on ? 'on' : 'off'}`, 'ok');
  }

  /** beforeFrame runs after the playhead moved by the clock; true when predict mode moved it back. */
  beforeFrame(): boolean {
    return this.tools?.predict.beforeFrame() ?? false;
  }

  /** afterFrame updates the caption for the playhead on screen. */
  afterFrame(): void {
    if (!this.narration) return;
    const tools = this.tools;
    if (!tools) {
      void this.load().then(() => this.sync());
      return;
    }
    const player = this.host.player;
    const trace = player.trace;
    const moment = trace.count > 0 ? tools.index.momentAt(trace, player.playhead) : null;
    const seq = moment ? moment.seq : -1;
    const c = this.cached;
    if (c.trace !== trace || c.seq !== seq || (moment && c.version !== trace.version)) {
      const text = moment
        ? this.sentence(tools, trace, moment)
        : 'Each task switch is explained here as the run plays.';
      this.cached = { trace, seq, version: trace.version, text };
    }
    setText(this.caption, this.cached.text);
    this.caption.dataset.empty = String(!moment);
  }

  model(): ClassroomModel {
    const predict = this.tools?.predict.model() ?? {
      enabled: this.predictOn,
      phase: 'watching',
      asked: 0,
      right: 0,
      candidates: [],
      answer: null,
      choice: null,
      pauseTime: null,
    };
    return {
      presenter: this.presenter,
      narration: this.narration,
      caption: this.narration ? (this.caption.textContent ?? '') : '',
      predict,
    };
  }

  dispose(): void {
    if (this.presenter) this.setPresenter(false);
    this.store.dispose();
  }

  // sentence narrates a moment of the trace in the words of the run's own program.
  private sentence(tools: Tools, trace: Trace, m: Moment): string {
    const source = this.host.source();
    if (source !== this.sourceText) {
      this.sourceText = source;
      this.sourceLines = source.split('\n');
    }
    return tools.narrate(trace, m, this.sourceLines);
  }

  // load fetches the narration and the game once and puts the game's panel in the bar.
  private load(): Promise<Tools> {
    this.loading ??= import('./tools').then(({ NarrationIndex, narrate, PredictView }) => {
      const predict = this.store.add(
        new PredictView({
          player: this.host.player,
          sentence: (m) => this.sentence(tools, this.host.player.trace, m),
          refresh: () => this.host.refresh(),
        }),
      );
      const tools: Tools = { index: new NarrationIndex(), narrate, predict };
      this.bar.append(predict.element);
      this.tools = tools;
      return tools;
    });
    return this.loading;
  }

  private sync(): void {
    const narration = this.narration;
    this.caption.hidden = !narration;
    this.bar.hidden = !narration && !this.predictOn;
    this.buttons.presenter.setAttribute('aria-pressed', String(this.presenter));
    this.buttons.narration.setAttribute('aria-pressed', String(narration));
    this.buttons.predict.setAttribute('aria-pressed', String(this.predictOn));
    this.cached = { trace: null, seq: -2, version: -1, text: '' };
    this.afterFrame();
    this.host.refresh();
  }

  // restyleTerminal gives xterm (which draws its own text) the presenter's size and colours.
  private restyleTerminal(px: number): void {
    const css = getComputedStyle(document.documentElement);
    const background = css.getPropertyValue('--term-bg').trim();
    const foreground = css.getPropertyValue('--fg').trim();
    this.host.terminal.setAppearance({ fontSize: px, background, foreground });
  }

  private onKey(e: KeyboardEvent): void {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target instanceof HTMLElement ? e.target : null;
    if (document.querySelector('dialog[open]') || target?.closest('dialog')) return;
    if (e.key === 'Escape') {
      const drawer = document.getElementById('settings-drawer');
      // Esc in the console or the editor leaves that field (and the editor's Esc-then-Tab), not presenter mode.
      if (!this.presenter || this.host.busy() || (drawer && !drawer.hidden) || isTyping(target)) return;
      e.preventDefault();
      this.setPresenter(false);
      return;
    }
    if (isTyping(target) || target?.closest('#settings-drawer')) return;
    const key = e.key.toLowerCase();
    if (e.shiftKey && key !== e.key) return;
    if (key === 'p') this.setPresenter(!this.presenter);
    else if (key === 'n') this.setNarration(!this.narration);
    else if (key === 'q') this.setPredict(!this.predictOn);
    else return;
    e.preventDefault();
  }

  private enterFullscreen(): void {
    const root = document.documentElement;
    if (!document.fullscreenEnabled || document.fullscreenElement || typeof root.requestFullscreen !== 'function')
      return;
    this.requestedFullscreen = true;
    root.requestFullscreen().catch(() => {
      this.requestedFullscreen = false;
    });
  }

  private leaveFullscreen(): void {
    if (this.requestedFullscreen && document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
    this.requestedFullscreen = false;
  }

  // onFullscreenChange leaves presenter mode when the browser left full screen (its own Esc).
  private onFullscreenChange(): void {
    if (!document.fullscreenElement && this.requestedFullscreen && this.presenter) {
      this.requestedFullscreen = false;
      this.setPresenter(false);
    }
  }
}
