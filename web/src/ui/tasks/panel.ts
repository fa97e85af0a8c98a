// TasksPanel: the state of every task at the playhead (what it waits for, its line, its
// running/ready/waiting times), the GIL holder and waiters, the cores, and the event
// loop's current task, ready queue and timers, with a banner while the loop is blocked.
// The event loop's own tasks (asyncio.run's shutdown) get no row, only a note naming them.
// Rows are keyed by task and only changed text is written, so a steady frame is cheap.
import { formatSeconds } from '../../player/format';
import type { Snapshot, TaskView } from '../../player/snapshot';
import { STATE_NAMES, TaskKind, TaskState } from '../../player/states';
import { taskColor } from '../colors';
import { type Disposable, h, setText } from '../dom';

const MAX_ROWS = 300;

interface Row {
  el: HTMLElement;
  state: HTMLElement;
  wait: HTMLElement;
  line: HTMLButtonElement;
  times: HTMLElement;
}

export interface TasksPanelHandlers {
  onLine(line: number): void;
}

export class TasksPanel implements Disposable {
  readonly element: HTMLElement;
  private readonly banner: HTMLElement;
  private readonly forced: HTMLElement;
  private readonly list: HTMLElement;
  private readonly count: HTMLElement;
  private readonly resources: HTMLElement;
  private readonly gil: HTMLElement;
  private readonly cores: HTMLElement;
  private readonly loop: HTMLElement;
  private readonly more: HTMLElement;
  private readonly machinery: HTMLElement;
  private readonly empty: HTMLElement;
  private rows = new Map<number, Row>();

  constructor(
    parent: HTMLElement,
    private readonly handlers: TasksPanelHandlers,
  ) {
    this.banner = h('div', { class: 'loop-banner', role: 'alert', hidden: true });
    this.forced = h('div', { class: 'forced-banner', role: 'status', hidden: true });
    this.count = h('span', { class: 'count' });
    this.list = h('ol', { class: 'task-list', 'aria-label': 'Tasks' });
    this.more = h('p', { class: 'hint', hidden: true });
    this.machinery = h('p', { class: 'hint machinery-note', hidden: true });
    this.empty = h('p', { class: 'hint empty' }, 'Tasks appear here when the program runs.');
    this.gil = h('div', { class: 'resource', hidden: true });
    this.cores = h('div', { class: 'resource', hidden: true });
    this.loop = h('div', { class: 'resource', hidden: true });
    this.resources = h('div', { class: 'resources' }, this.gil, this.cores, this.loop);
    this.element = h(
      'div',
      { class: 'tasks-panel' },
      this.banner,
      this.forced,
      this.resources,
      h('h2', { class: 'panel-title' }, 'Tasks ', this.count),
      this.empty,
      this.list,
      this.more,
      this.machinery,
    );
    parent.append(this.element);
  }

  update(s: Snapshot | null): void {
    const born = s ? s.tasks.filter((t) => t.state !== TaskState.Unborn) : [];
    const tasks = born.filter((t) => !t.machinery);
    const hidden = born.filter((t) => t.machinery).map((t) => t.name);
    this.machinery.hidden = hidden.length === 0;
    setText(this.machinery, machineryNote(hidden));
    this.empty.hidden = tasks.length > 0;
    setText(this.count, tasks.length > 0 ? `(${tasks.length})` : '');
    const shown = tasks.slice(0, MAX_ROWS);
    const keep = new Set(shown.map((t) => t.id));
    for (const [id, row] of this.rows) {
      if (!keep.has(id)) {
        row.el.remove();
        this.rows.delete(id);
      }
    }
    let previous: HTMLElement | null = null;
    for (const t of shown) {
      let row = this.rows.get(t.id);
      if (!row) {
        row = this.createRow(t);
        this.rows.set(t.id, row);
      }
      if (row.el.previousElementSibling !== previous || row.el.parentElement !== this.list) {
        if (previous) previous.after(row.el);
        else this.list.prepend(row.el);
      }
      this.fillRow(row, t);
      previous = row.el;
    }
    this.more.hidden = tasks.length <= MAX_ROWS;
    setText(this.more, `… and ${tasks.length - MAX_ROWS} more tasks (see the timeline)`);
    this.updateResources(s);
  }

  /** setForced shows the latest forced switch at the playhead (a run replaying an explorer's schedule), or nothing. */
  setForced(text: string | null): void {
    this.forced.hidden = text === null;
    setText(this.forced, text ?? '');
  }

  dispose(): void {
    this.element.remove();
  }

