// App: composes the page. It owns the player and the engine session, runs programs
// (recordRun streams their events into a trace), and on every animation frame (while something
// changes) rebuilds the snapshot at the playhead and hands it to each view.
import type { RunResult } from '../../engine/client';
import {
  type EngineOptions,
  type ExploreBug,
  type ExploreOptions,
  type ExploreReport,
  type RunProgress,
  type StopReason,
  isSchedule,
} from '../../engine/protocol';
import { EngineSession } from '../../engine/session';
import { type Settings, toEngineOptions } from '../../engine/settings';
import type { Pace } from '../../player/clock';
import { formatSeconds } from '../../player/format';
import { Player } from '../../player/player';
import { type Snapshot, snapshot } from '../../player/snapshot';
import { MAX_EVENTS, finishTrace, recordRun } from '../../player/recording';
import type { Trace } from '../../player/trace';
import { Classroom } from '../classroom/classroom';
import { CompareView } from '../compare/compare';
import { Exporter, hostOf } from '../export/menu';
import { type Disposable, DisposableStore, byId, h, listen, setText, warmNumberFormat } from '../dom';
import { CodeEditor } from '../editor/editor';
import { type TaskMarker, markersOf } from '../editor/markers';
import { type Example, Gallery } from '../examples/gallery';
import { renderHelp } from '../help/help';
import { ExplorePanel } from '../explore/panel';
import {
  KILLED_MESSAGE,
  NOT_EXPLORABLE,
  bugDetail,
  bugHeadline,
  coverageMessage,
  explorable,
  progressLine,
} from '../run/explore';
import { lostAlert, lostStatus, lostText } from '../run/lost';
import { SettingsPanel } from '../settings/panel';
import { summary } from '../settings/settings';
import { isShareFragment } from '../share/link';
import { TasksPanel } from '../tasks/panel';
import { ConsoleInput } from '../terminal/console-input';
import { OutputTerminal } from '../terminal/terminal';
import { renderLegend } from '../timeline/legend';
import { type ForcedSwitch, forcedAt, forcedCaption, forcedSwitches } from '../timeline/forced';
import { TimelineView } from '../timeline/timeline';
import { Transport } from '../transport/transport';
import { setIconLabel } from '../icons';
import { CommandTable } from './commands';
import { compareSpec } from './compare-spec';
import { type Prefs, storage } from './storage';

/** MARKER_MS is the least time between moves of the editor's task chips during playback. */
const MARKER_MS = 100;

export type StatusTone = 'idle' | 'busy' | 'ok' | 'error';

interface RunState {
  id: number;
  source: string;
  startedAt: number;
  firstFrameMs: number | null;
  done: boolean;
  result: RunResult | null;
  stopped: StopReason | null;
  failure: string;
  progress: RunProgress | null;
}

/** EXPLORE_STEPS bounds each schedule of a search in the page, so one schedule that hangs costs a fraction of a second, not the run's 20 M steps. */
export const EXPLORE_STEPS = 2_000_000;

/** ExploreState is one "Find a bug" search: what it explores and, once done, what it found. */
interface ExploreState {
  id: number;
  source: string;
  settings: Settings;
  startedAt: number;
  done: boolean;
  report: ExploreReport | null;
  bug: ExploreBug | null;
}

// loadXterm fetches xterm.js and its styles on the terminal's first use (ui/terminal/terminal.ts).
const loadXterm = () =>
  Promise.all([import('../terminal/xterm-view'), import('../terminal/xterm-styles')]).then(([m]) => m.XtermView);

