// The page's test hook, window.__interleave: read-only views of the state for end-to-end
// tests and the UI benchmark, plus loading a synthetic trace (no engine) and probing
// which Python features the engine supports.
import type { EngineOptions, ExploreReport } from '../../engine/protocol';
import { EngineSession } from '../../engine/session';
import type { Pace } from '../../player/clock';
import type { Player } from '../../player/player';
import type { Snapshot } from '../../player/snapshot';
import { STATE_NAMES } from '../../player/states';
import { Trace } from '../../player/trace';
import type { Classroom } from '../classroom/classroom';
import type { CompareView } from '../compare/compare';
import type { ExplorePanel } from '../explore/panel';
import type { InstalledScheduler } from '../scheduler/install';
import { type Settings, toEngineOptions } from '../../engine/settings';
import type { OutputTerminal } from '../terminal/terminal';
import type { TimelineView } from '../timeline/timeline';
import type { ForcedSwitch } from '../timeline/forced';

/** TestPage is what the hook reads and drives of the playground (its App). */
export interface TestPage {
  readonly player: Player;
  readonly terminal: OutputTerminal;
  readonly timeline: TimelineView;
  readonly compare: CompareView;
  readonly classroom: Classroom;
  readonly explorePanel: ExplorePanel;
  readonly session: EngineSession;
  readonly settings: Settings;
  readonly snap: Snapshot | null;
  readonly busy: boolean;
  /** run is the run on screen; loadSynthetic clears it. */
  run: { readonly done: boolean; readonly firstFrameMs: number | null } | null;
  readonly exploration: { readonly done: boolean; readonly report: ExploreReport | null } | null;
  engineOverrides: Partial<EngineOptions>;
  flush(): void;
  forcedList(): ForcedSwitch[];
  command(action: () => void): void;
  seek(time: number): void;
  setPace(pace: Pace): void;
}

export interface TestHook {
  /** running tells whether a run is going, without rendering first (state() renders a frame). */
  running(): boolean;
  state(): {
    running: boolean;
    complete: boolean;
    time: number;
    end: number;
    position: number;
    events: number;
    playing: boolean;
    elapsedText: string;
    output: string;
    error: string | null;
    firstFrameMs: number | null;
    tasks: { name: string; state: string; line: number; waitFor: string; core: number }[];
    gil: { holder: number; waiters: number[] } | null;
  };
  /** terminal describes xterm's buffer and flow-control backlog (null before xterm.js loads). */
  terminal(): ReturnType<OutputTerminal['buffer']>;
  timeline(): unknown;
  timelineX(time: number): number;
  frameTimes(): number[];
  clearFrameTimes(): void;
  compare(): unknown;
  classroom(): unknown;
  scheduler(): unknown;
  /** explore is the Find a bug panel and the latest search: its report, the schedule in the settings. */
  explore(): unknown;
  /** probeExplore asks a separate worker to explore a program (tests skip when the engine has no explorer). */
  probeExplore(source: string, timeoutMs?: number): Promise<{ report: unknown; error: string | null }>;
  probe(source: string): Promise<{ output: string; error: { type: string; message: string } | null }>;
  loadSynthetic(events: number, tasks?: number, cores?: number): Promise<number>;
  seek(time: number): void;
  setSpeed(speed: number): void;
  setEngineOverrides(overrides: Partial<EngineOptions>): void;
  /** fault makes the page's engine worker crash or hang mid-run (tests of the recovery). */
  fault(kind: 'crash' | 'hang'): void;
}

