// Wiring of the scheduler game into the page: the top bar's button, the dialog, and the
// console's `scheduler [challenge]` command. The game itself is in view.ts and model.ts,
// which (with their styles) load on the first opening, so the page's first load does not carry them.
import { EngineSession } from '../../engine/session';
import type { CommandRegistry } from '../app/commands';
import type { Settings } from '../../engine/settings';
import { byId, listen } from '../dom';
import { keepProgram } from '../share/share';
import type { SchedulerView } from './view';

/** SchedulerPage is what the scheduler game needs of the playground (its App). */
export interface SchedulerPage {
  /** examplesBase is the examples' folder; the challenges sit beside it. */
  readonly examplesBase: URL;
  readonly editor: { readonly text: string };
  readonly commands: CommandRegistry;
  openSchedule(source: string, schedule: string, keep: (source: string, settings: Settings) => boolean): void;
  note(text: string, tone?: 'error'): void;
}

/** InstalledScheduler gives the test hook the dialog once it has been opened. */
export interface InstalledScheduler {
  view(): SchedulerView | null;
}

/** installScheduler wires the button and the console's `scheduler [challenge|current]`; the dialog (with its own engine worker) is made on first use. */
export function installScheduler(page: SchedulerPage, createWorker: () => Worker): InstalledScheduler {
  let loading: Promise<SchedulerView> | null = null;
  let made: SchedulerView | null = null;
  const load = () =>
    (loading ??= import('./view').then(({ SchedulerView }) => {
      const base = new URL('../challenges/', page.examplesBase);
      made = new SchedulerView(
        byId<HTMLDialogElement>('scheduler-dialog'),
        base,
        () => new EngineSession(createWorker),
        {
          source: () => page.editor.text,
          openSchedule: (source, schedule) => page.openSchedule(source, schedule, keepProgram),
        },
      );
      return made;
    }));
  listen(byId('scheduler-button'), 'click', () => void load().then((view) => view.open()));
  page.commands.register(['scheduler'], (_name, args) => {
    void load()
      .then((view) => view.open(args[0]))
      .then((error) => {
        if (error) page.note(`scheduler: ${error}`, 'error');
      });
  });
  return { view: () => made };
}
