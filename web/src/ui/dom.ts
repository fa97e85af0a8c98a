// Small DOM helpers shared by the views: element creation, listeners that can be
// disposed, and a store that disposes many resources at once.

export interface Disposable {
  dispose(): void;
}

/** DisposableStore owns resources and releases them together, newest first. */
export class DisposableStore implements Disposable {
  private items: Disposable[] = [];

  add<T extends Disposable>(item: T): T {
    this.items.push(item);
    return item;
  }

  dispose(): void {
    const items = this.items;
    this.items = [];
    for (let i = items.length - 1; i >= 0; i--) items[i].dispose();
  }
}

/** listen adds an event listener and returns its removal. */
export function listen<K extends keyof HTMLElementEventMap>(
  target: HTMLElement,
  type: K,
  handler: (event: HTMLElementEventMap[K]) => void,
  options?: AddEventListenerOptions,
): Disposable;
export function listen(
  target: EventTarget,
  type: string,
  handler: (event: Event) => void,
  options?: AddEventListenerOptions,
): Disposable;
export function listen(
  target: EventTarget,
  type: string,
  handler: (event: never) => void,
  options?: AddEventListenerOptions,
): Disposable {
  const fn = handler as EventListener;
  target.addEventListener(type, fn, options);
  return { dispose: () => target.removeEventListener(type, fn, options) };
}

type Attrs = Record<string, string | number | boolean | undefined | null>;
type Child = Node | string | null | undefined | false;

/** h creates an element: attributes (class, data-*, aria-*, properties) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = String(value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) el.append(child);
  return el;
}

/** setText changes an element's text only when it differs, so steady frames touch no DOM. */
export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** byId finds a required element of the page. */
export function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`missing #${id}`);
  return found as T;
}

/** isTyping tells whether keyboard focus is in a text field, the editor or the terminal. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset'].includes(type);
  }
  return Boolean(target.closest('.cm-editor, .xterm'));
}

/**
 * warmNumberFormat builds the browser's number formatter while the page is idle: the first
 * toLocaleString() builds ICU's formatter, which takes about 40 ms, and would otherwise fall
 * in the first frame of a run.
 */
export function warmNumberFormat(): void {
  whenIdle(() => void (0).toLocaleString());
}

/** WARM_TEXT holds the characters canvases draw most: task names, numbers, units. */
const WARM_TEXT =
  'Thread-1 (worker) Task-2 MainThread GIL core 0123456789.,:;()[]<>=+-_/ abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ …·—→';

/**
 * warmCanvasFonts draws text in each of the given canvas fonts while the page is idle: the first
 * fillText in a face loads and matches it and rasterises its glyphs, 15-35 ms on this kind of
 * machine, which would otherwise fall in the frame that draws a run's first lanes.
 */
export function warmCanvasFonts(fonts: readonly string[]): void {
  whenIdle(() => {
    const ctx = document.createElement('canvas').getContext('2d');
    if (!ctx) return;
    ctx.canvas.width = 16;
    ctx.canvas.height = 16;
    for (const font of fonts) {
      ctx.font = font;
      ctx.fillText(WARM_TEXT, 0, 12);
    }
  });
}

function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 2000 });
  else setTimeout(work, 200);
}
