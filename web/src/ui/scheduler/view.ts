// SchedulerView: the "You are the scheduler" dialog. The student picks which thread runs
// next, a line or an instruction at a time, hunting for the order that breaks the program.
// Every choice (and every undo) replays the whole run from the start with the list of
// choices in manual mode; runs are deterministic and the programs tiny, so this stays fast.
import { EditorState } from '@codemirror/state';
import { EditorView, lineNumbers } from '@codemirror/view';
import type { ManualThread, ManualUnit, RunResult } from '../../engine/client';
import { TaskState } from '../../player/states';
import { taskColor } from '../colors';
import { type Disposable, DisposableStore, h, listen, setText } from '../dom';
import { type TaskMarker, setErrorMarker, setTaskMarkers, taskMarkers } from '../editor/markers';
import { pythonSupport } from '../editor/editor';
import { editorTheme } from '../editor/theme';
import { bugHeadline, coverageMessage } from '../run/explore';
import type { ExploreReport } from '../../engine/protocol';
import type { EngineSession } from '../../engine/session';
import {
  type Challenge,
  Game,
  type Verdict,
  describeThread,
  parseChallenges,
  threadForKey,
  usesThreads,
  verdict,
} from './model';
import './scheduler.css';
import { lineIcon } from '../icons';

export interface SchedulerHost {
  /** source is the program in the playground's editor. */
  source(): string;
  /** openSchedule shows a program in the playground replaying a schedule (the explorer's find), keeping the editor's program. */
  openSchedule?(source: string, schedule: string): void;
}

/** CURRENT is the picker's value for the playground's own program. */
export const CURRENT = 'current';

// STEP_LIMIT bounds a replay: a thread that loops alone never reaches a choice.
const STEP_LIMIT = 2_000_000;

const UNIT_WORD: Record<ManualUnit, string> = { line: 'one line', instruction: 'one instruction' };

const MARKER_STATE: Record<ManualThread['state'], TaskState> = {
  running: TaskState.Running,
  ready: TaskState.Ready,
  blocked: TaskState.Waiting,
  sleeping: TaskState.Waiting,
  done: TaskState.Done,
};

type Status = 'loading' | 'busy' | Verdict['kind'];

export interface SchedulerModel {
  open: boolean;
  challenge: string;
  status: Status;
  steps: number;
  unit: ManualUnit;
  choices: { thread: number; unit: ManualUnit }[];
  banner: string;
  output: string;
  variables: string[];
  threads: { name: string; key: number; line: number; state: string; runnable: boolean; text: string }[];
  /** explorer is "Let the explorer find it": hidden until the student has tried, then searching or its verdict. */
  explorer: {
    offered: boolean;
    state: 'idle' | 'searching' | 'found' | 'clean' | 'failed';
    text: string;
    narration: string[];
  };
}

export class SchedulerView implements Disposable {
  private readonly store = new DisposableStore();
  private readonly picker: HTMLSelectElement;
  private readonly goal: HTMLElement;
  private readonly banner: HTMLElement;
  private readonly steps: HTMLElement;
  private readonly threadList: HTMLElement;
  private readonly output: HTMLElement;
  private readonly variables: HTMLElement;
  private readonly unitButtons: Record<ManualUnit, HTMLButtonElement>;
  private readonly undoButton: HTMLButtonElement;
  private readonly restartButton: HTMLButtonElement;
  private readonly body: HTMLElement;
  private readonly code: EditorView;
  private readonly explorerBox: HTMLElement;
  private readonly explorerButton: HTMLButtonElement;
  private readonly explorerText: HTMLElement;
  private readonly explorerList: HTMLOListElement;
  private readonly explorerShow: HTMLButtonElement;
  // tried is set once the student's order ran to an end (bug or not): the explorer is offered from then on.
  private tried = false;
  private explorer: {
    state: 'idle' | 'searching' | 'found' | 'clean' | 'failed';
    text: string;
    report: ExploreReport | null;
  } = { state: 'idle', text: '', report: null };
  private session: EngineSession | null = null;
  private challenges: Challenge[] = [];
  private loaded: Promise<void> | null = null;
  private challenge: Challenge | null = null;
  private source = '';
  private game = new Game();
  private result: RunResult | null = null;
  private status: Status = 'loading';
  private failure = '';
  private busy = false;
  private readonly queue: (() => boolean)[] = [];

