// Task markers in the editor: every task's current line gets a coloured bar in a gutter,
// a tint, and a chip with the task's name at the end of the line. Several tasks on one
// line show as chips side by side, so "horizontal" concurrency is visible in the code.
import {
  type EditorState,
  type Extension,
  RangeSet,
  RangeSetBuilder,
  StateEffect,
  StateField,
} from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, GutterMarker, WidgetType, gutter } from '@codemirror/view';
import type { Snapshot } from '../../player/snapshot';
import { TaskState } from '../../player/states';
import { taskColor } from '../colors';
import { svgIcon } from '../icons';

export interface TaskMarker {
  line: number;
  task: number;
  name: string;
  colorIndex: number;
  state: TaskState;
  /** detail is a short note for the chip's tooltip, such as what the task waits for. */
  detail: string;
}

/** markersOf turns a snapshot into editor markers: every live task at its current line. */
export function markersOf(s: Snapshot): TaskMarker[] {
  const out: TaskMarker[] = [];
  for (const t of s.tasks) {
    if (t.line <= 0 || t.state === TaskState.Unborn || t.state === TaskState.Done) continue;
    out.push({
      line: t.line,
      task: t.id,
      name: t.name,
      colorIndex: t.index,
      state: t.state,
      detail: t.blocking ? `blocks the event loop in ${t.blocking.call}` : t.waitFor,
    });
  }
  return out;
}

export interface ErrorMarker {
  line: number;
  message: string;
}

interface MarkerState {
  decorations: DecorationSet;
  gutter: RangeSet<GutterMarker>;
}

export const setTaskMarkers = StateEffect.define<TaskMarker[]>();
export const setErrorMarker = StateEffect.define<ErrorMarker | null>();

// STATE_ICON draws each state's mark as SVG (10 × 10): symbol characters such as ▶ ◌ ✓ are
// missing from the fonts some systems have (Chromium on Linux may only have Liberation).
const STATE_ICON: Record<number, string> = {
  [TaskState.Running]: '<path d="M2 1L9 5L2 9Z" fill="currentColor"/>',
  [TaskState.Ready]:
    '<path d="M2.5 1.5L8.5 5L2.5 8.5Z" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linejoin="round"/>',
  [TaskState.Waiting]:
    '<circle cx="5" cy="5" r="3.6" fill="none" stroke="currentColor" stroke-width="1.4" stroke-dasharray="2.2 1.6"/>',
  [TaskState.Done]: '<path d="M1.5 5.5L4 8L8.5 2" fill="none" stroke="currentColor" stroke-width="1.6"/>',
  [TaskState.Unborn]: '<circle cx="5" cy="5" r="1.5" fill="currentColor"/>',
};

/** stateIcon is the small drawn mark of a task state, sized to the surrounding text. */
export function stateIcon(state: TaskState): SVGSVGElement {
  const svg = svgIcon('0 0 10 10', '0.75em');
  svg.setAttribute('class', 'cm-task-icon');
  svg.style.marginRight = '0.35em';
  svg.style.verticalAlign = '-0.05em';
  svg.innerHTML = STATE_ICON[state] ?? STATE_ICON[TaskState.Unborn];
  return svg;
}

/** chipText is a chip's text: the task's name alone (the state is drawn, not a character). */
export function chipText(marker: TaskMarker): string {
  return marker.name;
}

const STATE_WORD: Record<number, string> = {
  [TaskState.Running]: 'running',
  [TaskState.Ready]: 'ready',
  [TaskState.Waiting]: 'waiting',
  [TaskState.Done]: 'done',
  [TaskState.Unborn]: 'not started',
};

class ChipsWidget extends WidgetType {
  constructor(
    readonly tasks: readonly TaskMarker[],
    readonly key: string,
  ) {
    super();
  }

  eq(other: ChipsWidget): boolean {
    return other.key === this.key;
  }

  toDOM(): HTMLElement {
    const box = document.createElement('span');
    box.className = 'cm-task-chips';
    box.setAttribute('aria-label', this.tasks.map((t) => `${t.name} ${STATE_WORD[t.state]}`).join(', '));
    for (const t of this.tasks) {
      const chip = document.createElement('span');
      chip.className = 'cm-task-chip';
      chip.dataset.task = t.name;
      chip.dataset.state = STATE_WORD[t.state];
      chip.style.setProperty('--task-color', taskColor(t.colorIndex));
      chip.title = `${t.name}: ${STATE_WORD[t.state]}${t.detail ? ` — ${t.detail}` : ''}`;
      chip.append(stateIcon(t.state), chipText(t));
      box.append(chip);
    }
    return box;
  }

  ignoreEvent(): boolean {
    return false;
  }
}

class ErrorWidget extends WidgetType {
  constructor(readonly message: string) {
    super();
  }

  eq(other: ErrorWidget): boolean {
    return other.message === this.message;
  }

  toDOM(): HTMLElement {
    const el = document.createElement('span');
    el.className = 'cm-error-note';
    el.append(warningIcon(), this.message);
    return el;
  }
}

