// ConsoleInput: the command line under the terminal, with history (↑/↓), Tab completion
// and Ctrl+L to clear. It only edits text; the page decides what a command does.
import { type Disposable, DisposableStore, h, listen } from '../dom';
import { History, complete } from './commands';

const HISTORY_KEY = 'interleave.console-history';

export interface ConsoleHandlers {
  onCommand(line: string): void;
  onCompletions(options: string[]): void;
  examples(): readonly string[];
  onClear(): void;
}

export class ConsoleInput implements Disposable {
  readonly input: HTMLInputElement;
  /** element is the console row; the page may add controls to it. */
  readonly element: HTMLElement;
  private readonly history: History;
  private readonly store = new DisposableStore();

  constructor(parent: HTMLElement, handlers: ConsoleHandlers) {
    let saved: string[] = [];
    try {
      const parsed: unknown = JSON.parse(localStorage.getItem(HISTORY_KEY) ?? '[]');
      if (Array.isArray(parsed)) saved = parsed.filter((s): s is string => typeof s === 'string');
    } catch {
      saved = [];
    }
    this.history = new History(saved);
    this.input = h('input', {
      class: 'console-input',
      type: 'text',
      spellcheck: 'false',
      autocomplete: 'off',
      autocapitalize: 'off',
      'aria-label': 'Console command (type help)',
      placeholder: 'type a command — help, run, step, speed 2, gil off, example …',
    });
    this.element = h(
      'div',
      { class: 'console' },
      h('span', { class: 'console-prompt', 'aria-hidden': 'true' }, '›'),
      this.input,
    );
    parent.append(this.element);
    this.store.add(
      listen(this.input, 'keydown', (e) => {
        switch (e.key) {
          case 'Enter': {
            const line = this.input.value;
            this.input.value = '';
            this.history.push(line);
            this.save();
            handlers.onCommand(line);
            break;
          }
          case 'ArrowUp':
            this.input.value = this.history.up(this.input.value);
            this.toEnd();
            break;
          case 'ArrowDown':
            this.input.value = this.history.down();
            this.toEnd();
            break;
          case 'Tab': {
            if (e.shiftKey) return;
            const result = complete(this.input.value, handlers.examples());
            this.input.value = result.line;
            if (result.options.length > 1) handlers.onCompletions(result.options);
            this.toEnd();
            break;
          }
          case 'l':
            if (!e.ctrlKey) return;
            handlers.onClear();
            break;
          case 'Escape':
            this.input.value = '';
            this.input.blur();
            break;
          default:
            return;
        }
        e.preventDefault();
        e.stopPropagation();
      }),
    );
  }

  focus(): void {
    this.input.focus();
  }

  dispose(): void {
    this.store.dispose();
    this.element.remove();
  }

  private toEnd(): void {
    const n = this.input.value.length;
    this.input.setSelectionRange(n, n);
  }

  private save(): void {
    try {
      localStorage.setItem(HISTORY_KEY, JSON.stringify(this.history.entries));
    } catch {
      // Storage may be full or disabled; history then lasts for this page only.
    }
  }
}