  constructor(
    private readonly dialog: HTMLDialogElement,
    private readonly base: URL,
    private readonly createSession: () => EngineSession,
    private readonly host: SchedulerHost,
  ) {
    const close = h(
      'button',
      { type: 'button', class: 'dialog-close', 'aria-label': 'Close the scheduler' },
      lineIcon('close'),
    );
    this.picker = h('select', { class: 'scheduler-picker', 'aria-label': 'Challenge' });
    this.unitButtons = {
      line: h(
        'button',
        { type: 'button', class: 'scheduler-unit', 'aria-pressed': 'true', title: 'Each choice runs one line (L)' },
        'Line (L)',
      ),
      instruction: h(
        'button',
        {
          type: 'button',
          class: 'scheduler-unit',
          'aria-pressed': 'false',
          title: 'Each choice runs one bytecode instruction (I)',
        },
        'Instruction (I)',
      ),
    };
    this.undoButton = h(
      'button',
      { type: 'button', title: 'Take back the last choice (Backspace or Ctrl+Z)' },
      lineIcon('undo'),
      'Undo',
    );
    this.restartButton = h(
      'button',
      { type: 'button', title: 'Start again from the first choice (R)' },
      lineIcon('restart'),
      'Restart',
    );
    this.steps = h('span', { class: 'scheduler-steps', 'aria-live': 'polite' });
    this.goal = h('p', { class: 'scheduler-goal' });
    this.banner = h('div', { class: 'scheduler-banner', role: 'status', 'aria-live': 'polite' });
    this.threadList = h('ol', { class: 'scheduler-threads', 'aria-label': 'Threads' });
    this.output = h('pre', { class: 'scheduler-output', 'aria-label': 'Output so far' });
    this.variables = h('dl', { class: 'scheduler-variables', 'aria-label': 'Shared variables' });
    const codeBox = h('div', { class: 'scheduler-code', 'aria-label': 'The program, with each thread’s position' });
    this.explorerButton = h(
      'button',
      {
        type: 'button',
        class: 'button-find scheduler-explore',
        title: 'The explorer tries the orders for you and shows the one that breaks the program (E)',
      },
      lineIcon('find'),
      'Let the explorer find it (E)',
    );
    this.explorerText = h('p', { class: 'scheduler-explorer-text', role: 'status', 'aria-live': 'polite' });
    this.explorerList = h('ol', { class: 'scheduler-explorer-list', 'aria-label': 'The switches the explorer forced' });
    this.explorerShow = h('button', { type: 'button', class: 'scheduler-explorer-show' }, 'Show it on the timeline');
    this.explorerBox = h(
      'div',
      { class: 'scheduler-explorer', hidden: true },
      this.explorerButton,
      this.explorerText,
      this.explorerList,
      this.explorerShow,
    );
    this.body = h(
      'div',
      { class: 'dialog-body scheduler', tabindex: '-1' },
      h('header', { class: 'dialog-header' }, h('h2', {}, 'You are the scheduler'), close),
      h(
        'div',
        { class: 'scheduler-bar' },
        h('label', {}, 'Challenge ', this.picker),
        h(
          'span',
          { class: 'scheduler-units', role: 'group', 'aria-label': 'Each choice runs' },
          this.unitButtons.line,
          this.unitButtons.instruction,
        ),
        this.undoButton,
        this.restartButton,
        this.steps,
      ),
      this.goal,
      this.banner,
      this.explorerBox,
      h(
        'div',
        { class: 'scheduler-main' },
        codeBox,
        h(
          'div',
          { class: 'scheduler-side' },
          h('h3', {}, 'Pick the thread that runs next'),
          this.threadList,
          h('h3', {}, 'Shared variables'),
          this.variables,
          h('h3', {}, 'Output'),
          this.output,
        ),
      ),
      h(
        'p',
        { class: 'hint' },
        'Keys: 1–9 run that thread (0 is MainThread) · L line · I instruction · Backspace or Ctrl+Z undo · R restart · E let the explorer find it (once you have tried) · Esc close',
      ),
    );
    dialog.replaceChildren(this.body);
    this.code = new EditorView({
      parent: codeBox,
      state: EditorState.create({
        doc: '',
        extensions: [
          lineNumbers(),
          taskMarkers(),
          pythonSupport(),
          editorTheme(),
          EditorState.readOnly.of(true),
          EditorView.editable.of(false),
        ],
      }),
    });
    this.store.add({ dispose: () => this.code.destroy() });
    this.store.add(listen(close, 'click', () => this.close()));
    this.store.add(listen(dialog, 'close', () => this.session?.stop()));
    this.store.add(listen(this.picker, 'change', () => void this.select(this.picker.value)));
    this.store.add(listen(this.unitButtons.line, 'click', () => this.setUnit('line')));
    this.store.add(listen(this.unitButtons.instruction, 'click', () => this.setUnit('instruction')));
    this.store.add(listen(this.undoButton, 'click', () => this.undo()));
    this.store.add(listen(this.restartButton, 'click', () => this.restart()));
    this.store.add(listen(dialog, 'keydown', (e) => this.onKey(e)));
    this.store.add(listen(this.explorerButton, 'click', () => this.letExplorerFind()));
    this.store.add(listen(this.explorerShow, 'click', () => this.showFound()));
  }