export class App implements Disposable {
  readonly player = new Player(() => performance.now());
  readonly session: EngineSession;
  readonly editor: CodeEditor;
  readonly terminal: OutputTerminal;
  readonly console: ConsoleInput;
  readonly tasks: TasksPanel;
  readonly timeline: TimelineView;
  readonly transport: Transport;
  readonly classroom: Classroom;
  readonly settingsPanel: SettingsPanel;
  readonly compare: CompareView;
  readonly exporter: Exporter;
  readonly gallery: Gallery;
  /** commands is the console's command table; features register their commands into it. */
  readonly commands: CommandTable;
  settings: Settings;
  prefs: Prefs;
  run: RunState | null = null;
  /** exploration is the latest Find a bug search (null before the first). */
  exploration: ExploreState | null = null;
  /** scheduleSource is the program the settings' schedule was found for; Run drops the schedule when the code differs. */
  scheduleSource: string | null = null;
  readonly explorePanel: ExplorePanel;
  /** engineOverrides are merged into every run's options (tests: traceLines, stepLimit). */
  engineOverrides: Partial<EngineOptions> = {};
  snap: Snapshot | null = null;
  example: Example | null = null;
  /** ready resolves once the examples are listed (and the default one shown on a first visit). */
  readonly ready: Promise<void>;
  private readonly store = new DisposableStore();
  private readonly runButton = byId<HTMLButtonElement>('run');
  private readonly stopButton = byId<HTMLButtonElement>('stop');
  private readonly exploreButton = byId<HTMLButtonElement>('explore');
  // forced caches the forced switches of the trace on screen (rebuilt when its version changes).
  private forced: { trace: Trace | null; version: number; list: ForcedSwitch[] } = {
    trace: null,
    version: -1,
    list: [],
  };
  // seekFirstForced is set for a run opened from a found bug: once done, the player stops at its first forced switch.
  private seekFirstForced: RunState | null = null;
  private readonly status = byId<HTMLElement>('status');
  private readonly progress = byId<HTMLElement>('progress');
  private readonly settingsSummary = byId<HTMLElement>('settings-summary');
  private readonly exampleSelect = byId<HTMLSelectElement>('example-select');
  private readonly exampleNote = byId<HTMLDetailsElement>('example-note');
  private readonly settingsDrawer = byId<HTMLElement>('settings-drawer');
  private readonly settingsButton = byId<HTMLButtonElement>('settings-button');
  private readonly helpDialog = byId<HTMLDialogElement>('help-dialog');
  private stampsButton: HTMLButtonElement | null = null;
  private lost: HTMLElement | null = null;
  private frame = 0;
  private dirty = true;
  private lastVersion = -1;
  private codeChanged = false;
  private saveTimer = 0;
  private rerunTimer = 0;
  private markerAt = -Infinity;
  private markerTimer = 0;
  private pendingMarkers: TaskMarker[] | null = null;

