// Task markers in the editor: every task's current line gets a coloured bar in a gutter,
// a tint, and a chip with the task's name at the end of the line. Several tasks on one
// line show as chips side by side, so "horizontal" concurrency is visible in the code.
import { type EditorState, type Extension, RangeSet, RangeSetBuilder, StateEffect, StateField } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, GutterMarker, WidgetType, gutter } from '@codemirror/view';
import { TaskState } from '../../player/states';
import { taskColor } from '../colors';

export interface TaskMarker {
  line: number;
  task: number;
  name: string;
  colorIndex: number;
  state: TaskState;
  /** detail is a short note for the chip's tooltip, such as what the task waits for. */
  detail: string;
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

const STATE_ICON: Record<number, string> = {
  [TaskState.Running]: '▶',
  [TaskState.Ready]: '▷',
  [TaskState.Waiting]: '◌',
  [TaskState.Done]: '✓',
  [TaskState.Unborn]: '·',
};

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
      chip.textContent = `${STATE_ICON[t.state]} ${t.name}`;
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
    el.textContent = `⚠ ${this.message}`;
    return el;
  }
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
const ORDER: Record<number, number> = { [TaskState.Running]: 0, [TaskState.Ready]: 1, [TaskState.Waiting]: 2, [TaskState.Done]: 3, [TaskState.Unborn]: 4 };

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
    const classes = [tasks.length > 0 ? (running ? 'cm-task-line' : 'cm-task-line-idle') : '', isError ? 'cm-error-line' : ''].filter(Boolean).join(' ');
    const lead = running ?? tasks[0];
    deco.add(
      line.from,
      line.from,
      Decoration.line({ class: classes, attributes: lead ? { style: `--task-color: ${taskColor(lead.colorIndex)}` } : {} }),
    );
    if (tasks.length > 0) {
      deco.add(line.to, line.to, Decoration.widget({ widget: new ChipsWidget(tasks, key), side: 1 }));
      bars.add(line.from, line.from, new BarsMarker(tasks, key));
    }
    if (isError && error) deco.add(line.to, line.to, Decoration.widget({ widget: new ErrorWidget(error.message), side: 2 }));
  }
  return { decorations: deco.finish(), gutter: bars.finish() };
}

const markerField = StateField.define<{ view: MarkerState; markers: readonly TaskMarker[]; error: ErrorMarker | null }>({
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
});

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
