// Page objects for the playground: the editor, the terminal, the timeline and the tasks
// panel, each reading the DOM (and the page's test hook where the canvas has no DOM).
import type { Locator, Page } from 'playwright-core';
import { artifact } from '../harness';

export interface HookState {
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
}

export interface DrawModel {
  view: { t0: number; t1: number; width: number };
  playhead: number;
  groups: {
    title: string;
    lanes: { label: string; kind: number }[];
    rects: { x: number; w: number; lane: number; style: number; seg: number }[];
  }[];
}

export class EditorPage {
  constructor(private readonly page: Page) {}

  get content(): Locator {
    return this.page.locator('#editor .cm-content');
  }

  async text(): Promise<string> {
    return this.page.evaluate(() => {
      const lines = [...document.querySelectorAll('#editor .cm-line')].map((l) => l.textContent ?? '');
      return lines.join('\n');
    });
  }

  /** program is the program text as the lines show it, without the task chips and notes drawn among them. */
  async program(): Promise<string> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('#editor .cm-line')]
        .map((line) => {
          const copy = line.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('.cm-task-chips, .cm-task-bars, .cm-error-note').forEach((widget) => widget.remove());
          return copy.textContent ?? '';
        })
        .join('\n'),
    );
  }

  /** setCode replaces the program by typing into CodeMirror, as a user would paste. */
  async setCode(code: string): Promise<void> {
    await this.content.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(code);
  }

  /** chips lists the task chips with the editor line they stand on (from the line-number gutter). */
  async chips(): Promise<{ task: string; state: string; line: number }[]> {
    return this.page.evaluate(() => {
      const numbers = [...document.querySelectorAll('#editor .cm-lineNumbers .cm-gutterElement')].map((el) => ({
        top: Math.round(el.getBoundingClientRect().top),
        n: Number(el.textContent),
      }));
      return [...document.querySelectorAll<HTMLElement>('#editor .cm-task-chip')].map((chip) => {
        const line = chip.closest('.cm-line');
        const top = Math.round(line?.getBoundingClientRect().top ?? -1);
        const match = numbers.find((g) => Math.abs(g.top - top) <= 2 && g.n > 0);
        return { task: chip.dataset.task ?? '', state: chip.dataset.state ?? '', line: match?.n ?? 0 };
      });
    });
  }

  async hasErrorLine(): Promise<boolean> {
    return (await this.page.locator('#editor .cm-error-line').count()) > 0;
  }
}

export class TerminalPage {
  constructor(private readonly page: Page) {}

  /** text is the output as the terminal has received it. */
  async text(): Promise<string> {
    return (await this.page.evaluate(() => window.__interleave.state().output)) as string;
  }

  /** visibleRows reads what xterm renders on screen. */
  async visibleRows(): Promise<string[]> {
    return this.page.locator('#terminal .xterm-rows > div').allTextContents();
  }

  /** waitForRow waits until xterm has painted a row containing text (it paints on its own frame). */
  async waitForRow(containing: string, timeout = 5000): Promise<boolean> {
    try {
      await this.page.waitForFunction(
        (text) =>
          [...document.querySelectorAll('#terminal .xterm-rows > div')].some((r) =>
            (r.textContent ?? '').includes(text),
          ),
        containing,
        { timeout },
      );
      return true;
    } catch {
      return false;
    }
  }

  /** clickRow clicks the rendered row that contains text (xterm's screen layer takes the click). */
  async clickRow(containing: string): Promise<void> {
    const row = this.page.locator('#terminal .xterm-rows > div', { hasText: containing }).first();
    const screen = await this.page.locator('#terminal .xterm-screen').boundingBox();
    for (let i = 0; i < 40 && (await row.count()) === 0 && screen; i++) {
      await this.page.mouse.move(screen.x + 40, screen.y + 10);
      await this.page.mouse.wheel(0, -40);
      await this.page.waitForTimeout(30);
    }
    // Let xterm finish painting the rows it is still writing, so the box is where the click lands.
    await this.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const box = await row.boundingBox();
    if (!box) throw new Error(`no terminal row contains '${containing}'`);
    await this.page.mouse.click(box.x + 20, box.y + box.height / 2);
  }

  async command(line: string): Promise<void> {
    const input = this.page.locator('.console-input');
    await input.click();
    await input.fill(line);
    await input.press('Enter');
  }
}

export class TimelinePage {
  constructor(private readonly page: Page) {}

  get canvas(): Locator {
    return this.page.locator('#timeline canvas');
  }

  async model(): Promise<DrawModel> {
    return (await this.page.evaluate(() => window.__interleave.timeline())) as DrawModel;
  }

  async xFor(time: number): Promise<number> {
    return (await this.page.evaluate((t) => window.__interleave.timelineX(t), time)) as number;
  }

  /** processHeaders lists the process group headers ("MainProcess · pid 4242"), in drawing order. */
  async processHeaders(): Promise<string[]> {
    const m = await this.model();
    return m.groups[0].lanes.filter((l) => l.kind === 4 && l.label.includes(' · pid ')).map((l) => l.label);
  }

