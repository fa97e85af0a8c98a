// execute runs one console line against the app: playback, settings, examples, compare.
import { formatSeconds } from '../../player/format';
import { type ExploreOptions, isSchedule } from '../../engine/protocol';
import { SETTING_KEYS, settingWords } from '../settings/settings';
import { schedulerCommand } from '../scheduler/install';
import { shareCommand } from '../share/share';
import { helpText, parseCommand, parseDuration, parseSwitch } from '../terminal/commands';
import type { App } from './app';
import { changeSetting } from './compare-spec';

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

export function execute(app: App, line: string): void {
  const parsed = parseCommand(line);
  if (!parsed) return;
  const { name, args } = parsed;
  app.note(`› ${line.trim()}`, 'command');
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
      if (value === undefined) app.note(app.settings.schedule === null ? 'Runs use the normal scheduler.' : `Runs replay the schedule ${app.settings.schedule}`, 'info');
      else if (value.toLowerCase() === 'off') app.normalScheduler();
      else if (!isSchedule(value)) app.note('schedule needs off, or a schedule string as the explorer prints it (letters, digits, . _ ~ -)', 'error');
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
    case 'share':
    case 'restore':
      shareCommand(app, name, args);
      return;
    case 'presenter':
    case 'narration':
    case 'predict':
      app.classroom.command(name, args[0]);
      return;
    case 'scheduler':
      schedulerCommand(app, args);
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
