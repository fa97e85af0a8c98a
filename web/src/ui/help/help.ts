// The help overlay: keyboard shortcuts and console commands, opened with ? or the button.
import { CLASSROOM_SHORTCUTS } from '../classroom/classroom';
import { h } from '../dom';
import { COMMANDS } from '../terminal/commands';
import { lineIcon } from '../icons';

export const SHORTCUTS: readonly [string, string][] = [
  ['Ctrl/⌘ + Enter', 'run the program'],
  ['Ctrl/⌘ + Shift + Enter', 'find a bug: explore the schedules of a threads or asyncio program'],
  ['Esc', 'stop the run or the search, close a dialog'],
  ['Space', 'play or pause'],
  ['← / →', 'step one event back or forward'],
  ['Shift + ← / →', 'previous or next task switch'],
  ['Home / End', 'jump to the start or the end'],
  ['[ / ]', 'slower or faster'],
  ['/', 'type a console command'],
  ['?', 'show or hide this help'],
  ['Editor: Esc, then Tab', 'leave the editor (Tab indents inside it), so the keys above work'],
  ...CLASSROOM_SHORTCUTS,
  ['Shift + S', 'copy a link to this program, its settings and the playback position'],
  ['Timeline: wheel', 'zoom at the pointer (Shift+wheel pans)'],
  ['Timeline: drag', 'pan; drag on the time axis or the playhead to scrub; click to jump'],
  ['Timeline: W S A D, 0', 'zoom in, out, pan left, right; fit the whole run (when focused)'],
  ['Terminal: click a line', 'jump to the moment it was printed'],
];

export function renderHelp(dialog: HTMLDialogElement): void {
  const close = h('button', { type: 'button', class: 'dialog-close', 'aria-label': 'Close help' }, lineIcon('close'));
  close.addEventListener('click', () => dialog.close());
  dialog.replaceChildren(
    h(
      'div',
      { class: 'dialog-body help' },
      h('header', { class: 'dialog-header' }, h('h2', {}, 'Keyboard and console'), close),
      h(
        'div',
        { class: 'help-columns' },
        h(
          'section',
          {},
          h('h3', {}, 'Shortcuts'),
          h(
            'dl',
            { class: 'shortcuts' },
            ...SHORTCUTS.flatMap(([k, v]) => [h('dt', {}, h('kbd', {}, k)), h('dd', {}, v)]),
          ),
        ),
        h(
          'section',
          {},
          h('h3', {}, 'Console commands'),
          h(
            'dl',
            { class: 'shortcuts help-commands' },
            ...COMMANDS.flatMap((c) => [h('dt', {}, h('code', {}, `${c.name} ${c.args}`.trim())), h('dd', {}, c.help)]),
          ),
        ),
      ),
      h(
        'p',
        { class: 'hint' },
        'Each run is deterministic: the same program and settings always give the same events. Colours in the timeline come with patterns, and every state is named in tooltips and in the tasks panel.',
      ),
    ),
  );
}
