// The console's language: the commands a teacher types in front of a class, their help
// text, parsing (with durations like 250ms), tab completion and a bounded history.
// No DOM here, so all of it is unit-tested.

export interface CommandSpec {
  name: string;
  args: string;
  help: string;
  /** values completes the first argument. */
  values?: readonly string[];
}

export const COMMANDS: readonly CommandSpec[] = [
  { name: 'run', args: '', help: 'run the program (Ctrl/⌘+Enter)' },
  { name: 'stop', args: '', help: 'stop the running program or the search for a bug (Esc)' },
  {
    name: 'explore',
    args: '[exhaustive|pct] [N]',
    help: 'find a bug: explore the schedules, N preemptions at most (exhaustive) or N as the PCT seed (Ctrl/⌘+Shift+Enter)',
    values: ['exhaustive', 'pct'],
  },
  {
    name: 'schedule',
    args: 'off|STRING',
    help: 'replay a schedule the explorer printed, or off for the normal scheduler',
    values: ['off'],
  },
  { name: 'play', args: '', help: 'play the animation (Space)' },
  { name: 'pause', args: '', help: 'pause the animation (Space)' },
  { name: 'step', args: '[n]', help: 'step n events forward (→)' },
  { name: 'back', args: '[n]', help: 'step n events back (←)' },
  { name: 'next', args: '', help: 'jump to the next task switch (Shift+→)' },
  { name: 'prev', args: '', help: 'jump to the previous task switch (Shift+←)' },
  { name: 'start', args: '', help: 'jump to the start (Home)' },
  { name: 'end', args: '', help: 'jump to the end (End)' },
  { name: 'seek', args: 'TIME', help: 'jump to a simulated time: seek 1.5, seek 250ms' },
  { name: 'speed', args: 'X', help: 'play at X times real time, 0.1 to 100: speed 2' },
  { name: 'fit', args: 'SECONDS', help: 'play the whole run in SECONDS of wall time: fit 10' },
  { name: 'gil', args: 'on|off', help: 'turn the global interpreter lock on or off', values: ['on', 'off'] },
  { name: 'cores', args: 'N', help: 'number of CPU cores: cores 4', values: ['1', '2', '4', '8'] },
  { name: 'seed', args: 'N', help: 'seed for random and the scheduler: seed 7' },
  {
    name: 'sequential',
    args: 'on|off',
    help: 'run tasks one after another instead of interleaved',
    values: ['on', 'off'],
  },
  { name: 'interval', args: 'TIME', help: 'GIL switch interval (default unit ms): interval 5' },
  { name: 'slice', args: 'TIME', help: 'OS time slice per thread (default unit ms): slice 10' },
  { name: 'latency', args: 'TIME', help: 'simulated network latency (default unit s): latency 0.25' },
  {
    name: 'capacity',
    args: 'N|none',
    help: 'requests the network serves at once',
    values: ['none', '1', '2', '4', '10'],
  },
  { name: 'example', args: 'NAME', help: 'load an example: example deadlock' },
  { name: 'examples', args: '', help: 'list the examples' },
  {
    name: 'compare',
    args: '[SETTING VALUE]',
    help: 'compare this run with one changed setting: compare gil off',
    values: ['gil', 'sequential', 'cores', 'seed', 'interval', 'latency', 'capacity'],
  },
  {
    name: 'share',
    args: '[code]',
    help: 'copy a link to this program, its settings and the playback position (Shift+S); code: without the position',
    values: ['code'],
  },
  { name: 'restore', args: '', help: 'bring back the program you had before opening a link' },
  {
    name: 'export',
    args: 'trace|png|svg|text',
    help: 'save the run: a Perfetto trace, the timeline as an image, or the output',
    values: ['trace', 'png', 'svg', 'text'],
  },
  {
    name: 'presenter',
    args: 'on|off',
    help: 'presenter mode: large type, high contrast, full screen (P; Esc leaves)',
    values: ['on', 'off'],
  },
  {
    name: 'narration',
    args: 'on|off',
    help: 'a sentence under the playbar for every task switch (N)',
    values: ['on', 'off'],
  },
  {
    name: 'predict',
    args: 'on|off',
    help: 'stop before each task switch and guess which task runs next (Q)',
    values: ['on', 'off'],
  },
  {
    name: 'scheduler',
    args: '[CHALLENGE]',
    help: 'you are the scheduler: pick the thread that runs next and break the program',
    values: ['counter', 'last-ticket', 'two-locks', 'current'],
  },
  { name: 'timestamps', args: 'on|off', help: 'prefix output lines with their simulated time', values: ['on', 'off'] },
  { name: 'settings', args: '', help: 'show the current settings' },
  { name: 'clear', args: '', help: 'clear the terminal' },
  { name: 'help', args: '[COMMAND]', help: 'list commands, or explain one' },
];

export interface ParsedCommand {
  name: string;
  args: string[];
}

