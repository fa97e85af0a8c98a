// ExplorePanel: the "Find a bug" band under the play bar. While the explorer searches it
// shows three big counters (schedules explored, preemption bound, bugs found) and Stop; then
// the verdict: the bug with the failing run's forced switches (each a button that seeks the
// player there), Compare with a passing run and "Normal scheduler", or the coverage message.
// A run replaying a schedule from a link shows the same list of forced switches.
import { formatSeconds } from '../../player/format';
import { type Disposable, DisposableStore, h, listen, setText } from '../dom';
import { lineIcon } from '../icons';
import { progressCounters, progressText } from '../run/explore';
import type { ExploreProgress } from '../../engine/protocol';
import type { ForcedSwitch } from '../timeline/forced';

export interface ExplorePanelHandlers {
  stop(): void;
  /** seek moves the player to a forced switch (its Forced event). */
  seek(seq: number): void;
  compare(): void;
  /** normal drops the schedule, so Run uses the normal scheduler again. */
  normal(): void;
  again(): void;
}

export type ExplorePanelState = 'hidden' | 'exploring' | 'found' | 'clean' | 'failed' | 'replay';

export interface ExplorePanelModel {
  state: ExplorePanelState;
  verdict: string;
  detail: string;
  counters: string[];
  forced: { text: string; current: boolean }[];
}

export class ExplorePanel implements Disposable {
  readonly element: HTMLElement;
  private readonly store = new DisposableStore();
  private readonly counters: HTMLElement;
  private readonly verdict: HTMLElement;
  private readonly detail: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly listTitle: HTMLElement;
  private readonly stopButton: HTMLButtonElement;
  private readonly compareButton: HTMLButtonElement;
  private readonly normalButton: HTMLButtonElement;
  private readonly againButton: HTMLButtonElement;
  private readonly closeButton: HTMLButtonElement;
  private state: ExplorePanelState = 'hidden';
  private forced: readonly ForcedSwitch[] = [];
  private current = -1;

  constructor(
    parent: HTMLElement,
    private readonly handlers: ExplorePanelHandlers,
  ) {
    this.counters = h('dl', { class: 'explore-counters', 'aria-label': 'Exploration progress' });
    this.verdict = h('p', { class: 'explore-verdict', role: 'status', 'aria-live': 'polite', tabindex: '-1' });
    this.detail = h('p', { class: 'explore-detail' });
    this.listTitle = h('h3', { class: 'explore-list-title' }, 'Forced switches');
    this.list = h('ol', { class: 'explore-forced', 'aria-label': 'Forced switches: choose one to jump there' });
    this.stopButton = h(
      'button',
      { type: 'button', class: 'button-danger explore-stop', title: 'Stop exploring (Esc)' },
      lineIcon('stop'),
      'Stop',
    );
    this.compareButton = h(
      'button',
      { type: 'button', class: 'explore-compare', title: 'The failing run beside a passing one, on one time axis' },
      lineIcon('compare'),
      'Compare with a passing run',
    );
    this.normalButton = h(
      'button',
      {
        type: 'button',
        class: 'explore-normal',
        title: 'Drop the found schedule: Run uses the normal scheduler again',
      },
      'Normal scheduler',
    );
    this.againButton = h('button', { type: 'button', class: 'explore-again' }, 'Find a bug again');
    this.closeButton = h(
      'button',
      { type: 'button', class: 'dialog-close explore-close', 'aria-label': 'Close the Find a bug panel' },
      lineIcon('close'),
    );
    this.element = h(
      'section',
      { id: 'explore-panel', class: 'explore-panel', 'aria-label': 'Find a bug', hidden: true },
      h(
        'div',
        { class: 'explore-head' },
        h('h2', { class: 'explore-title' }, 'Find a bug'),
        this.counters,
        this.verdict,
        h(
          'div',
          { class: 'explore-actions' },
          this.stopButton,
          this.compareButton,
          this.normalButton,
          this.againButton,
          this.closeButton,
        ),
      ),
      this.detail,
      this.listTitle,
      this.list,
    );
    parent.append(this.element);
    this.store.add(listen(this.stopButton, 'click', () => handlers.stop()));
    this.store.add(listen(this.compareButton, 'click', () => handlers.compare()));
    this.store.add(listen(this.normalButton, 'click', () => handlers.normal()));
    this.store.add(listen(this.againButton, 'click', () => handlers.again()));
    this.store.add(listen(this.closeButton, 'click', () => this.hide()));
    this.render();
  }

  get visible(): boolean {
    return this.state !== 'hidden';
  }