  constructor(
    createWorker: () => Worker,
    readonly examplesBase: URL,
  ) {
    this.settings = storage.settings();
    this.prefs = storage.prefs();
    this.player.setPace(this.prefs.pace);
    this.session = new EngineSession(createWorker);
    this.session.onWarmFailed = (message) => this.setStatus(`The engine could not load: ${message}`, 'error');
    this.session.warm();
    warmNumberFormat();
    this.store.add(this.session);
    this.store.add({ dispose: () => clearTimeout(this.markerTimer) });
    this.gallery = new Gallery(examplesBase);
    this.commands = new CommandTable(this);

    const saved = storage.source();
    if (this.settings.schedule !== null) this.scheduleSource = saved;
    this.editor = this.store.add(
      new CodeEditor(byId('editor'), saved ?? '', {
        onChange: (text) => this.onCodeChange(text),
        onRun: () => this.start(),
      }),
    );
    this.terminal = this.store.add(
      new OutputTerminal(
        byId('terminal'),
        {
          onSeekPrint: (seq) => this.seekToEvent(seq),
          onSourceLine: (line) => this.editor.revealLine(line, true),
        },
        loadXterm,
      ),
    );
    this.terminal.timestamps = this.prefs.timestamps;
    this.console = this.store.add(
      new ConsoleInput(byId('console-slot'), {
        onCommand: (line) => this.commands.execute(line),
        onCompletions: (options) => this.note(options.join('  '), 'dim'),
        examples: () => this.gallery.examples.map((e) => e.name),
        onClear: () => this.terminal.clear(),
      }),
    );
    const stamps = h(
      'button',
      {
        type: 'button',
        class: 'console-toggle',
        'aria-pressed': String(this.prefs.timestamps),
        title: 'Prefix output lines with their simulated time',
      },
      'timestamps',
    );
    this.console.element.append(stamps);
    this.store.add(listen(stamps, 'click', () => this.setTimestamps(!this.terminal.timestamps)));
    this.stampsButton = stamps;
    this.tasks = this.store.add(
      new TasksPanel(byId('tasks'), { onLine: (line) => this.editor.revealLine(line, true) }),
    );
    this.timeline = this.store.add(new TimelineView(byId('timeline'), { onSeek: (t) => this.seek(t) }));
    renderLegend(byId('legend'));
    this.transport = this.store.add(
      new Transport(byId('transport-slot'), byId('clock-slot'), {
        toStart: () => this.command(() => this.player.toStart()),
        prevSwitch: () => this.stepSwitch(-1),
        prevEvent: () => this.command(() => this.player.stepEvent(-1)),
        toggle: () => this.togglePlay(),
        nextEvent: () => this.command(() => this.player.stepEvent(1)),
        nextSwitch: () => this.stepSwitch(1),
        toEnd: () => this.command(() => this.player.toEnd()),
        setPace: (pace) => this.setPace(pace),
        seek: (t) => this.seek(t),
      }),
    );
    this.settingsPanel = this.store.add(
      new SettingsPanel(byId('settings-body'), this.settings, (s) => this.applySettings(s, true)),
    );
    this.compare = this.store.add(
      new CompareView(byId<HTMLDialogElement>('compare-dialog'), () => new EngineSession(createWorker)),
    );
    this.exporter = this.store.add(new Exporter(hostOf(this), byId('compare-button')));
    this.classroom = this.store.add(
      new Classroom(
        {
          player: this.player,
          terminal: this.terminal,
          timeline: this.timeline,
          source: () => this.run?.source ?? this.editor.text,
          busy: () => this.run !== null && !this.run.done,
          note: (text, tone) => this.note(text, tone),
          refresh: () => this.command(() => undefined),
        },
        document.querySelector<HTMLElement>('.playbar') ?? document.body,
      ),
    );
    renderHelp(this.helpDialog);
    this.explorePanel = this.store.add(
      new ExplorePanel(document.querySelector<HTMLElement>('.playbar') ?? document.body, {
        stop: () => this.stop(),
        seek: (seq) => this.seekToEvent(seq),
        compare: () => this.compareFound(),
        normal: () => this.normalScheduler(),
        again: () => this.findBug(),
      }),
    );

    this.store.add(listen(this.runButton, 'click', () => this.start()));
    this.store.add(listen(this.stopButton, 'click', () => this.stop()));
    this.store.add(listen(this.exploreButton, 'click', () => this.findBug()));
    this.store.add(listen(this.settingsButton, 'click', () => this.toggleSettings()));
    this.store.add(listen(byId('settings-close'), 'click', () => this.toggleSettings(false)));
    this.store.add(listen(byId('help-button'), 'click', () => this.toggleHelp()));
    this.store.add(listen(byId('compare-button'), 'click', () => void this.openCompare([])));
    this.store.add(listen(this.exampleSelect, 'change', () => void this.loadExample(this.exampleSelect.value)));
    this.store.add(listen(window, 'beforeunload', () => storage.saveSource(this.editor.text)));

    const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
    this.runButton.title = `Run (${isMac ? '⌘' : 'Ctrl'}+Enter)`;
    this.exploreButton.title = `Find a bug: explore the orders the threads or tasks can run in and show the one that breaks the program (${isMac ? '⌘' : 'Ctrl'}+Shift+Enter)`;
    this.updateExploreButton(this.editor.text);
    setText(this.settingsSummary, summary(this.settings));
    this.setStatus(
      saved === null ? 'Pick an example or write a program, then press Run.' : 'Your program was restored. Press Run.',
      'idle',
    );
    this.note('Interleave — Python on a simulated clock. Type help for commands.', 'dim');
    this.ready = this.initExamples(saved === null && !isShareFragment(location.hash));
    this.requestFrame();
  }

  // ---- runs -------------------------------------------------------------------------------