export function installTestHook(app: TestPage, createWorker: () => Worker, scheduler: InstalledScheduler): void {
  let prober: EngineSession | null = null;
  const hook: TestHook = {
    terminal() {
      return app.terminal.buffer();
    },
    running() {
      return app.run !== null && !app.run.done;
    },
    state() {
      app.flush();
      const trace = app.player.trace;
      const snap = app.snap;
      const byId = new Map(snap?.tasks.map((t) => [t.id, t]) ?? []);
      return {
        running: app.run !== null && !app.run.done,
        complete: trace.complete,
        time: app.player.playhead.time,
        end: trace.endTime,
        position: trace.position(app.player.playhead),
        events: trace.count,
        playing: app.player.playing,
        elapsedText: document.getElementById('elapsed')?.textContent ?? '',
        output: app.terminal.text,
        error: trace.summary?.error ? `${trace.summary.error.type}: ${trace.summary.error.message}` : null,
        firstFrameMs: app.run?.firstFrameMs ?? null,
        tasks: (snap?.tasks ?? []).map((t) => ({
          name: t.name,
          state: STATE_NAMES[t.state],
          line: t.line,
          waitFor: t.waitFor,
          core: t.core,
        })),
        gil: snap?.gil
          ? { holder: snap.gil.holder, waiters: snap.gil.waiters.map((id) => byId.get(id)?.index ?? id) }
          : null,
      };
    },
    timeline: () => {
      app.flush();
      return app.timeline.drawModel();
    },
    timelineX: (time) => app.timeline.xForTime(time),
    frameTimes: () => [...app.timeline.frameTimes],
    clearFrameTimes: () => {
      app.timeline.frameTimes = [];
    },
    compare: () => app.compare.model(),
    scheduler: () => scheduler.view()?.model() ?? null,
    explore: () => {
      app.flush();
      const e = app.exploration;
      return {
        ...app.explorePanel.model(),
        busy: app.busy,
        exploring: e !== null && !e.done,
        report: e?.report ?? null,
        schedule: app.settings.schedule,
        forced: app.forcedList().map((f) => ({
          time: f.time,
          task: f.taskName,
          to: f.toName,
          kind: f.kind,
          line: f.line,
          narration: f.narration,
          seq: f.seq,
        })),
        tasksBanner: document.querySelector('.forced-banner:not([hidden])')?.textContent ?? null,
      };
    },
    probeExplore(source, timeoutMs = 10_000) {
      prober ??= new EngineSession(createWorker);
      const session = prober;
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          session.stop();
          resolve({ report: null, error: 'no answer' });
        }, timeoutMs);
        session.explore(
          source,
          toEngineOptions(app.settings),
          {},
          {
            onProgress: () => undefined,
            onDone: (report) => {
              clearTimeout(timer);
              resolve({ report, error: report ? null : 'stopped' });
            },
            onFailed: (message) => {
              clearTimeout(timer);
              resolve({ report: null, error: message });
            },
          },
        );
      });
    },
    classroom: () => {
      app.flush();
      return app.classroom.model();
    },
    probe(source) {
      prober ??= new EngineSession(createWorker);
      const session = prober;
      return new Promise((resolve) => {
        session.start(
          source,
          toEngineOptions(app.settings),
          {
            onEvents: () => undefined,
            onProgress: () => undefined,
            onDone: (result) =>
              resolve({
                output: result?.output ?? '',
                error: result?.error ? { type: result.error.type, message: result.error.message } : null,
              }),
            onFailed: (message) => resolve({ output: '', error: { type: 'EngineFailure', message } }),
          },
          { maxEvents: 100_000, output: true },
        );
      });
    },
    async loadSynthetic(events, tasks = 8, cores = 2) {
      const { busyStream } = await import('../../player/synthetic');
      const { buffer, strings } = busyStream(events, tasks, cores);
      const trace = new Trace();
      trace.ingest(buffer, strings);
      trace.finish({ elapsed: trace.endTime, steps: 0, error: null });
      app.run = null;
      app.player.load(trace);
      app.timeline.setTrace(trace);
      app.command(() => app.player.toEnd());
      return trace.count;
    },
    seek: (time) => app.seek(time),
    fault: (kind) => app.session.fault(kind),
    setEngineOverrides: (overrides) => {
      app.engineOverrides = { ...overrides };
    },
    setSpeed: (speed) => {
      app.player.setSpeed(speed);
      app.setPace(app.player.clock.pace);
    },
  };
  (window as unknown as { __interleave: TestHook }).__interleave = hook;
}
