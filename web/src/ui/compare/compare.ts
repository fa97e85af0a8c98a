// CompareView: two runs of one program (or two variants) under different settings, side
// by side on one time axis, with their totals ("awaited in turn 2.50 s · together 0.25 s")
// and main metrics: CPU utilisation, context switches, time waiting for the GIL.
import { formatSeconds } from '../../player/format';
import { type RunMetrics, metrics } from '../../player/metrics';
import { recordRun } from '../../player/recording';
import type { Trace } from '../../player/trace';
import { type Disposable, DisposableStore, h, listen, setText } from '../dom';
import type { EngineSession } from '../../engine/session';
import { type Settings, toEngineOptions } from '../../engine/settings';
import { TimelineView } from '../timeline/timeline';
import { lineIcon } from '../icons';

export interface CompareRunSpec {
  label: string;
  source: string;
  settings: Settings;
}

export interface CompareSpec {
  a: CompareRunSpec;
  b: CompareRunSpec;
}

interface SideState {
  spec: CompareRunSpec;
  trace: Trace;
  done: boolean;
  error: string;
  metrics: RunMetrics | null;
  output: string;
}

const MAX_EVENTS = 1_000_000;

export class CompareView implements Disposable {
  private readonly store = new DisposableStore();
  private readonly totals: HTMLElement;
  private readonly table: HTMLTableSectionElement;
  private readonly status: HTMLElement;
  private readonly timelineBox: HTMLElement;
  private timeline: TimelineView | null = null;
  private sessions: [EngineSession, EngineSession] | null = null;
  private sides: [SideState, SideState] | null = null;