  private createRow(t: TaskView): Row {
    const state = h('span', { class: 'state-pill' });
    const wait = h('span', { class: 'task-wait' });
    const line = h('button', { type: 'button', class: 'task-line', title: 'Show this line in the editor' });
    line.addEventListener('click', () => {
      const n = Number(line.dataset.line);
      if (n > 0) this.handlers.onLine(n);
    });
    const times = h('span', { class: 'task-times' });
    const kind = t.kind === TaskKind.Coroutine ? 'task' : t.kind === TaskKind.Main ? 'main' : 'thread';
    const el = h(
      'li',
      { class: 'task-row', 'data-task': t.name },
      h('span', { class: 'swatch', style: `--task-color: ${taskColor(t.index)}`, 'aria-hidden': 'true' }),
      h('span', { class: 'task-name' }, t.name, h('small', { class: 'task-kind' }, kind)),
      state,
      line,
      wait,
      times,
    );
    return { el, state, wait, line, times };
  }

  private fillRow(row: Row, t: TaskView): void {
    row.el.dataset.state = STATE_NAMES[t.state];
    row.state.dataset.state = t.blocking ? 'blocking' : STATE_NAMES[t.state];
    let stateText: string = STATE_NAMES[t.state];
    if (t.state === TaskState.Running) {
      stateText = t.core >= 0 ? `running on core ${t.core}` : 'running';
      if (t.cpuUntil > 0) stateText += ' (CPU)';
    }
    // A coroutine in a synchronous call holds the loop: say so instead of "running".
    if (t.blocking) stateText = t.core >= 0 ? `blocking the loop on core ${t.core}` : 'blocking the loop';
    if (t.state === TaskState.Done && t.outcome && t.outcome !== 'returned') stateText = `done (${t.outcome})`;
    setText(row.state, stateText);
    let wait = '';
    if (t.state === TaskState.Ready) wait = `waits for ${t.waitFor}`;
    else if (t.state === TaskState.Waiting) wait = `waits for ${t.waitFor}`;
    else if (t.state === TaskState.Done && t.result) wait = t.outcome === 'raised' ? t.result : `→ ${t.result}`;
    else if (t.state === TaskState.Running && t.cpuUntil > 0) wait = `sim.cpu until ${formatSeconds(t.cpuUntil)}`;
    if (t.blocking) wait = `in ${t.blocking.call} until ${formatSeconds(t.blocking.until)}`;
    if (t.holdsGil) wait = wait ? `holds the GIL · ${wait}` : 'holds the GIL';
    if (t.cancelRequested && t.state !== TaskState.Done) wait = `${wait} · cancellation requested`.replace(/^ · /, '');
    setText(row.wait, wait);
    row.line.dataset.line = String(t.line);
    setText(row.line, t.line > 0 ? `line ${t.line}` : '—');
    row.line.disabled = t.line <= 0;
    setText(
      row.times,
      `run ${formatSeconds(t.running)} · ready ${formatSeconds(t.ready)} · wait ${formatSeconds(t.waiting)}`,
    );
  }

  private updateResources(s: Snapshot | null): void {
    const name = (id: number) => s?.tasks.find((t) => t.id === id)?.name ?? `task ${id}`;
    if (s?.gil) {
      this.gil.hidden = false;
      const holder = s.gil.holder >= 0 ? name(s.gil.holder) : 'nobody';
      const waiters = s.gil.waiters.map(name).join(', ');
      setText(this.gil, `GIL: held by ${holder}${waiters ? ` · waiting: ${waiters}` : ''}`);
    } else {
      this.gil.hidden = true;
    }
    if (s && s.cores.length > 0) {
      this.cores.hidden = false;
      setText(this.cores, `Cores: ${s.cores.map((id, k) => `${k}: ${id >= 0 ? name(id) : 'idle'}`).join(' · ')}`);
    } else {
      this.cores.hidden = true;
    }
    const loop = s?.loop;
    if (loop) {
      this.loop.hidden = false;
      const current = loop.stall
        ? `blocked in ${name(loop.stall.task)}'s ${loop.stall.call}`
        : loop.current >= 0
          ? `running ${name(loop.current)}`
          : 'idle';
      const ready = loop.ready.length > 0 ? loop.ready.map(name).join(', ') : 'empty';
      const timers =
        loop.timers.length > 0
          ? loop.timers.map((t) => `${name(t.task)} at ${formatSeconds(t.at)}`).join(', ')
          : 'none';
      setText(this.loop, `Event loop: ${current} · ready queue: ${ready} · timers: ${timers}`);
    } else {
      this.loop.hidden = true;
    }
    const stall = loop?.stall;
    this.banner.hidden = !stall;
    if (stall) {
      setText(
        this.banner,
        `Event loop blocked by ${name(stall.task)}: ${stall.call} — nothing else can run until ${formatSeconds(stall.until)}`,
      );
    }
  }
}

/** machineryNote says which of asyncio.run's own tasks the panel and the timeline leave out, and why. */
function machineryNote(names: readonly string[]): string {
  if (names.length === 0) return '';
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${list} ${names.length === 1 ? 'is' : 'are'} not shown: asyncio.run makes ${names.length === 1 ? 'it' : 'them'} to shut the event loop down after the main coroutine returns.`;
}