  /** laneGroups reads the lanes as drawn: each header with the labels of the lanes under it. */
  async laneGroups(): Promise<{ header: string; lanes: string[] }[]> {
    const m = await this.model();
    const out: { header: string; lanes: string[] }[] = [];
    for (const l of m.groups[0].lanes) {
      if (l.kind === 4) out.push({ header: l.label, lanes: [] });
      else if (out.length > 0) out[out.length - 1].lanes.push(l.label);
    }
    return out;
  }

  /** hoverLane points at lane `index` (0 is the top lane, unscrolled, outside presenter mode) at a simulated time and reads the tooltip. */
  async hoverLane(index: number, time: number): Promise<string> {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('timeline is not visible');
    const y = 26 + index * 26 + 13;
    if (y > box.height) throw new Error(`lane ${index} is below the timeline's visible area`);
    await this.page.mouse.move(box.x + (await this.xFor(time)), box.y + y);
    const tip = this.page.locator('.timeline-tooltip');
    await tip.waitFor({ state: 'visible', timeout: 2000 });
    return (await tip.innerText()).replace(/\s+/g, ' ').trim();
  }

  /** clickAt clicks the first lane at a simulated time. */
  async clickAt(time: number): Promise<void> {
    await this.canvas.click({ position: { x: await this.xFor(time), y: 26 + 13 } });
  }

  /** scrub drags along the time axis from one time to another. */
  async scrub(from: number, to: number): Promise<void> {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('timeline is not visible');
    await this.page.mouse.move(box.x + (await this.xFor(from)), box.y + 10);
    await this.page.mouse.down();
    for (let i = 1; i <= 5; i++) {
      const t = from + ((to - from) * i) / 5;
      await this.page.mouse.move(box.x + (await this.xFor(t)), box.y + 10);
    }
    await this.page.mouse.up();
  }
}

export class TasksPage {
  constructor(private readonly page: Page) {}

  async rows(): Promise<{ name: string; state: string; wait: string; line: string }[]> {
    return this.page.locator('.task-row').evaluateAll((rows) =>
      rows.map((r) => ({
        name: (r as HTMLElement).dataset.task ?? '',
        state: r.querySelector('.state-pill')?.textContent ?? '',
        wait: r.querySelector('.task-wait')?.textContent ?? '',
        line: r.querySelector('.task-line')?.textContent ?? '',
      })),
    );
  }

  async banner(): Promise<string | null> {
    const banner = this.page.locator('.loop-banner');
    return (await banner.isVisible()) ? banner.textContent() : null;
  }
}

export class PlaygroundPage {
  readonly editor: EditorPage;
  readonly terminal: TerminalPage;
  readonly timeline: TimelinePage;
  readonly tasks: TasksPage;

  constructor(readonly page: Page) {
    this.editor = new EditorPage(page);
    this.terminal = new TerminalPage(page);
    this.timeline = new TimelinePage(page);
    this.tasks = new TasksPage(page);
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.waitForFunction(
      () => window.__interleave !== undefined && document.querySelectorAll('#example-select option').length > 1,
    );
  }

  async loadExample(name: string): Promise<void> {
    await this.page.selectOption('#example-select', name);
    await this.page.waitForFunction(
      (n) =>
        document.querySelector('#example-note summary')?.textContent?.length &&
        localStorage.getItem('interleave.prefs')?.includes(n),
      name,
    );
  }

  async run(): Promise<void> {
    await this.page.click('#run');
  }

  async waitForRun(timeout = 30_000): Promise<HookState> {
    await this.page.waitForFunction(() => window.__interleave.state().complete, undefined, { timeout });
    return this.state();
  }

  async state(): Promise<HookState> {
    return (await this.page.evaluate(() => window.__interleave.state())) as HookState;
  }

  async elapsed(): Promise<string> {
    return (await this.page.locator('#elapsed').textContent()) ?? '';
  }

  async status(): Promise<string> {
    return (await this.page.locator('#status').textContent()) ?? '';
  }

  /** key presses a key with focus on the page body (not the editor or the console). */
  async key(key: string): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.press(key);
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: artifact(name) });
  }

  /** supports tells whether the engine runs a snippet without ModuleNotFoundError or SyntaxError. */
  async supports(source: string): Promise<boolean> {
    const result = (await this.page.evaluate((s) => window.__interleave.probe(s), source)) as {
      error: { type: string } | null;
    };
    return (
      !result.error ||
      !['ModuleNotFoundError', 'SyntaxError', 'ImportError', 'EngineFailure', 'NotImplementedError'].includes(
        result.error.type,
      )
    );
  }
}

declare global {
  interface Window {
    __interleave: {
      running(): boolean;
      state(): unknown;
      timeline(): unknown;
      timelineX(time: number): number;
      frameTimes(): number[];
      compare(): unknown;
      probe(source: string): Promise<unknown>;
      loadSynthetic(events: number, tasks?: number, cores?: number): Promise<number>;
      seek(time: number): void;
      setSpeed(speed: number): void;
      setEngineOverrides(overrides: Record<string, unknown>): void;
      fault(kind: 'crash' | 'hang'): void;
    };
  }
}
