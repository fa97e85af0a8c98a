// SettingsPanel: the form for the runtime settings. Every change is validated, reported
// once (the page re-runs the program) and reflected back when the console changes a value.
import { type Disposable, DisposableStore, h, listen } from '../dom';
import { DEFAULT_SETTINGS, LIMITS, type Settings, normalizeSettings } from '../../engine/settings';

interface Field {
  key: keyof Settings;
  input: HTMLInputElement;
  read(): unknown;
  write(s: Settings): void;
}

export class SettingsPanel implements Disposable {
  readonly element: HTMLElement;
  private readonly fields: Field[] = [];
  private readonly store = new DisposableStore();
  private current: Settings;

  constructor(
    parent: HTMLElement,
    initial: Settings,
    private readonly onChange: (settings: Settings) => void,
  ) {
    this.current = initial;
    const form = h('form', { class: 'settings-form', 'aria-label': 'Runtime settings' });
    form.append(
      this.group(
        'Runtime',
        this.checkbox('sequential', 'Sequential', 'Run threads and tasks one after another, never interleaved.'),
        this.checkbox(
          'gil',
          'GIL',
          'The global interpreter lock lets one thread run Python at a time, and hands it over only where CPython 3.11 checks for a switch (loop jumps, calls, function starts). Off: free-threaded, threads run at once on the cores and interleave at any instruction.',
        ),
        this.number('cores', 'Cores', 'CPU cores for threads.', 1, 1),
        this.number(
          'switchInterval',
          'Switch interval (ms)',
          'How long a thread holds the GIL before it is asked to let go; it does at its next check.',
          0.5,
          1000,
        ),
        this.number(
          'timeSlice',
          'Time slice (ms)',
          'How long the OS lets a thread run on a core before preempting it.',
          1,
          1000,
        ),
        this.number('seed', 'Seed', 'Seeds random and the scheduler: same seed, same run.', 1, 1),
      ),
      this.group(
        'Network (sim.network)',
        this.number('latency', 'Latency (s)', 'How long each simulated request takes.', 0.05, 1),
        this.number('capacity', 'Capacity', 'Requests served at once; empty means no limit.', 1, 1, 'unlimited'),
      ),
    );
    const reset = h('button', { type: 'button', class: 'button-quiet' }, 'Reset to defaults');
    this.store.add(listen(reset, 'click', () => this.commit({ ...DEFAULT_SETTINGS })));
    form.append(
      h(
        'div',
        { class: 'settings-actions' },
        reset,
        h('span', { class: 'hint' }, 'Changing a setting re-runs the program.'),
      ),
    );
    this.store.add(listen(form, 'change', () => this.readForm()));
    this.store.add(listen(form, 'submit', (e) => e.preventDefault()));
    this.element = form;
    parent.append(form);
    this.set(initial);
  }

  get settings(): Settings {
    return this.current;
  }

  /** set shows settings changed elsewhere (console, compare) without reporting them. */
  set(settings: Settings): void {
    this.current = settings;
    for (const f of this.fields) f.write(settings);
  }

  dispose(): void {
    this.store.dispose();
    this.element.remove();
  }

  private commit(next: Settings): void {
    const normalized = normalizeSettings(next);
    this.set(normalized);
    this.onChange(normalized);
  }

  private readForm(): void {
    const raw: Record<string, unknown> = { ...this.current };
    for (const f of this.fields) raw[f.key] = f.read();
    this.commit(normalizeSettings(raw));
  }

  private group(title: string, ...rows: HTMLElement[]): HTMLElement {
    return h('fieldset', { class: 'settings-group' }, h('legend', {}, title), ...rows);
  }

  private checkbox(key: 'sequential' | 'gil', label: string, help: string): HTMLElement {
    const input = h('input', { type: 'checkbox', name: key, id: `setting-${key}` });
    this.fields.push({ key, input, read: () => input.checked, write: (s) => (input.checked = s[key]) });
    return h(
      'div',
      { class: 'setting setting-check' },
      input,
      h('label', { for: input.id }, label),
      h('small', {}, help),
    );
  }

  // number adds a numeric field bounded by the setting's LIMITS; scale converts the stored value to the shown unit (ms: 1000).
  private number(
    key: keyof typeof LIMITS,
    label: string,
    help: string,
    step: number,
    scale: number,
    placeholder?: string,
  ): HTMLElement {
    const input = h('input', {
      type: 'number',
      name: key,
      id: `setting-${key}`,
      min: LIMITS[key].min * scale,
      max: LIMITS[key].max * scale,
      step,
      inputmode: 'decimal',
      placeholder,
    });
    this.fields.push({
      key,
      input,
      read: () => {
        if (input.value.trim() === '') return placeholder ? null : undefined;
        const n = Number(input.value);
        return Number.isFinite(n) ? n / scale : undefined;
      },
      write: (s) => {
        const v = s[key];
        input.value = v === null ? '' : String(+(Number(v) * scale).toPrecision(6));
      },
    });
    return h('div', { class: 'setting' }, h('label', { for: input.id }, label), input, h('small', {}, help));
  }
}