  constructor(
    private readonly dialog: HTMLDialogElement,
    private readonly createSession: () => EngineSession,
  ) {
    const close = h(
      'button',
      { type: 'button', class: 'dialog-close', 'aria-label': 'Close compare' },
      lineIcon('close'),
    );
    this.store.add(listen(close, 'click', () => this.close()));
    this.store.add(listen(dialog, 'close', () => this.stopRuns()));
    this.totals = h('p', { class: 'compare-totals', 'aria-live': 'polite' });
    this.status = h('p', { class: 'hint' });
    this.table = h('tbody');
    this.timelineBox = h('div', { class: 'timeline compare-timeline' });
    dialog.replaceChildren(
      h(
        'div',
        { class: 'dialog-body compare' },
        h('header', { class: 'dialog-header' }, h('h2', {}, 'Compare two runs'), close),
        this.totals,
        this.status,
        h(
          'table',
          { class: 'metrics' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, ''),
              h('th', { scope: 'col', class: 'side-a' }, 'A'),
              h('th', { scope: 'col', class: 'side-b' }, 'B'),
            ),
          ),
          this.table,
        ),
        this.timelineBox,
      ),
    );
  }

  get isOpen(): boolean {
    return this.dialog.open;
  }

  /** open shows the dialog and runs both sides. */
  open(spec: CompareSpec): void {
    if (!this.dialog.open) this.dialog.showModal();
    this.timeline ??= this.store.add(
      new TimelineView(this.timelineBox, { onSeek: (t) => this.timeline?.setPlayhead(t, false) }),
    );
    this.sessions ??= [this.createSession(), this.createSession()];
    const sessions = this.sessions;
    const sides = [spec.a, spec.b].map((runSpec, i) => {
      const { trace } = recordRun(
        sessions[i],
        runSpec.source,
        toEngineOptions(runSpec.settings),
        {
          onEvents: () => this.timeline?.refresh(),
          onEnd: (result, stopped, failure) => {
            side.done = true;
            side.output = result?.output ?? '';
            if (failure) side.error = failure;
            else {
              side.error = result?.error
                ? `${result.error.type}: ${result.error.message}`
                : stopped === 'event-limit'
                  ? 'stopped at the event limit'
                  : stopped
                    ? 'stopped'
                    : '';
              side.metrics = metrics(side.trace, side.spec.settings.cores);
            }
            this.render();
          },
        },
        { maxEvents: MAX_EVENTS, output: true },
      );
      const side: SideState = { spec: runSpec, trace, done: false, error: '', metrics: null, output: '' };
      return side;
    }) as [SideState, SideState];
    this.sides = sides;
    this.timeline.setGroups(sides.map((s, i) => ({ title: `${'AB'[i]}: ${s.spec.label}`, trace: s.trace, lanes: [] })));
    setText(this.status, 'Running both…');
    this.render();
  }

  close(): void {
    if (this.dialog.open) this.dialog.close();
  }

  /** model exposes the compare state for tests. */
  model(): {
    totals: string;
    sides: { label: string; done: boolean; error: string; metrics: RunMetrics | null; output: string }[];
    timeline: ReturnType<TimelineView['drawModel']> | null;
  } {
    return {
      totals: this.totals.textContent ?? '',
      sides: (this.sides ?? []).map((s) => ({
        label: s.spec.label,
        done: s.done,
        error: s.error,
        metrics: s.metrics,
        output: lastLines(s.output),
      })),
      timeline: this.timeline?.drawModel() ?? null,
    };
  }

  dispose(): void {
    this.stopRuns();
    this.sessions?.forEach((s) => s.dispose());
    this.store.dispose();
  }

  private stopRuns(): void {
    this.sessions?.forEach((s) => s.stop());
  }

  private render(): void {
    const sides = this.sides;
    if (!sides) return;
    const total = (s: SideState) =>
      s.done ? (s.error && !s.metrics ? 'failed' : formatSeconds(s.trace.endTime)) : '…';
    setText(this.totals, `${sides[0].spec.label} ${total(sides[0])} · ${sides[1].spec.label} ${total(sides[1])}`);
    const ready = sides.every((s) => s.done);
    const errors = sides.map((s, i) => (s.error ? `${'AB'[i]}: ${s.error}` : '')).filter(Boolean);
    setText(this.status, ready ? (errors.length ? errors.join(' · ') : ratio(sides[0], sides[1])) : 'Running both…');
    const rows: [string, (m: RunMetrics) => string][] = [
      ['Elapsed (simulated)', (m) => formatSeconds(m.elapsed)],
      [
        'CPU utilisation',
        (m) =>
          `${(m.utilisation * 100).toFixed(m.utilisation < 0.1 ? 1 : 0)} % of ${m.cores} core${m.cores === 1 ? '' : 's'}`,
      ],
      ['Context switches', (m) => m.switches.toLocaleString()],
      ['Waiting for the GIL', (m) => formatSeconds(m.gilWait)],
      ['Tasks', (m) => String(m.tasks)],
      ['Events', (m) => m.events.toLocaleString()],
    ];
    this.table.replaceChildren(
      h('tr', {}, h('th', { scope: 'row' }, 'Settings'), ...sides.map((s) => h('td', {}, s.spec.label))),
      ...rows.map(([name, fmt]) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, name),
          ...sides.map((s) => h('td', {}, s.metrics ? fmt(s.metrics) : '…')),
        ),
      ),
      // What each side printed: where the runs differ in outcome (a race's total), not only in time.
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, 'Output (last lines)'),
        ...sides.map((s) =>
          h('td', {}, h('pre', { class: 'compare-output' }, s.done ? lastLines(s.output) || '(nothing)' : '…')),
        ),
      ),
    );
    this.timeline?.refresh();
    if (ready) this.timeline?.fitAll();
  }
}

function ratio(a: SideState, b: SideState): string {
  const ta = a.trace.endTime;
  const tb = b.trace.endTime;
  if (!(ta > 0 && tb > 0)) return '';
  if (Math.abs(ta - tb) / Math.max(ta, tb) < 0.01) return 'Both take the same time.';
  const [fast, slow] = ta < tb ? [a, b] : [b, a];
  return `${fast.spec.label} is ${(Math.max(ta, tb) / Math.min(ta, tb)).toFixed(1)}× faster than ${slow.spec.label}.`;
}

/** lastLines is the end of a run's output, at most three lines, for the metrics table. */
export function lastLines(output: string, count = 3): string {
  const lines = output.replace(/\n+$/, '').split('\n');
  return lines.slice(-count).join('\n');
}
