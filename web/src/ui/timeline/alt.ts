// TimelineAlt: the timeline's text alternative for screen readers. The canvas (role="img")
// gets an aria-label that sums up the run (its tasks, cores, GIL, event loop and elapsed
// time), and aria-describedby points at a visually hidden table of each task's state at
// the playhead, read with the hover tooltip's words (describeAt). Updates are throttled so
// playback does not rewrite the DOM every frame.
import { formatSeconds } from '../../player/format';
import { type Disposable, h } from '../dom';
import { describeAt } from './describe';
import { LaneKind, type TimelineGroup } from './model';

const THROTTLE_MS = 250;
/** MAX_NAMES tasks are named in the label; MAX_ROWS tasks get a row in the table. */
const MAX_NAMES = 12;
const MAX_ROWS = 200;
let nextId = 0;

export const EMPTY_LABEL = 'Timeline: one lane per task, core, GIL and event loop. Run the program to draw it.';

/** timelineLabel sums up the groups for the canvas's aria-label. */
export function timelineLabel(groups: readonly TimelineGroup[]): string {
  if (groups.length === 0 || groups.every((g) => g.trace.tasks.length === 0)) return EMPTY_LABEL;
  const parts = groups.map((g) => {
    const tasks = g.lanes.filter((l) => l.kind === LaneKind.Task).map((l) => l.label);
    const names =
      tasks.length > MAX_NAMES
        ? `${tasks.slice(0, MAX_NAMES).join(', ')} and ${tasks.length - MAX_NAMES} more`
        : tasks.join(', ');
    const cores = g.trace.cores.length;
    const extra = [
      cores > 0 ? `${cores} ${cores === 1 ? 'core' : 'cores'}` : '',
      g.trace.gil ? 'the GIL' : '',
      g.trace.loop ? 'the event loop' : '',
    ].filter(Boolean);
    const time = `${g.trace.complete ? 'ran for' : 'running, so far'} ${formatSeconds(g.trace.endTime)}`;
    const title = g.title ? `${g.title}: ` : '';
    return `${title}${tasks.length} ${tasks.length === 1 ? 'task' : 'tasks'} (${names})${extra.length ? `, lanes for ${extra.join(', ')}` : ''}; ${time}`;
  });
  return `Timeline: ${parts.join('. ')}. The table of task states describes the playhead's instant.`;
}

/** taskRows is each task's state at time, as the table lists it. */
export function taskRows(groups: readonly TimelineGroup[], time: number): { task: string; state: string }[] {
  const rows: { task: string; state: string }[] = [];
  for (const g of groups) {
    for (const lane of g.lanes) {
      if (lane.kind !== LaneKind.Task || rows.length >= MAX_ROWS) continue;
      const d = describeAt(g.trace, lane, Math.max(0, time));
      rows.push({
        task: groups.length > 1 && g.title ? `${g.title}: ${lane.label}` : lane.label,
        state: d.lines.join(', '),
      });
    }
  }
  return rows;
}

export class TimelineAlt implements Disposable {
  readonly table: HTMLTableElement;
  private readonly caption: HTMLTableCaptionElement;
  private readonly body: HTMLTableSectionElement;
  private timer = 0;
  private groups: readonly TimelineGroup[] = [];
  private time = 0;
  private label = '';

  constructor(
    private readonly canvas: HTMLCanvasElement,
    container: HTMLElement,
  ) {
    const id = `timeline-states-${++nextId}`;
    this.caption = h('caption', {}, 'Task states') as HTMLTableCaptionElement;
    this.body = h('tbody') as HTMLTableSectionElement;
    this.table = h(
      'table',
      { class: 'visually-hidden timeline-states', id },
      this.caption,
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Task'), h('th', { scope: 'col' }, 'State'))),
      this.body,
    ) as HTMLTableElement;
    container.append(this.table);
    canvas.setAttribute('aria-describedby', id);
    this.setLabel(EMPTY_LABEL);
  }

  /** update asks for the text to follow these groups at this time (at most every THROTTLE_MS). */
  update(groups: readonly TimelineGroup[], time: number): void {
    this.groups = groups;
    this.time = time;
    if (this.timer) return;
    this.timer = window.setTimeout(() => {
      this.timer = 0;
      this.flush();
    }, THROTTLE_MS);
  }

  /** flush writes the label and the table now. */
  flush(): void {
    this.setLabel(timelineLabel(this.groups));
    const time = Math.max(0, this.time);
    this.caption.textContent = `Task states at ${formatSeconds(time)}`;
    const rows = taskRows(this.groups, time);
    while (this.body.rows.length > rows.length) this.body.lastElementChild?.remove();
    rows.forEach((row, i) => {
      let tr = this.body.rows[i];
      if (!tr) {
        tr = h('tr', {}, h('th', { scope: 'row' }), h('td')) as HTMLTableRowElement;
        this.body.append(tr);
      }
      if (tr.cells[0].textContent !== row.task) tr.cells[0].textContent = row.task;
      if (tr.cells[1].textContent !== row.state) tr.cells[1].textContent = row.state;
    });
  }

  private setLabel(label: string): void {
    if (label === this.label) return;
    this.label = label;
    this.canvas.setAttribute('aria-label', label);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.table.remove();
  }
}