  get isOpen(): boolean {
    return this.dialog.open;
  }

  /** open shows the dialog with a challenge (by name), the playground's program (CURRENT), or the last one. */
  async open(name?: string): Promise<string | null> {
    if (!this.dialog.open) this.dialog.showModal();
    this.session ??= this.createSession();
    await this.loadChallenges();
    // Reopening without a name goes back to the game in progress.
    const error =
      name === undefined && this.source ? null : await this.select(name ?? this.challenges[0]?.name ?? CURRENT);
    this.body.focus();
    return error;
  }

  close(): void {
    if (this.dialog.open) this.dialog.close();
  }

  /** names lists the challenges for the console's completion and help. */
  async names(): Promise<string[]> {
    await this.loadChallenges();
    return this.challenges.map((c) => c.name);
  }

  /** model exposes the game's state for tests. */
  model(): SchedulerModel {
    const threads = this.result?.manual?.threads ?? [];
    return {
      open: this.dialog.open,
      challenge: this.challenge?.name ?? CURRENT,
      status: this.status,
      steps: this.game.steps,
      unit: this.game.unit,
      choices: this.game.choices.map((c) => ({ thread: c.thread, unit: c.unit ?? 'line' })),
      banner: this.banner.textContent ?? '',
      output: this.output.textContent ?? '',
      variables: (this.result?.manual?.globals ?? []).map((g) => `${g.name} = ${g.value}`),
      threads: threads.map((t) => ({
        name: t.name,
        key: t.index,
        line: t.line,
        state: t.state,
        runnable: t.runnable,
        text: describeThread(t),
      })),
      explorer: {
        offered: this.tried,
        state: this.explorer.state,
        text: this.explorerText.textContent ?? '',
        narration: [...this.explorerList.children].map((li) => li.textContent ?? ''),
      },
    };
  }

  dispose(): void {
    this.session?.dispose();
    this.store.dispose();
  }

  // ---- challenges ----

