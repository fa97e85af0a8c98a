// Wiring of the scheduler game into the page: the top bar's button, the dialog, and the
// console's `scheduler [challenge]` command. The game itself is in view.ts and model.ts,
// which (with their styles) load on the first opening, so the page's first load does not carry them.
import { byId, listen } from '../dom';
import { EngineSession } from '../../engine/session';
import { keepProgram } from '../share/share';
import type { App } from '../app/app';
import type { SchedulerView } from './view';

interface Installed {
  view: SchedulerView | null;
  load(): Promise<SchedulerView>;
}

const installed = new WeakMap<App, Installed>();

/** installScheduler wires the button; the dialog (with its own engine worker) is made on first use. */
export function installScheduler(app: App, createWorker: () => Worker): void {
  let loading: Promise<SchedulerView> | null = null;
  const entry: Installed = {
    view: null,
    load: () =>
      (loading ??= import('./view').then(({ SchedulerView }) => {
        const base = new URL('../challenges/', app.examplesBase);
        const view = new SchedulerView(byId<HTMLDialogElement>('scheduler-dialog'), base, () => new EngineSession(createWorker), {
          source: () => app.editor.text,
          openSchedule: (source, schedule) => app.openSchedule(source, schedule, keepProgram),
        });
        entry.view = view;
        return view;
      })),
  };
  installed.set(app, entry);
  listen(byId('scheduler-button'), 'click', () => void entry.load().then((view) => view.open()));
}

/** schedulerOf is the page's scheduler dialog once it has been opened, for the test hook. */
export function schedulerOf(app: App): SchedulerView | undefined {
  return installed.get(app)?.view ?? undefined;
}

/** schedulerCommand runs `scheduler [challenge|current]` from the console. */
export function schedulerCommand(app: App, args: string[]): void {
  const entry = installed.get(app);
  if (!entry) {
    app.note('the scheduler is not available on this page', 'error');
    return;
  }
  void entry
    .load()
    .then((view) => view.open(args[0]))
    .then((error) => {
      if (error) app.note(`scheduler: ${error}`, 'error');
    });
}