  /** start runs the editor's program with the current settings. */
  start(): void {
    const source = this.editor.text;
    storage.saveSource(source);
    clearTimeout(this.rerunTimer);
    this.endExploration();
    if (this.settings.schedule !== null && this.scheduleSource !== null && this.scheduleSource !== source) {
      this.applySettings({ ...this.settings, schedule: null }, false);
      this.note('The program changed since its schedule was found, so this run uses the normal scheduler.', 'dim');
    }
    if (this.settings.schedule === null) this.explorePanel.hide();
    this.lost?.remove();
    this.terminal.restart();
    this.codeChanged = false;
    this.editor.setError(null);
    const run: RunState = {
      id: 0,
      source,
      startedAt: performance.now(),
      firstFrameMs: null,
      done: false,
      result: null,
      stopped: null,
      failure: '',
      progress: null,
    };
    this.run = run;
    this.setRunning(true);
    this.setStatus('Running…', 'busy');
    const recording = recordRun(
      this.session,
      source,
      { ...toEngineOptions(this.settings), ...this.engineOverrides },
      {
        onEvents: () => {
          if (this.run !== run) return;
          this.dirty = true;
          this.requestFrame();
        },
        onProgress: (p) => {
          if (this.run !== run) return;
          run.progress = p;
          setText(this.progress, `${p.events.toLocaleString()} events · ${formatSeconds(p.time)} simulated`);
        },
        onEnd: (result, stopped, failure) => this.finish(run, result, stopped, failure),
      },
    );
    run.id = recording.id;
    this.player.load(recording.trace);
    this.timeline.setTrace(recording.trace);
    this.player.play();
    this.dirty = true;
    this.requestFrame();
  }

  stop(): void {
    if (!this.busy) return;
    this.setStatus('Stopping…', 'busy');
    this.session.stop();
  }

  /** busy is true while a run executes or the explorer searches. */
  get busy(): boolean {
    return (this.run !== null && !this.run.done) || (this.exploration !== null && !this.exploration.done);
  }

  // ---- find a bug ---------------------------------------------------------------------------

  /** findBug explores the editor's program's schedules; a bug found opens as a run of its schedule. */
  findBug(explore: ExploreOptions = {}): void {
    const source = this.editor.text;
    if (!explorable(source)) {
      this.setStatus(NOT_EXPLORABLE, 'error');
      this.note(NOT_EXPLORABLE, 'error');
      return;
    }
    storage.saveSource(source);
    clearTimeout(this.rerunTimer);
    this.lost?.remove();
    if (this.settings.schedule !== null && this.scheduleSource !== source)
      this.applySettings({ ...this.settings, schedule: null }, false);
    if (this.run && !this.run.done) this.finish(this.run, null, 'cancelled', '');
    this.endExploration();
    // The search ignores a schedule being replayed: it explores the program's own choices.
    const settings = { ...this.settings, schedule: null };
    const state: ExploreState = {
      id: 0,
      source,
      settings,
      startedAt: performance.now(),
      done: false,
      report: null,
      bug: null,
    };
    this.exploration = state;
    const fromButton = document.activeElement === this.exploreButton;
    this.explorePanel.exploring(null);
    this.setExploring(true);
    if (fromButton) this.explorePanel.focusStop();
    this.setStatus('Finding a bug: the explorer is searching the schedules…', 'busy');
    setText(this.progress, '');
    state.id = this.session.explore(
      source,
      { ...toEngineOptions(settings), ...this.engineOverrides },
      { steps: EXPLORE_STEPS, ...explore },
      {
        onProgress: (p) => {
          if (this.exploration !== state || state.done) return;
          this.explorePanel.exploring(p);
          setText(this.progress, progressLine(p));
        },
        onDone: (report, stopped) => this.explored(state, report, stopped, ''),
        onFailed: (reason) => this.explored(state, null, null, reason),
      },
    );
  }