  private loadChallenges(): Promise<void> {
    this.loaded ??= fetch(new URL('index.json', this.base))
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json();
      })
      .then((data: unknown) => {
        this.challenges = parseChallenges(data);
      })
      .catch(() => {
        this.challenges = [];
      })
      .finally(() => this.fillPicker());
    return this.loaded;
  }

  private fillPicker(): void {
    const options = this.challenges.map((c) => h('option', { value: c.name }, c.title));
    options.push(h('option', { value: CURRENT }, 'The program in the editor'));
    this.picker.replaceChildren(...options);
  }

  /** select loads a challenge or the editor's program and starts it; it returns an error text or null. */
  private async select(name: string): Promise<string | null> {
    const key = name.toLowerCase().replace(/_/g, '-').replace(/\.py$/, '');
    let source: string;
    let challenge: Challenge | null = null;
    if (key === CURRENT) {
      source = this.host.source();
      if (!usesThreads(source)) {
        this.showProblem(
          'The program in the editor starts no threads, so there is nothing to schedule. Pick a challenge, or write a program that imports threading.',
        );
        this.picker.value = CURRENT;
        return 'the program in the editor starts no threads';
      }
    } else {
      challenge = this.challenges.find((c) => c.name === key) ?? null;
      if (!challenge) {
        const known = this.challenges.map((c) => c.name).join(', ');
        return `no challenge named '${name}'; choose from ${known || '(none loaded)'} or current`;
      }
      try {
        const response = await fetch(new URL(challenge.file, this.base));
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        source = await response.text();
      } catch (error) {
        this.showProblem(
          `The challenge could not be loaded (${error instanceof Error ? error.message : String(error)}). Check the connection and pick it again.`,
        );
        return 'the challenge could not be loaded';
      }
    }
    this.challenge = challenge;
    this.picker.value = challenge?.name ?? CURRENT;
    this.source = source;
    this.game = new Game(challenge?.unit ?? 'line');
    this.result = null;
    this.tried = false;
    this.explorer = { state: 'idle', text: '', report: null };
    this.queue.length = 0;
    this.code.dispatch({
      changes: { from: 0, to: this.code.state.doc.length, insert: source },
      effects: [setTaskMarkers.of([]), setErrorMarker.of(null)],
    });
    setText(
      this.goal,
      challenge
        ? `Goal: ${challenge.goal}`
        : 'Goal: find an order of the threads that makes your program fail: an uncaught exception, a failed assert or a deadlock.',
    );
    this.replay();
    return null;
  }

  private showProblem(text: string): void {
    this.status = 'failed';
    this.failure = text;
    this.render();
  }

  // ---- actions: queued, each applied once the run before it has answered ----

  private act(action: () => boolean): void {
    this.queue.push(action);
    this.pump();
  }

  private pump(): void {
    while (!this.busy && this.queue.length > 0) {
      const action = this.queue.shift();
      if (action?.()) this.replay();
    }
  }

  // tryChoose adds a choice of thread (by id, against the latest run); false if it cannot run now.
  private tryChoose(id: number): boolean {
    const thread = this.result?.manual?.threads.find((t) => t.id === id);
    if (!thread || this.status !== 'choosing') return false;
    if (!thread.runnable) {
      this.flash(`${thread.name} cannot run now: ${describeThread(thread)}.`);
      return false;
    }
    this.game.choose(thread);
    return true;
  }

  private choose(thread: ManualThread): void {
    this.act(() => this.tryChoose(thread.id));
  }

  private chooseKey(key: string): void {
    this.act(() => {
      const thread = threadForKey(this.result?.manual, key);
      if (thread) return this.tryChoose(thread.id);
      if (this.status === 'choosing') this.flash(`No thread has the number ${key}.`);
      return false;
    });
  }

  private undo(): void {
    this.act(() => this.game.undo());
  }

  private restart(): void {
    this.act(() => {
      if (this.game.steps === 0) return false;
      this.game.restart();
      return true;
    });
  }

  private setUnit(unit: ManualUnit): void {
    this.act(() => {
      this.game.unit = unit;
      this.render();
      return false;
    });
  }

  private flash(text: string): void {
    setText(this.banner, text);
    this.banner.dataset.tone = 'info';
  }

  private onKey(e: KeyboardEvent): void {
    if (e.defaultPrevented || e.altKey || !this.source) return;
    const target = e.target instanceof HTMLElement ? e.target : null;
    if (target?.tagName === 'SELECT') return;
    const mod = e.ctrlKey || e.metaKey;
    let handled = true;
    if (mod && e.key.toLowerCase() === 'z') this.undo();
    else if (mod) handled = false;
    else if (/^[0-9]$/.test(e.key)) this.chooseKey(e.key);
    else if (e.key === 'Backspace') this.undo();
    else if (e.key === 'l' || e.key === 'L') this.setUnit('line');
    else if (e.key === 'i' || e.key === 'I') this.setUnit('instruction');
    else if (e.key === 'r' || e.key === 'R') this.restart();
    else if ((e.key === 'e' || e.key === 'E') && this.tried) this.letExplorerFind();
    else handled = false;
    if (handled) e.preventDefault();
  }

  // ---- runs ----

  private replay(): void {
    const session = this.session;
    if (!session) return;
    this.busy = true;
    this.status = 'busy';
    this.dialog.dataset.status = 'busy';
    const choices = this.game.choices.map((c) => ({ ...c }));
    session.start(
      this.source,
      { manual: true, choices, stepLimit: STEP_LIMIT },
      {
        onEvents: () => undefined,
        onProgress: () => undefined,
        onDone: (result) => {
          this.busy = false;
          this.result = result;
          if (result) {
            const v = verdict(result);
            this.status = v.kind;
            this.failure = v.kind === 'failed' ? v.message : '';
            if (v.kind === 'found' || v.kind === 'clean') this.tried = true;
          } else {
            this.status = 'failed';
            this.failure = 'The run did not answer in time. Undo the last choice or restart.';
          }
          this.render();
          this.pump();
        },
        onFailed: (message) => {
          this.busy = false;
          this.status = 'failed';
          this.failure = `The engine failed: ${message}. Restart to try again.`;
          this.render();
          this.pump();
        },
      },
      { maxEvents: 0, output: true },
    );
  }

  // ---- the explorer ----

  /** letExplorerFind searches the program's schedules once the student has tried an order of their own. */
  private letExplorerFind(): void {
    if (!this.tried || this.explorer.state === 'searching') return;
    this.act(() => {
      const session = this.session;
      if (!session) return false;
      const source = this.source;
      this.busy = true;
      this.explorer = { state: 'searching', text: 'The explorer is trying the orders…', report: null };
      this.render();
      const done = (state: 'found' | 'clean' | 'failed', text: string, report: ExploreReport | null) => {
        if (this.source !== source) return;
        this.busy = false;
        this.explorer = { state, text, report };
        this.render();
        this.pump();
      };
      session.explore(
        source,
        { stepLimit: STEP_LIMIT },
        {},
        {
          onProgress: (p) => {
            if (this.source !== source || this.explorer.state !== 'searching') return;
            this.explorer.text = `The explorer is trying the orders: ${p.explored.toLocaleString('en-US')} so far, at most ${p.bound} forced switch${p.bound === 1 ? '' : 'es'} each…`;
            this.render();
          },
          onDone: (report, stopped) => {
            const bug = report?.bugs[0];
            if (report && bug)
              done(
                'found',
                `${bugHeadline(bug)}. ${bug.narration.length === 1 ? 'The one switch it forced:' : `The ${bug.narration.length} switches it forced:`}`,
                report,
              );
            else if (report) done('clean', coverageMessage(report, stopped), report);
            else done('failed', 'The explorer was stopped.', null);
          },
          onFailed: (message) => done('failed', `The explorer failed: ${message}.`, null),
        },
      );
      return false;
    });
  }

  // showFound opens the failing schedule as a run in the playground, on its timeline.
  private showFound(): void {
    const bug = this.explorer.report?.bugs[0];
    if (!bug || !this.host.openSchedule) return;
    this.host.openSchedule(this.source, bug.schedule);
    this.close();
  }

  private renderExplorer(): void {
    const e = this.explorer;
    this.explorerBox.hidden = !this.tried;
    this.explorerBox.dataset.state = e.state;
    this.explorerButton.disabled = e.state === 'searching';
    setText(this.explorerText, e.text);
    this.explorerText.hidden = e.text === '';
    const narration = e.state === 'found' ? (e.report?.bugs[0]?.narration ?? []) : [];
    if (
      this.explorerList.children.length !== narration.length ||
      narration.some((n, i) => this.explorerList.children[i]?.textContent !== n)
    ) {
      this.explorerList.replaceChildren(...narration.map((n) => h('li', {}, n)));
    }
    this.explorerList.hidden = narration.length === 0;
    this.explorerShow.hidden = e.state !== 'found' || !this.host.openSchedule;
  }

  // ---- drawing ----

  private render(): void {
    const result = this.result;
    const manual = result?.manual;
    const threads = manual?.threads ?? [];
    this.dialog.dataset.status = this.status;
    this.dialog.dataset.steps = String(this.game.steps);
    setText(this.steps, `Step ${this.game.steps}`);
    for (const unit of ['line', 'instruction'] as const)
      this.unitButtons[unit].setAttribute('aria-pressed', String(this.game.unit === unit));
    this.undoButton.disabled = this.game.steps === 0;
    this.restartButton.disabled = this.game.steps === 0;
    this.renderBanner(result);
    this.renderExplorer();
    const choosing = this.status === 'choosing';
    const items = threads.map((t) => {
      const button = h(
        'button',
        {
          type: 'button',
          class: 'scheduler-run',
          'data-thread': t.name,
          disabled: !choosing || !t.runnable,
          style: `--task-color: ${taskColor(t.index)}`,
          'aria-keyshortcuts': t.index <= 9 ? String(t.index) : undefined,
        },
        t.index <= 9 ? h('kbd', {}, String(t.index)) : null,
        ` Run ${t.name} ${UNIT_WORD[this.game.unit]}`,
      );
      button.addEventListener('click', () => this.choose(t));
      return h('li', { 'data-state': t.state }, button, h('span', { class: 'scheduler-where' }, describeThread(t)));
    });
    // Redrawing the list must not drop keyboard focus out of the dialog.
    const focused =
      document.activeElement instanceof HTMLElement && this.threadList.contains(document.activeElement)
        ? document.activeElement.dataset.thread
        : undefined;
    this.threadList.replaceChildren(...items);
    if (focused !== undefined) {
      const again = [...this.threadList.querySelectorAll<HTMLButtonElement>('.scheduler-run')].find(
        (b) => b.dataset.thread === focused && !b.disabled,
      );
      (again ?? this.body).focus();
    }
    const globals = manual?.globals ?? [];
    this.variables.replaceChildren(
      ...(globals.length > 0
        ? globals.flatMap((g) => [h('dt', {}, g.name), h('dd', {}, g.value)])
        : [h('dd', { class: 'hint' }, result ? 'No global holds a number, string or list.' : '')]),
    );
    const stdout = result?.output ?? '';
    const stderr = result?.errorOutput ?? '';
    setText(this.output, stdout + stderr || (result ? '(nothing printed yet)' : ''));
    const markers: TaskMarker[] = threads
      .filter((t) => t.state !== 'done' && t.line > 0)
      .map((t) => ({
        line: t.line,
        task: t.id,
        name: t.name,
        colorIndex: t.index,
        state: MARKER_STATE[t.state],
        detail: describeThread(t),
      }));
    // The thread that ran last (or the first that can run) stays in sight in a long program.
    const lead =
      threads.find((t) => t.state === 'running' && t.line > 0) ?? threads.find((t) => t.runnable && t.line > 0);
    const doc = this.code.state.doc;
    const scroll =
      lead && lead.line <= doc.lines
        ? EditorView.scrollIntoView(doc.line(lead.line).from, { y: 'nearest', yMargin: 48 })
        : [];
    const error =
      result?.error && result.error.line > 0
        ? { line: result.error.line, message: `${result.error.type}: ${result.error.message}` }
        : null;
    this.code.dispatch({
      effects: [setTaskMarkers.of(markers), setErrorMarker.of(error), ...(Array.isArray(scroll) ? scroll : [scroll])],
    });
  }

  private renderBanner(result: RunResult | null): void {
    let text = '';
    let tone = '';
    const v = result ? verdict(result) : null;
    if (this.status === 'failed') {
      text = this.failure;
      tone = 'error';
    } else if (v?.kind === 'found') {
      text = `You found it: ${v.summary}${this.challenge ? `\n${this.challenge.explanation}` : ''}`;
      tone = 'found';
    } else if (v?.kind === 'clean') {
      text = 'No bug this time: undo and try another order.';
      tone = 'clean';
    } else if (v?.kind === 'choosing') {
      const runnable = result?.manual?.threads.filter((t) => t.runnable).map((t) => t.name) ?? [];
      text =
        this.game.steps === 0
          ? `Your move: ${runnable.join(' or ')} can run. Pick one.`
          : `${runnable.join(' or ')} can run next.`;
      const holder = result?.manual?.threads.find((t) => t.state === 'running' && t.runnable);
      if (holder && runnable.length > 1) text += `\n${switchNote(holder.name, result?.manual?.atCheck ?? true)}`;
      tone = 'info';
    }
    setText(this.banner, text);
    this.banner.dataset.tone = tone;
  }
}

/** switchNote says whether CPython 3.11 itself could switch away from holder at this point. */
export function switchNote(holder: string, atCheck: boolean): string {
  return atCheck
    ? `Switching away from ${holder} here is a switch CPython 3.11 can make: its GIL checks for one at this point.`
    : `Switching away from ${holder} here is possible only without the GIL (a free-threaded build, another Python): CPython 3.11 checks for a switch only at loop jumps, calls and function starts.`;
}
