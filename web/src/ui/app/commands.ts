// CommandTable runs the console's lines: the built-in commands (playback, settings, examples,
// compare, export, classroom) against a CommandPage, and the commands features register into it
// (share and restore, scheduler), so the page owns the table and no feature imports the page.
import { type ExploreOptions, isSchedule } from '../../engine/protocol';
import type { Pace } from '../../player/clock';
import { formatSeconds } from '../../player/format';
import type { Player } from '../../player/player';
import type { NoteTone } from '../terminal/types';
import { type Settings, SETTING_KEYS } from '../../engine/settings';
import { settingWords } from '../settings/settings';
import { helpText, parseCommand, parseDuration, parseSwitch } from '../terminal/commands';
import { changeSetting } from './compare-spec';

/** CommandPage is what the built-in commands drive: the playground's App. */
export interface CommandPage {
  readonly player: Player;
  readonly settings: Settings;
  /** run is the run on screen, if any (a setting change then re-runs it). */
  readonly run: object | null;
  readonly gallery: { readonly listed: readonly { name: string; title: string }[] };
  readonly terminal: { readonly timestamps: boolean; clear(): void };
  readonly exporter: { export(kind: string): Promise<boolean> };
  readonly classroom: { command(name: string, arg: string | undefined): void };
  note(text: string, tone?: NoteTone): void;
  start(): void;
  stop(): void;
  findBug(explore?: ExploreOptions): void;
  normalScheduler(): void;
  applySettings(s: Settings, rerun: boolean): void;
  command(action: () => void): void;
  stepSwitch(direction: 1 | -1): void;
  seek(time: number): void;
  setPace(pace: Pace): void;
  setTimestamps(on: boolean): void;
  loadExample(name: string): Promise<boolean>;
  openCompare(args: string[]): Promise<void>;
}

/** CommandHandler runs a registered command with its arguments. */
export type CommandHandler = (name: string, args: string[]) => void;

/** CommandRegistry is the part of the table a feature sees: it adds its commands. */
export interface CommandRegistry {
  register(names: readonly string[], handler: CommandHandler): void;
}

export class CommandTable implements CommandRegistry {
  private readonly handlers = new Map<string, CommandHandler>();

  constructor(private readonly page: CommandPage) {}

  register(names: readonly string[], handler: CommandHandler): void {
    for (const name of names) this.handlers.set(name, handler);
  }

  /** execute runs one console line: a registered command, else a built-in one. */
  execute(line: string): void {
    const parsed = parseCommand(line);
    if (!parsed) return;
    this.page.note(`› ${line.trim()}`, 'command');
    const handler = this.handlers.get(parsed.name);
    if (handler) handler(parsed.name, parsed.args);
    else builtIn(this.page, parsed.name, parsed.args);
  }
}

/** exploreArgs reads `explore [exhaustive|pct] [N]`: N bounds the preemptions, or seeds PCT. */
export function exploreArgs(args: string[]): ExploreOptions | string {
  const options: ExploreOptions = {};
  for (const arg of args) {
    const word = arg.toLowerCase();
    if (word === 'exhaustive' || word === 'pct') options.mode = word;
    else if (/^\d{1,9}$/.test(word)) {
      if ((options.mode ?? 'exhaustive') === 'pct') options.seed = Number(word);
      else options.preemptions = Math.min(Number(word), 10);
    } else return `explore takes exhaustive or pct and a number, such as explore 3 or explore pct 7 (not '${arg}')`;
  }
  return options;
}

function count(arg: string | undefined): number {
  const n = Number(arg ?? 1);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 100_000) : 1;
}