/** parseCommand splits a console line into a command name (lower case) and its arguments. */
export function parseCommand(line: string): ParsedCommand | null {
  const words = line.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  return { name: words[0].toLowerCase(), args: words.slice(1) };
}

const UNIT_SECONDS: Record<string, number> = { s: 1, sec: 1, ms: 1e-3, us: 1e-6, µs: 1e-6, ns: 1e-9, m: 60, min: 60 };

/** parseDuration reads "1.5", "250ms", "2 s" as seconds; a bare number is in defaultUnit. */
export function parseDuration(text: string, defaultUnit: 's' | 'ms' = 's'): number | null {
  const m = /^\s*(\d+(?:\.\d*)?|\.\d+)(?:e([+-]?\d+))?\s*([a-zµ]*)\s*$/i.exec(text);
  if (!m) return null;
  const value = Number(m[1]) * Math.pow(10, Number(m[2] ?? 0));
  const unit = (m[3] || defaultUnit).toLowerCase();
  const scale = UNIT_SECONDS[unit];
  return scale === undefined || !Number.isFinite(value) ? null : value * scale;
}

/** parseSwitch reads on/off (also true/false, yes/no, 1/0). */
export function parseSwitch(text: string | undefined): boolean | null {
  switch ((text ?? '').toLowerCase()) {
    case 'on':
    case 'true':
    case 'yes':
    case '1':
      return true;
    case 'off':
    case 'false':
    case 'no':
    case '0':
      return false;
    default:
      return null;
  }
}

export interface Completion {
  /** line is the input after completing as far as unambiguous. */
  line: string;
  /** options lists the candidates when more than one remains. */
  options: string[];
}

/** complete extends the line with Tab: command names first, then the first argument. */
export function complete(line: string, examples: readonly string[]): Completion {
  const endsWithSpace = /\s$/.test(line);
  const words = line.trimStart().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { line, options: COMMANDS.map((c) => c.name) };
  if (words.length === 1 && !endsWithSpace) {
    return extend(
      line,
      words[0],
      COMMANDS.map((c) => c.name),
      true,
    );
  }
  const spec = COMMANDS.find((c) => c.name === words[0].toLowerCase());
  if (!spec || words.length > 2 || (words.length === 2 && endsWithSpace)) return { line, options: [] };
  const candidates =
    spec.name === 'example' ? examples : spec.name === 'help' ? COMMANDS.map((c) => c.name) : (spec.values ?? []);
  return extend(line, endsWithSpace ? '' : words[1], candidates, true);
}

function extend(line: string, partial: string, candidates: readonly string[], addSpace: boolean): Completion {
  const matches = candidates.filter((c) => c.toLowerCase().startsWith(partial.toLowerCase()));
  if (matches.length === 0) return { line, options: [] };
  const head = line.slice(0, line.length - partial.length);
  if (matches.length === 1) return { line: head + matches[0] + (addSpace ? ' ' : ''), options: [] };
  let prefix = matches[0];
  for (const m of matches) {
    let i = 0;
    while (i < prefix.length && i < m.length && prefix[i].toLowerCase() === m[i].toLowerCase()) i++;
    prefix = prefix.slice(0, i);
  }
  return { line: head + (prefix.length > partial.length ? prefix : partial), options: matches };
}

/** History keeps entered lines (no consecutive duplicates) and walks them with up/down. */
export class History {
  private readonly items: string[];
  private cursor: number;
  private draft = '';

  constructor(
    items: readonly string[] = [],
    private readonly limit = 200,
  ) {
    this.items = items.slice(-limit);
    this.cursor = this.items.length;
  }

  get entries(): readonly string[] {
    return this.items;
  }

  push(line: string): void {
    const text = line.trim();
    if (text && this.items[this.items.length - 1] !== text) this.items.push(text);
    if (this.items.length > this.limit) this.items.shift();
    this.cursor = this.items.length;
    this.draft = '';
  }

  /** up returns the previous entry; current is what is typed now (kept as the draft). */
  up(current: string): string {
    if (this.cursor === this.items.length) this.draft = current;
    if (this.cursor > 0) this.cursor -= 1;
    return this.items[this.cursor] ?? current;
  }

  down(): string {
    if (this.cursor < this.items.length) this.cursor += 1;
    return this.cursor === this.items.length ? this.draft : this.items[this.cursor];
  }
}

/** helpText lists all commands, or explains one. */
export function helpText(name?: string): string[] {
  if (name) {
    const spec = COMMANDS.find((c) => c.name === name.toLowerCase());
    return spec ? [`${spec.name} ${spec.args}`.trim() + ` — ${spec.help}`] : [`no command '${name}'; type help`];
  }
  const width = Math.max(...COMMANDS.map((c) => `${c.name} ${c.args}`.length));
  return COMMANDS.map((c) => `${`${c.name} ${c.args}`.padEnd(width)}  ${c.help}`);
}