// warningIcon draws the error note's triangle, for the same reason as stateIcon.
function warningIcon(): SVGSVGElement {
  const svg = svgIcon('0 0 10 10', '0.9em');
  svg.style.marginRight = '0.35em';
  svg.style.verticalAlign = '-0.1em';
  svg.innerHTML =
    '<path d="M5 0.8L9.6 9.2H0.4Z" fill="none" stroke="currentColor" stroke-width="1.1" stroke-linejoin="round"/><path d="M5 3.6V6.2M5 7.2V8" stroke="currentColor" stroke-width="1.2"/>';
  return svg;
}

class BarsMarker extends GutterMarker {
  constructor(
    readonly tasks: readonly TaskMarker[],
    readonly key: string,
  ) {
    super();
  }

  eq(other: BarsMarker): boolean {
    return other.key === this.key;
  }

  toDOM(): Node {
    const box = document.createElement('span');
    box.className = 'cm-task-bars';
    for (const t of this.tasks.slice(0, 4)) {
      const bar = document.createElement('span');
      bar.className = 'cm-task-bar';
      bar.dataset.state = STATE_WORD[t.state];
      bar.style.setProperty('--task-color', taskColor(t.colorIndex));
      box.append(bar);
    }
    return box;
  }
}

const EMPTY: MarkerState = { decorations: Decoration.none, gutter: RangeSet.empty };

// ORDER puts running tasks first on a line, then ready, then waiting.
const ORDER: Record<number, number> = {
  [TaskState.Running]: 0,
  [TaskState.Ready]: 1,
  [TaskState.Waiting]: 2,
  [TaskState.Done]: 3,
  [TaskState.Unborn]: 4,
};

function build(state: EditorState, markers: readonly TaskMarker[], error: ErrorMarker | null): MarkerState {
  const byLine = new Map<number, TaskMarker[]>();
  for (const m of markers) {
    if (m.line < 1 || m.line > state.doc.lines) continue;
    const list = byLine.get(m.line) ?? [];
    list.push(m);
    byLine.set(m.line, list);
  }
  if (error && (error.line < 1 || error.line > state.doc.lines)) error = null;
  const lines = [...new Set([...byLine.keys(), ...(error ? [error.line] : [])])].sort((a, b) => a - b);
  const deco = new RangeSetBuilder<Decoration>();
  const bars = new RangeSetBuilder<GutterMarker>();
  for (const n of lines) {
    const line = state.doc.line(n);
    const tasks = (byLine.get(n) ?? []).sort((a, b) => ORDER[a.state] - ORDER[b.state] || a.colorIndex - b.colorIndex);
    const key = tasks.map((t) => `${t.task}:${t.state}:${t.detail}`).join('|');
    const running = tasks.find((t) => t.state === TaskState.Running);
    const isError = error?.line === n;
    const classes = [
      tasks.length > 0 ? (running ? 'cm-task-line' : 'cm-task-line-idle') : '',
      isError ? 'cm-error-line' : '',
    ]
      .filter(Boolean)
      .join(' ');
    const lead = running ?? tasks[0];
    deco.add(
      line.from,
      line.from,
      Decoration.line({
        class: classes,
        attributes: lead ? { style: `--task-color: ${taskColor(lead.colorIndex)}` } : {},
      }),
    );
    if (tasks.length > 0) {
      deco.add(line.to, line.to, Decoration.widget({ widget: new ChipsWidget(tasks, key), side: 1 }));
      bars.add(line.from, line.from, new BarsMarker(tasks, key));
    }
    if (isError && error)
      deco.add(line.to, line.to, Decoration.widget({ widget: new ErrorWidget(error.message), side: 2 }));
  }
  return { decorations: deco.finish(), gutter: bars.finish() };
}

const markerField = StateField.define<{ view: MarkerState; markers: readonly TaskMarker[]; error: ErrorMarker | null }>(
  {
    create: () => ({ view: EMPTY, markers: [], error: null }),
    update(value, tr) {
      let { markers, error } = value;
      let changed = false;
      for (const effect of tr.effects) {
        if (effect.is(setTaskMarkers)) {
          markers = effect.value;
          changed = true;
        } else if (effect.is(setErrorMarker)) {
          error = effect.value;
          changed = true;
        }
      }
      if (tr.docChanged) {
        // The markers describe the text that ran; after an edit they would point at the wrong lines.
        return { view: EMPTY, markers: [], error: null };
      }
      if (!changed) return value;
      return { view: build(tr.state, markers, error), markers, error };
    },
    provide: (field) => EditorView.decorations.from(field, (v) => v.view.decorations),
  },
);

/** taskMarkers is the editor extension: the marker state, its decorations and its gutter. */
export function taskMarkers(): Extension {
  return [
    markerField,
    gutter({
      class: 'cm-task-gutter',
      markers: (view) => view.state.field(markerField).view.gutter,
    }),
  ];
}