// builtIn runs the commands the page itself answers.
function builtIn(app: CommandPage, name: string, args: string[]): void {
  const player = app.player;
  switch (name) {
    case 'run':
      app.start();
      return;
    case 'stop':
      app.stop();
      return;
    case 'explore': {
      const options = exploreArgs(args);
      if (typeof options === 'string') app.note(options, 'error');
      else app.findBug(options);
      return;
    }
    case 'schedule': {
      const value = args[0];
      if (value === undefined)
        app.note(
          app.settings.schedule === null
            ? 'Runs use the normal scheduler.'
            : `Runs replay the schedule ${app.settings.schedule}`,
          'info',
        );
      else if (value.toLowerCase() === 'off') app.normalScheduler();
      else if (!isSchedule(value))
        app.note(
          'schedule needs off, or a schedule string as the explorer prints it (letters, digits, . _ ~ -)',
          'error',
        );
      else {
        app.applySettings({ ...app.settings, schedule: value }, false);
        app.note('schedule set: Run replays it', 'ok');
        app.start();
      }
      return;
    }
    case 'play':
      app.command(() => player.play());
      return;
    case 'pause':
      app.command(() => player.pause());
      return;
    case 'step':
    case 'back': {
      const n = count(args[0]);
      app.command(() => {
        for (let i = 0; i < n; i++) player.stepEvent(name === 'step' ? 1 : -1);
      });
      return;
    }
    case 'next':
      app.stepSwitch(1);
      return;
    case 'prev':
      app.stepSwitch(-1);
      return;
    case 'start':
      app.command(() => player.toStart());
      return;
    case 'end':
      app.command(() => player.toEnd());
      return;
    case 'seek': {
      const t = args[0] === undefined ? null : parseDuration(args.join(''), 's');
      if (t === null) app.note('seek needs a time, such as seek 1.5 or seek 250ms', 'error');
      else app.seek(t);
      return;
    }
    case 'speed': {
      const x = Number((args[0] ?? '').replace(/x$/i, ''));
      if (!(x > 0)) {
        app.note('speed needs a number from 0.1 to 100, such as speed 2', 'error');
        return;
      }
      app.player.setSpeed(x);
      app.setPace(app.player.clock.pace);
      app.note(`speed ${app.player.clock.pace.kind === 'speed' ? app.player.clock.pace.speed : x}×`, 'ok');
      return;
    }
    case 'fit': {
      const d = args[0] === undefined ? null : parseDuration(args[0], 's');
      if (d === null || d <= 0) {
        app.note('fit needs a duration in seconds, such as fit 10', 'error');
        return;
      }
      app.player.fit(d);
      app.setPace(app.player.clock.pace);
      app.note(`the whole run now plays in ${formatSeconds(d)}`, 'ok');
      return;
    }
    case 'gil':
    case 'cores':
    case 'seed':
    case 'sequential':
    case 'interval':
    case 'slice':
    case 'latency':
    case 'capacity': {
      const next = changeSetting(app.settings, name, args[0]);
      if (typeof next === 'string') {
        app.note(next, 'error');
        return;
      }
      app.applySettings(next, true);
      app.note(`${name} set${app.run ? ' — re-running' : ''}`, 'ok');
      return;
    }
    case 'example': {
      if (!args[0]) {
        app.note('example needs a name; type examples for the list', 'error');
        return;
      }
      void app.loadExample(args[0]).then((ok) => {
        if (ok) app.note(`loaded ${args[0]} — type run`, 'ok');
      });
      return;
    }
    case 'examples':
      for (const e of app.gallery.listed) app.note(`${e.name.padEnd(24)} ${e.title}`, 'info');
      return;
    case 'compare':
      void app.openCompare(args);
      return;
    case 'export':
      void app.exporter.export(args[0] ?? '');
      return;
    case 'timestamps': {
      const on = parseSwitch(args[0] ?? (app.terminal.timestamps ? 'off' : 'on'));
      if (on === null) {
        app.note('timestamps needs on or off', 'error');
        return;
      }
      app.setTimestamps(on);
      return;
    }
    case 'presenter':
    case 'narration':
    case 'predict':
      app.classroom.command(name, args[0]);
      return;
    case 'settings':
      app.note(SETTING_KEYS.map((k) => settingWords(k, app.settings)).join(' · '), 'info');
      return;
    case 'clear':
      app.terminal.clear();
      return;
    case 'help':
    case '?':
      for (const text of helpText(args[0])) app.note(text, 'info');
      return;
    default:
      app.note(`unknown command '${name}' — type help`, 'error');
  }
}