  private explored(
    state: ExploreState,
    report: ExploreReport | null,
    stopped: 'cancelled' | null,
    failure: string,
  ): void {
    if (this.exploration !== state || state.done) return;
    state.done = true;
    state.report = report;
    this.setExploring(false);
    queueMicrotask(() => this.explorePanel.focusVerdict());
    const wall = ((performance.now() - state.startedAt) / 1000).toFixed(2);
    if (failure) {
      this.explorePanel.failed(`${lostStatus(failure)} Your program is kept. Find a bug again starts a fresh engine.`);
      this.setStatus(lostStatus(failure), 'error');
      this.note(lostText(failure), 'error');
      return;
    }
    if (!report) {
      this.explorePanel.clean(KILLED_MESSAGE);
      this.setStatus('Stopped', 'idle');
      return;
    }
    setText(this.progress, `${report.explored.toLocaleString()} schedules · ${wall} s real`);
    const bug = report.bugs[0];
    if (report.error) {
      const message = coverageMessage(report, stopped);
      this.explorePanel.failed(message);
      this.setStatus(message, 'error');
      this.note(message, 'error');
      return;
    }
    if (!bug) {
      const message = coverageMessage(report, stopped);
      this.explorePanel.clean(message);
      this.setStatus(message, stopped ? 'idle' : 'ok');
      this.note(message, stopped ? 'dim' : 'ok');
      return;
    }
    state.bug = bug;
    const headline = bugHeadline(bug);
    this.explorePanel.found(headline, bugDetail(bug, report), report.passing !== null);
    this.note(headline, 'error');
    if (this.editor.text !== state.source) {
      this.note(
        'The program changed while the explorer searched, so its failing schedule is not replayed. Press Find a bug again.',
        'error',
      );
      return;
    }
    this.applySettings({ ...this.settings, schedule: bug.schedule }, false);
    this.scheduleSource = state.source;
    this.start();
    this.seekFirstForced = this.run;
  }

  // endExploration abandons a search still in progress (a new run or search replaces it).
  private endExploration(): void {
    const state = this.exploration;
    if (state && !state.done) {
      state.done = true;
      this.setExploring(false);
      this.explorePanel.hide();
    }
  }

  /** compareFound opens Compare: the failing schedule beside a passing one (or the normal scheduler). */
  compareFound(): void {
    const source = this.editor.text;
    const schedule = this.settings.schedule ?? this.exploration?.bug?.schedule ?? null;
    if (schedule === null) {
      this.note('There is no failing schedule to compare: press Find a bug first.', 'error');
      return;
    }
    const reported = this.exploration?.bug?.schedule === schedule ? (this.exploration.report?.passing ?? null) : null;
    const passing = isSchedule(reported) ? reported : null;
    const settings = { ...this.settings, schedule: null };
    this.compare.open({
      a: { label: 'the failing schedule', source, settings: { ...settings, schedule } },
      b: {
        label: passing ? 'a passing schedule' : 'the normal scheduler',
        source,
        settings: { ...settings, schedule: passing },
      },
    });
  }

  /** normalScheduler drops the found schedule and runs the program under the normal scheduler. */
  normalScheduler(): void {
    this.applySettings({ ...this.settings, schedule: null }, false);
    this.explorePanel.hide();
    this.note('Back to the normal scheduler: Run no longer replays the found schedule.', 'dim');
    this.start();
  }

  /** openSchedule shows a program with a schedule to replay (the scheduler game's "show it"), keeping the editor's program. */
  openSchedule(source: string, schedule: string, keep: (source: string, settings: Settings) => boolean): void {
    const current = this.editor.text;
    let kept = false;
    if (current.trim() !== '' && current !== source) kept = keep(current, this.settings);
    if (current !== source) this.editor.setText(source);
    storage.saveSource(source);
    this.example = null;
    this.exampleNote.hidden = true;
    this.exampleSelect.value = '';
    this.applySettings({ ...this.settings, schedule }, false);
    this.scheduleSource = source;
    if (kept) this.note('Your previous program is kept: type restore to bring it back.', 'info');
    this.start();
    this.seekFirstForced = this.run;
  }

  private setExploring(on: boolean): void {
    this.exploreButton.disabled = on;
    this.stopButton.disabled = !on && !(this.run !== null && !this.run.done);
    document.body.classList.toggle('is-exploring', on);
  }

  private updateExploreButton(source: string): void {
    const ok = explorable(source);
    this.exploreButton.setAttribute('aria-disabled', String(!ok));
    this.exploreButton.dataset.reason = ok ? '' : NOT_EXPLORABLE;
  }