  /** exploring shows the counters and Stop. */
  exploring(progress: ExploreProgress | null): void {
    this.state = 'exploring';
    this.forced = [];
    this.current = -1;
    const counters = progressCounters(progress);
    if (this.counters.children.length !== counters.length) {
      this.counters.replaceChildren(...counters.map(() => h('div', { class: 'explore-counter' }, h('dt'), h('dd'))));
    }
    counters.forEach((c, i) => {
      const box = this.counters.children[i];
      setText(box.children[0], c.label);
      setText(box.children[1], c.value);
    });
    this.counters.setAttribute('aria-label', progressText(progress));
    setText(this.verdict, 'Searching the schedules: press Stop (Esc) to end the search early.');
    setText(
      this.detail,
      'The explorer runs the program again and again, forcing switches where threads touch shared state, until one order breaks it.',
    );
    this.render();
  }

  /** found shows the bug; the forced switches come with the replayed run (setForced). */
  found(verdict: string, detail: string, hasPassing: boolean): void {
    this.state = 'found';
    this.counters.replaceChildren();
    setText(this.verdict, verdict);
    setText(this.detail, '');
    setText(this.listTitle, detail);
    this.compareButton.title = hasPassing
      ? 'The failing run beside a run of a passing schedule, on one time axis'
      : 'The failing run beside the normal scheduler’s run, on one time axis';
    this.render();
  }

  /** clean shows what was covered without a bug. */
  clean(message: string): void {
    this.state = 'clean';
    this.counters.replaceChildren();
    this.forced = [];
    setText(this.verdict, message);
    setText(this.detail, '');
    this.render();
  }

  failed(message: string): void {
    this.state = 'failed';
    this.counters.replaceChildren();
    this.forced = [];
    setText(this.verdict, message);
    setText(this.detail, '');
    this.render();
  }

  /** replay shows a run that replays a schedule it did not find itself (a shared link). */
  replay(): void {
    if (this.state === 'found' || this.state === 'exploring') return;
    this.state = 'replay';
    this.counters.replaceChildren();
    setText(this.verdict, 'This run replays a schedule the explorer found.');
    setText(this.detail, '');
    setText(this.listTitle, 'Each switch it forces is marked on the timeline; choose one to jump there.');
    this.render();
  }

  /** setForced lists the run's forced switches and marks the one at the playhead. */
  setForced(list: readonly ForcedSwitch[], current: number): void {
    if (list !== this.forced) {
      this.forced = list;
      this.current = -2;
      this.list.replaceChildren(
        ...list.map((f, i) => {
          const button = h(
            'button',
            { type: 'button', class: 'explore-switch', title: `Jump to ${formatSeconds(f.time)}` },
            h('span', { class: 'explore-switch-number', 'aria-hidden': 'true' }, String(i + 1)),
            h('span', { class: 'explore-switch-time' }, formatSeconds(f.time)),
            h('span', { class: 'explore-switch-text' }, f.narration),
          );
          button.addEventListener('click', () => this.handlers.seek(f.seq));
          return h('li', {}, button);
        }),
      );
      this.render();
    }
    if (current !== this.current) {
      this.current = current;
      [...this.list.querySelectorAll('.explore-switch')].forEach((b, i) => {
        if (i === current) b.setAttribute('aria-current', 'step');
        else b.removeAttribute('aria-current');
      });
    }
  }

  /** focusStop puts the keyboard on Stop (a search started from the Find a bug button, which is disabled while it runs). */
  focusStop(): void {
    this.stopButton.focus();
  }

  /** focusVerdict moves the keyboard to the verdict when it was in the band (on Stop) or nowhere, so it is not lost. */
  focusVerdict(): void {
    const active = document.activeElement;
    if (active === null || active === document.body || this.element.contains(active)) this.verdict.focus();
  }

  hide(): void {
    this.state = 'hidden';
    this.render();
  }

  model(): ExplorePanelModel {
    return {
      state: this.state,
      verdict: this.verdict.textContent ?? '',
      detail: this.detail.textContent ?? '',
      counters: [...this.counters.querySelectorAll('.explore-counter')].map(
        (c) => `${c.querySelector('dd')?.textContent ?? ''} ${c.querySelector('dt')?.textContent ?? ''}`,
      ),
      forced: [...this.list.querySelectorAll('.explore-switch')].map((b) => ({
        text: b.querySelector('.explore-switch-text')?.textContent ?? '',
        current: b.getAttribute('aria-current') === 'step',
      })),
    };
  }

  dispose(): void {
    this.store.dispose();
    this.element.remove();
  }

  private render(): void {
    const s = this.state;
    this.element.hidden = s === 'hidden';
    this.element.dataset.state = s;
    this.stopButton.hidden = s !== 'exploring';
    this.compareButton.hidden = s !== 'found' && s !== 'replay';
    this.normalButton.hidden = s !== 'found' && s !== 'replay';
    this.againButton.hidden = s !== 'clean' && s !== 'failed';
    this.closeButton.hidden = s === 'exploring';
    this.detail.hidden = !this.detail.textContent;
    const showList = (s === 'found' || s === 'replay') && this.forced.length > 0;
    this.list.hidden = !showList;
    this.listTitle.hidden = !showList;
  }
}
