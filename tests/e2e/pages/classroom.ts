// Page object for the classroom features: presenter mode (measured computed styles), the
// narration caption and the predict panel, read from the DOM and the page's test hook.
import type { Page } from 'playwright-core';

export interface PredictModel {
  enabled: boolean;
  phase: string;
  asked: number;
  right: number;
  candidates: string[];
  answer: string | null;
  choice: string | null;
  pauseTime: number | null;
}

export interface ClassroomModel {
  presenter: boolean;
  narration: boolean;
  caption: string;
  predict: PredictModel;
}

export interface Measured {
  editor: number;
  elapsed: number;
  terminal: number;
  taskName: number;
  background: string;
  color: string;
}

export class ClassroomPage {
  constructor(readonly page: Page) {}

  async model(): Promise<ClassroomModel> {
    return (await this.page.evaluate(() =>
      (window.__interleave as unknown as { classroom(): unknown }).classroom(),
    )) as ClassroomModel;
  }

  async isPresenter(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.classList.contains('presenter'));
  }

  /** measure reads the computed font sizes (px) of the code, the elapsed counter, the terminal and a task name, and the page colours. */
  async measure(): Promise<Measured> {
    const [editor, elapsed, terminal, taskName, background, color] = await this.page.evaluate(() => [
      ...['#editor .cm-content', '#elapsed', '#terminal .xterm-rows', '.task-name'].map((selector) => {
        const el = document.querySelector(selector);
        return el ? getComputedStyle(el).fontSize : '0';
      }),
      getComputedStyle(document.body).backgroundColor,
      getComputedStyle(document.body).color,
    ]);
    return {
      editor: parseFloat(editor),
      elapsed: parseFloat(elapsed),
      terminal: parseFloat(terminal),
      taskName: parseFloat(taskName),
      background,
      color,
    };
  }

  /** typeCommand runs a console command from the keyboard alone: / focuses the console. */
  async typeCommand(line: string): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.press('/');
    await this.page.keyboard.type(line);
    await this.page.keyboard.press('Enter');
  }

  async caption(): Promise<string> {
    const caption = this.page.locator('#caption');
    return (await caption.isVisible()) ? ((await caption.textContent()) ?? '') : '';
  }

  async waitForCaption(text: string, timeout = 5000): Promise<void> {
    await this.page.waitForFunction((t) => document.querySelector('#caption')?.textContent === t, text, { timeout });
  }

  /** waitForPhase waits until the predict panel is in a phase: asking, revealed, watching or finished. */
  async waitForPhase(phase: string, timeout = 20_000): Promise<void> {
    await this.page.waitForFunction(
      (p) => document.querySelector<HTMLElement>('.predict')?.dataset.phase === p,
      phase,
      { timeout },
    );
  }

  async choices(): Promise<string[]> {
    return this.page
      .locator('.predict-choice')
      .evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.task ?? ''));
  }

  async marked(): Promise<{ right: string[]; wrong: string[] }> {
    return {
      right: await this.page
        .locator('.predict-choice.is-right')
        .evaluateAll((b) => b.map((x) => (x as HTMLElement).dataset.task ?? '')),
      wrong: await this.page
        .locator('.predict-choice.is-wrong')
        .evaluateAll((b) => b.map((x) => (x as HTMLElement).dataset.task ?? '')),
    };
  }

  async result(): Promise<string> {
    return (await this.page.locator('.predict-result').textContent()) ?? '';
  }

  async score(): Promise<string> {
    return (await this.page.locator('.predict-score').textContent()) ?? '';
  }

  async question(): Promise<string> {
    return (await this.page.locator('.predict-question').textContent()) ?? '';
  }
}