  private finish(run: RunState, result: RunResult | null, stopped: StopReason | null, failure: string): void {
    if (this.run !== run) return;
    run.done = true;
    run.result = result;
    run.stopped = stopped;
    run.failure = failure;
    const trace = this.player.trace;
    finishTrace(trace, result);
    this.setRunning(false);
    const wall = ((performance.now() - run.startedAt) / 1000).toFixed(2);
    const counts = `${trace.count.toLocaleString()} events${result ? ` · ${result.steps.toLocaleString()} steps` : ''} · ${wall} s real`;
    setText(this.progress, counts);
    if (failure) {
      this.setStatus(lostStatus(failure), 'error');
      this.note(lostText(failure), 'error');
      this.lost = lostAlert(failure, () => this.start());
      byId('terminal').before(this.lost);
    } else if (stopped === 'cancelled') {
      this.setStatus(`Stopped after ${formatSeconds(trace.endTime)} simulated`, 'idle');
      this.note('stopped', 'dim');
    } else if (stopped === 'event-limit') {
      this.setStatus(
        `Stopped: the run produced over ${MAX_EVENTS.toLocaleString()} events (the page's limit)`,
        'error',
      );
      this.note(
        `Stopped after ${MAX_EVENTS.toLocaleString()} events, the page's limit. Playback covers what ran until then.`,
        'error',
      );
    } else if (result?.error) {
      this.setStatus(
        `${result.error.type} after ${formatSeconds(result.elapsed)} simulated${result.error.line ? ` (line ${result.error.line})` : ''}`,
        'error',
      );
      this.editor.setError(
        result.error.line > 0
          ? { line: result.error.line, message: `${result.error.type}: ${result.error.message}` }
          : null,
      );
    } else {
      this.setStatus(`Finished in ${formatSeconds(result?.elapsed ?? trace.endTime)} simulated`, 'ok');
    }
    if (this.seekFirstForced === run) {
      this.seekFirstForced = null;
      const first = this.forcedList()[0];
      if (first && !failure) {
        this.seekToEvent(first.seq);
        this.setStatus(
          `${this.status.textContent ?? ''} · paused at forced switch 1 (Space plays)`,
          result?.error ? 'error' : 'ok',
        );
      }
    }
    this.dirty = true;
    this.requestFrame();
  }

  /** forcedList is the forced switches of the run on screen. */
  forcedList(): ForcedSwitch[] {
    const trace = this.player.trace;
    const f = this.forced;
    if (f.trace !== trace || f.version !== trace.version) {
      const list = f.trace === trace && trace.forced.length === f.list.length ? f.list : forcedSwitches(trace);
      this.forced = { trace, version: trace.version, list };
    }
    return this.forced.list;
  }

  // ---- playback commands ------------------------------------------------------------------

  command(action: () => void): void {
    action();
    this.dirty = true;
    this.requestFrame();
  }

  togglePlay(): void {
    this.command(() => this.player.toggle());
  }

  seek(time: number): void {
    this.command(() => this.player.seek(time));
  }

  seekToEvent(seq: number): void {
    const trace = this.player.trace;
    if (seq < 0 || seq >= trace.count) return;
    this.command(() => {
      this.player.pause();
      this.player.moveTo({ time: trace.time.data[seq], seq });
    });
  }

  stepSwitch(direction: 1 | -1): void {
    this.command(() => {
      if (!this.player.stepSwitch(direction))
        this.setStatus(direction > 0 ? 'No later task switch.' : 'No earlier task switch.', 'idle');
    });
  }

  setPace(pace: Pace): void {
    this.player.setPace(pace);
    this.prefs.pace = pace;
    storage.savePrefs(this.prefs);
    this.dirty = true;
    this.requestFrame();
  }

  // ---- settings, examples, compare ----------------------------------------------------------

  /** applySettings stores new settings; rerun re-runs the program when a run is on screen. */
  applySettings(s: Settings, rerun: boolean): void {
    if (s.schedule !== null && s.schedule !== this.settings.schedule) this.scheduleSource = this.editor.text;
    this.settings = s;
    this.settingsPanel.set(s);
    storage.saveSettings(s);
    setText(this.settingsSummary, summary(s));
    if (rerun && this.run && !this.codeChanged) {
      clearTimeout(this.rerunTimer);
      this.rerunTimer = window.setTimeout(() => this.start(), 250);
    }
  }

