// Page object for the "You are the scheduler" dialog: open it, press the game's keys,
// click its buttons, and read its state from the DOM and the test hook.
import type { Locator, Page } from 'playwright-core';

export interface SchedulerModel {
  open: boolean;
  challenge: string;
  status: 'loading' | 'busy' | 'choosing' | 'found' | 'clean' | 'failed';
  steps: number;
  unit: 'line' | 'instruction';
  choices: { thread: number; unit: string }[];
  banner: string;
  output: string;
  variables: string[];
  threads: { name: string; key: number; line: number; state: string; runnable: boolean; text: string }[];
}

interface SchedulerHook {
  scheduler(): unknown;
}

export class SchedulerPage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.locator('#scheduler-dialog');
  }

  get banner(): Locator {
    return this.dialog.locator('.scheduler-banner');
  }

  async model(): Promise<SchedulerModel> {
    return (await this.page.evaluate(() =>
      (window.__interleave as unknown as SchedulerHook).scheduler(),
    )) as SchedulerModel;
  }

  /** openFromTopBar clicks the top bar's button and waits for the first choice. */
  async openFromTopBar(): Promise<SchedulerModel> {
    await this.page.click('#scheduler-button');
    return this.settled(0);
  }

  async pick(challenge: string): Promise<SchedulerModel> {
    await this.dialog.locator('select.scheduler-picker').selectOption(challenge);
    await this.page.waitForFunction(
      (c) => ((window.__interleave as unknown as SchedulerHook).scheduler() as SchedulerModel | null)?.challenge === c,
      challenge,
    );
    await this.dialog.locator('.scheduler').focus();
    return this.settled(0);
  }

  /** press types keys inside the dialog, one after another, as a student would. */
  async press(...keys: string[]): Promise<void> {
    for (const key of keys) await this.page.keyboard.press(key);
  }

  /** run clicks the button that runs one thread for one unit. */
  async run(thread: string): Promise<void> {
    await this.dialog.locator(`button.scheduler-run[data-thread="${thread}"]`).click();
  }

  /** settled waits until every queued choice has been replayed and the game shows steps choices. */
  async settled(steps: number): Promise<SchedulerModel> {
    await this.page.waitForFunction(
      (n) => {
        const m = (window.__interleave as unknown as SchedulerHook).scheduler() as SchedulerModel | null;
        return m !== null && m.open && m.status !== 'busy' && m.status !== 'loading' && m.steps === n;
      },
      steps,
      { timeout: 20_000 },
    );
    return this.model();
  }

  /** thread finds one thread of the model by name. */
  static thread(model: SchedulerModel, name: string): SchedulerModel['threads'][number] {
    const found = model.threads.find((t) => t.name === name);
    if (!found) throw new Error(`no thread ${name} in ${model.threads.map((t) => t.name).join(', ')}`);
    return found;
  }

  /** chips lists the thread chips in the dialog's code view with the line each stands on. */
  async chips(): Promise<{ task: string; line: number }[]> {
    return this.page.evaluate(() => {
      const root = document.querySelector('#scheduler-dialog .scheduler-code')!;
      const lines = [...root.querySelectorAll('.cm-line')];
      return [...root.querySelectorAll<HTMLElement>('.cm-task-chip')].map((chip) => ({
        task: chip.dataset.task ?? '',
        line: lines.indexOf(chip.closest('.cm-line')!) + 1,
      }));
    });
  }
}
