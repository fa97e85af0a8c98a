// Wiring of the scheduler game into the page: the top bar's button, the dialog, and the
// console's `scheduler [challenge]` command. The game itself is in view.ts and model.ts.
import { byId, listen } from '../dom';
import { EngineSession } from '../run/session';
import type { App } from '../app/app';
import { SchedulerView } from './view';

const views = new WeakMap<App, SchedulerView>();

/** installScheduler creates the dialog (with its own engine worker, started on first use) and wires the button. */
export function installScheduler(app: App, createWorker: () => Worker): SchedulerView {
  const base = new URL('../challenges/', app.examplesBase);
  const view = new SchedulerView(byId<HTMLDialogElement>('scheduler-dialog'), base, () => new EngineSession(createWorker), {
    source: () => app.editor.text,
  });
  views.set(app, view);
  listen(byId('scheduler-button'), 'click', () => void view.open());
  return view;
}

/** schedulerOf is the page's scheduler dialog, for the test hook. */
export function schedulerOf(app: App): SchedulerView | undefined {
  return views.get(app);
}

/** schedulerCommand runs `scheduler [challenge|current]` from the console. */
export function schedulerCommand(app: App, args: string[]): void {
  const view = views.get(app);
  if (!view) {
    app.note('the scheduler is not available on this page', 'error');
    return;
  }
  void view.open(args[0]).then((error) => {
    if (error) app.note(`scheduler: ${error}`, 'error');
  });
}