  toggleSettings(open = this.settingsDrawer.hidden): void {
    const wasOpen = !this.settingsDrawer.hidden;
    this.settingsDrawer.hidden = !open;
    this.settingsButton.setAttribute('aria-expanded', String(open));
    if (open) this.settingsDrawer.querySelector<HTMLElement>('input')?.focus();
    else if (wasOpen) this.settingsButton.focus();
  }

  toggleHelp(): void {
    if (this.helpDialog.open) this.helpDialog.close();
    else this.helpDialog.showModal();
  }

  async loadExample(name: string): Promise<boolean> {
    const example = this.gallery.find(name);
    if (!example) {
      this.note(`no example '${name}'; type examples for the list`, 'error');
      return false;
    }
    try {
      const source = await this.gallery.source(example);
      this.example = example;
      this.editor.setText(source);
      storage.saveSource(source);
      this.prefs.example = example.name;
      storage.savePrefs(this.prefs);
      if (!example.variant) this.exampleSelect.value = example.name;
      this.showExampleNote(example);
      this.applySettings({ ...this.settings, ...example.settings, schedule: null }, false);
      this.setStatus(`Loaded “${example.title}”. Press Run.`, 'idle');
      this.note(`Loaded the example ${example.name}; Ctrl+Z in the editor brings back the previous program.`, 'dim');
      return true;
    } catch (error) {
      this.note(error instanceof Error ? error.message : String(error), 'error');
      return false;
    }
  }

  /** openCompare compares the program under two settings: args like ["gil", "off"], or the example's pair. */
  async openCompare(args: string[]): Promise<void> {
    const spec = await compareSpec(this, args);
    if (typeof spec === 'string') {
      this.note(spec, 'error');
      return;
    }
    this.compare.open(spec);
  }

  // ---- terminal and status ------------------------------------------------------------------

  /** setTimestamps turns time prefixes on or off and rewrites the output shown so far. */
  setTimestamps(on: boolean): void {
    this.terminal.timestamps = on;
    this.prefs.timestamps = on;
    storage.savePrefs(this.prefs);
    this.stampsButton?.setAttribute('aria-pressed', String(on));
    this.terminal.restart();
    this.dirty = true;
    this.requestFrame();
  }

  note(text: string, tone: 'info' | 'command' | 'error' | 'dim' | 'ok' = 'info'): void {
    this.terminal.writeNote(text, tone);
    this.terminal.scrollToBottom();
  }

  setStatus(text: string, tone: StatusTone): void {
    setText(this.status, text);
    this.status.dataset.tone = tone;
  }

  dispose(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.store.dispose();
  }

  // ---- frame ----------------------------------------------------------------------------------

