// Transport: the playback controls (jump, step by switch or event, play/pause), the pace
// (speed or "fit into N s"), a scrubber and the large elapsed simulated-time counter.
import { type Pace, SPEEDS, paceLabel } from '../../player/clock';
import { clockUnit, formatClock } from '../../player/format';
import { type Disposable, DisposableStore, h, listen, setText } from '../dom';
import { type IconName, icon } from '../icons';

export interface TransportHandlers {
  toStart(): void;
  prevSwitch(): void;
  prevEvent(): void;
  toggle(): void;
  nextEvent(): void;
  nextSwitch(): void;
  toEnd(): void;
  setPace(pace: Pace): void;
  seek(time: number): void;
}

export interface TransportState {
  playing: boolean;
  waiting: boolean;
  time: number;
  end: number;
  complete: boolean;
  position: number;
  events: number;
  pace: Pace;
  hasRun: boolean;
}

const FITS = [5, 10, 20, 30];
const SCRUB_STEPS = 10_000;

function paceValue(p: Pace): string {
  return p.kind === 'speed' ? `speed:${p.speed}` : `fit:${p.seconds}`;
}

export class Transport implements Disposable {
  readonly element: HTMLElement;
  readonly clock: HTMLElement;
  private readonly store = new DisposableStore();
  private readonly play: HTMLButtonElement;
  private readonly buttons: HTMLButtonElement[] = [];
  private readonly pace: HTMLSelectElement;
  private readonly scrub: HTMLInputElement;
  private readonly total: HTMLElement;
  private readonly counter: HTMLElement;
  private end = 0;

  constructor(parent: HTMLElement, clockParent: HTMLElement, handlers: TransportHandlers) {
    const button = (name: IconName, title: string, action: () => void, cls = '') => {
      const b = h('button', { type: 'button', class: `transport-button ${cls}`.trim(), title, 'aria-label': title });
      b.append(icon(name));
      this.store.add(listen(b, 'click', action));
      this.buttons.push(b);
      return b;
    };
    this.play = button('play', 'Play (Space)', () => handlers.toggle(), 'transport-play');
    this.pace = h('select', { class: 'pace', 'aria-label': 'Playback speed', title: 'Playback speed' });
    for (const s of FITS) this.pace.append(h('option', { value: `fit:${s}` }, `fit ${s} s`));
    for (const s of SPEEDS) this.pace.append(h('option', { value: `speed:${s}` }, `${s}×`));
    this.store.add(
      listen(this.pace, 'change', () => {
        const [kind, n] = this.pace.value.split(':');
        handlers.setPace(kind === 'fit' ? { kind: 'fit', seconds: Number(n) } : { kind: 'speed', speed: Number(n) });
        this.pace.blur();
      }),
    );
    this.scrub = h('input', {
      type: 'range',
      class: 'scrubber',
      min: 0,
      max: SCRUB_STEPS,
      value: 0,
      step: 1,
      'aria-label': 'Playback position',
    });
    this.store.add(
      listen(this.scrub, 'input', () => handlers.seek((Number(this.scrub.value) / SCRUB_STEPS) * this.end)),
    );
    this.element = h(
      'div',
      { class: 'transport', role: 'toolbar', 'aria-label': 'Playback' },
      button('start', 'Jump to start (Home)', () => handlers.toStart()),
      button('prevSwitch', 'Previous task switch (Shift+←)', () => handlers.prevSwitch()),
      button('prevEvent', 'Step back one event (←)', () => handlers.prevEvent()),
      this.play,
      button('nextEvent', 'Step forward one event (→)', () => handlers.nextEvent()),
      button('nextSwitch', 'Next task switch (Shift+→)', () => handlers.nextSwitch()),
      button('end', 'Jump to end (End)', () => handlers.toEnd()),
      this.pace,
      this.scrub,
    );
    parent.append(this.element);
    this.counter = h('span', { class: 'elapsed-value', id: 'elapsed' }, '0.000 s');
    this.total = h('span', { class: 'elapsed-total' }, '');
    this.clock = h(
      'div',
      { class: 'elapsed', role: 'timer', 'aria-label': 'Elapsed simulated time' },
      this.counter,
      this.total,
    );
    clockParent.append(this.clock);
  }

  update(s: TransportState): void {
    this.end = s.end;
    const unit = clockUnit(s.end);
    setText(this.counter, formatClock(s.time, unit));
    const of = s.hasRun ? `of ${formatClock(s.end, unit)}${s.complete ? '' : '…'}` : 'simulated time';
    setText(
      this.total,
      `${of}${s.hasRun ? ` · event ${s.position.toLocaleString()} / ${s.events.toLocaleString()}` : ''}`,
    );
    if (this.play.dataset.icon !== (s.playing ? 'pause' : 'play')) {
      this.play.dataset.icon = s.playing ? 'pause' : 'play';
      this.play.replaceChildren(icon(s.playing ? 'pause' : 'play'));
    }
    this.play.title = s.playing ? 'Pause (Space)' : 'Play (Space)';
    this.play.setAttribute('aria-label', this.play.title);
    this.play.classList.toggle('waiting', s.waiting);
    for (const b of this.buttons) b.disabled = !s.hasRun;
    this.scrub.disabled = !s.hasRun;
    const value = String(s.end > 0 ? Math.round((s.time / s.end) * SCRUB_STEPS) : 0);
    if (this.scrub.value !== value && document.activeElement !== this.scrub) this.scrub.value = value;
    const pv = paceValue(s.pace);
    if (![...this.pace.options].some((o) => o.value === pv))
      this.pace.append(h('option', { value: pv }, paceLabel(s.pace)));
    if (this.pace.value !== pv) this.pace.value = pv;
  }

  dispose(): void {
    this.store.dispose();
    this.element.remove();
    this.clock.remove();
  }
}