  requestFrame(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  /** flush renders now instead of at the next animation frame (tests read the result). */
  flush(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.render();
  }

  private render(): void {
    const player = this.player;
    const trace = player.trace;
    const ticked = player.tick();
    const moved = this.classroom.beforeFrame() || ticked;
    if (trace.version !== this.lastVersion) {
      this.lastVersion = trace.version;
      this.timeline.refresh();
      this.dirty = true;
    }
    if (moved || this.dirty) {
      this.dirty = false;
      const ph = player.playhead;
      const snap = snapshot(trace, ph);
      this.snap = snap;
      this.tasks.update(trace.count > 0 ? snap : null);
      const forced = this.forcedList();
      const at = forcedAt(forced, ph, trace);
      this.tasks.setForced(
        at >= 0
          ? forcedCaption(forced, at)
          : forced.length > 0
            ? `${forced.length} forced switch${forced.length === 1 ? '' : 'es'} in this run: the first is at ${formatSeconds(forced[0].time)}.`
            : null,
      );
      if (forced.length > 0 && !this.explorePanel.visible) this.explorePanel.replay();
      this.explorePanel.setForced(forced, at);
      this.showMarkers(markersOf(snap), player.playing);
      this.terminal.follow(trace, ph);
      this.classroom.afterFrame();
      this.timeline.setPlayhead(ph.time, player.playing);
      this.transport.update({
        playing: player.playing,
        waiting: player.waiting,
        time: ph.time,
        end: trace.endTime,
        complete: trace.complete,
        position: snap.position,
        events: trace.count,
        pace: player.clock.pace,
        hasRun: trace.count > 0 || this.run !== null,
      });
      const run = this.run;
      if (run && run.firstFrameMs === null && trace.count > 0) run.firstFrameMs = performance.now() - run.startedAt;
    } else if (this.terminal.behind) {
      this.terminal.follow(trace, player.playhead);
    }
    if (player.playing || this.busy || this.terminal.behind) this.requestFrame();
  }

  // showMarkers puts the task chips on their lines. During playback they move at most every
  // MARKER_MS: each move rebuilds the editor's decorations and lays the page out again, and at
  // 60 frames a second that alone took 20-50 ms a frame; paused or stepping, they move at once.
  private showMarkers(markers: TaskMarker[], playing: boolean): void {
    const now = performance.now();
    if (playing && now - this.markerAt < MARKER_MS) {
      this.pendingMarkers = markers;
      if (!this.markerTimer) {
        this.markerTimer = window.setTimeout(
          () => {
            this.markerTimer = 0;
            const pending = this.pendingMarkers;
            this.pendingMarkers = null;
            this.markerAt = performance.now();
            if (pending) this.editor.setMarkers(pending);
          },
          MARKER_MS - (now - this.markerAt),
        );
      }
      return;
    }
    clearTimeout(this.markerTimer);
    this.markerTimer = 0;
    this.pendingMarkers = null;
    this.markerAt = now;
    this.editor.setMarkers(markers);
  }

  private setRunning(on: boolean): void {
    this.runButton.disabled = false;
    setIconLabel(this.runButton, on ? 'restart' : 'run', on ? 'Restart' : 'Run');
    this.stopButton.disabled = !on && !(this.exploration !== null && !this.exploration.done);
    document.body.classList.toggle('is-running', on);
  }

  private onCodeChange(text: string): void {
    this.codeChanged = true;
    clearTimeout(this.saveTimer);
    this.saveTimer = window.setTimeout(() => {
      storage.saveSource(text);
      this.updateExploreButton(text);
      void this.forgetEditedExample(text);
    }, 300);
  }

  // forgetEditedExample drops the example's note once the program is no longer the example.
  private async forgetEditedExample(text: string): Promise<void> {
    const example = this.example;
    if (!example) return;
    const original = await this.gallery.source(example).catch(() => '');
    if (this.example !== example || original.trim() === text.trim()) return;
    if (original && similarity(original, text) > 0.5) return;
    this.example = null;
    this.exampleNote.hidden = true;
    this.exampleSelect.value = '';
  }

  private showExampleNote(example: Example): void {
    this.exampleNote.hidden = false;
    this.exampleNote.open = false;
    this.exampleNote.replaceChildren(
      h(
        'summary',
        { title: 'What this example shows' },
        h('strong', {}, example.title),
        h('span', { class: 'example-kind' }, example.kind),
        h('span', { class: 'example-teaser' }, example.explanation),
      ),
      h('p', {}, example.explanation),
    );
  }

  private async initExamples(loadDefault: boolean): Promise<void> {
    try {
      await this.gallery.load();
    } catch (error) {
      this.note(`Examples are unavailable: ${error instanceof Error ? error.message : String(error)}`, 'error');
      return;
    }
    this.exampleSelect.replaceChildren(
      h('option', { value: '', disabled: true }, 'Examples…'),
      ...this.gallery.listed.map((e) => h('option', { value: e.name }, e.title)),
    );
    const remembered = this.gallery.find(this.prefs.example);
    if (loadDefault) {
      await this.loadExample(remembered?.name ?? 'sequential');
    } else {
      this.exampleSelect.value = remembered && !remembered.variant ? remembered.name : '';
      if (remembered) {
        this.example = remembered;
        await this.forgetEditedExample(this.editor.text);
        if (this.example === remembered && !remembered.variant) this.showExampleNote(remembered);
      }
    }
  }
}

// similarity is the share of lines two programs have in common: edits keep an example, a new program does not.
function similarity(a: string, b: string): number {
  const la = new Set(
    a
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  );
  const lb = b
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lb.length === 0 || la.size === 0) return 0;
  return lb.filter((l) => la.has(l)).length / Math.max(la.size, lb.length);
}
