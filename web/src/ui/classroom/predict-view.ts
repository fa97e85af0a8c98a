// PredictView: the predict-mode panel under the playbar. Playback stops before each task
// switch, the panel asks which task runs next (one button per candidate, keys 1-9),
// reveals the answer with the switch's narration, keeps the score and continues on
// Space or Enter; at the end of the run it shows the final score.
import type { Player } from '../../player/player';
import type { Playhead, Trace } from '../../player/trace';
import { taskColor } from '../colors';
import { type Disposable, DisposableStore, h, listen, setText } from '../dom';
import type { Moment } from './narration';
import { PredictGame, scoreText } from './predict';

export interface PredictHost {
  readonly player: Player;
  /** sentence narrates a switch moment of the current trace. */
  sentence(moment: Moment): string;
  /** refresh redraws the page after the view moved the playhead or changed state. */
  refresh(): void;
}

/** PredictModel is what the test hook reports about the game. */
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

export class PredictView implements Disposable {
  readonly element: HTMLElement;
  readonly game = new PredictGame();
  enabled = false;
  private readonly store = new DisposableStore();
  private readonly question: HTMLElement;
  private readonly choices: HTMLElement;
  private readonly result: HTMLElement;
  private readonly score: HTMLElement;
  private readonly actions: HTMLElement;
  private last: Playhead = { time: 0, seq: -1 };
  private lastTrace: Trace | null = null;

  constructor(private readonly host: PredictHost) {
    this.question = h('p', { class: 'predict-question' });
    this.choices = h('div', { class: 'predict-choices', role: 'group', 'aria-label': 'Candidate tasks' });
    this.result = h('p', { class: 'predict-result', 'aria-live': 'polite' });
    this.score = h('p', { class: 'predict-score' });
    this.actions = h('div', { class: 'predict-actions' });
    this.element = h(
      'section',
      { class: 'predict', 'aria-label': 'Predict the next task', hidden: true },
      this.question,
      this.choices,
      this.result,
      h('div', { class: 'predict-footer' }, this.score, this.actions),
    );
    this.store.add(listen(window, 'keydown', (e) => this.onKey(e as KeyboardEvent), { capture: true }));
  }

  /** setEnabled turns the game on or off; on, it starts from the playhead at (by default the player's). */
  setEnabled(on: boolean, at?: Playhead): void {
    this.enabled = on;
    this.element.hidden = !on;
    const player = this.host.player;
    if (on) {
      const ph = at ?? player.playhead;
      this.game.restart(player.trace, ph);
      this.lastTrace = player.trace;
      this.last = ph;
    }
    this.render();
  }

  /** beforeFrame runs after the player's tick: it stops playback at a question; true when it moved the playhead. */
  beforeFrame(): boolean {
    if (!this.enabled) return false;
    const player = this.host.player;
    const trace = player.trace;
    const ph = player.playhead;
    if (trace !== this.lastTrace) {
      this.lastTrace = trace;
      this.game.restart(trace, { time: 0, seq: -1 });
      this.render();
    } else if (ph.seq !== this.last.seq || ph.time !== this.last.time) {
      const back =
        trace.position(ph) < trace.position(this.last) || (ph.seq === this.last.seq && ph.time < this.last.time);
      const phase = this.game.phase;
      if (phase === 'asking' || phase === 'revealed') {
        this.game.skip();
        this.game.resync(ph);
        this.render();
      } else if (!player.playing || back) {
        if (phase === 'finished') this.game.restart(trace, ph);
        else this.game.resync(ph);
        this.render();
      }
    }
    let moved = false;
    const found = this.game.watch(trace, player.playhead, player.playing);
    if (found === 'end') {
      this.game.finish();
      this.render();
    } else if (found) {
      player.pause();
      player.moveTo(found.pause);
      this.game.ask(found);
      moved = true;
      this.render();
    }
    this.last = player.playhead;
    return moved;
  }

  /** answer takes the student's choice of task id. */
  answer(task: number): void {
    if (this.game.phase !== 'asking') return;
    this.game.answer(task);
    this.render();
    this.actions.querySelector<HTMLButtonElement>('button')?.focus();
  }

  /** proceed leaves the revealed answer and plays on to the next question. */
  proceed(): void {
    if (this.game.phase !== 'revealed') return;
    this.game.proceed();
    this.host.player.play();
    this.last = this.host.player.playhead;
    this.render();
    this.host.refresh();
  }

  model(): PredictModel {
    const turn = this.game.turn;
    const trace = this.host.player.trace;
    const name = (id: number) => trace.taskById(id)?.name ?? String(id);
    return {
      enabled: this.enabled,
      phase: this.game.phase,
      asked: this.game.score.asked,
      right: this.game.score.right,
      candidates: turn ? turn.candidates.map(name) : [],
      answer: turn ? name(turn.moment.to) : null,
      choice: this.game.choice >= 0 ? name(this.game.choice) : null,
      pauseTime: turn ? turn.pause.time : null,
    };
  }

  dispose(): void {
    this.store.dispose();
    this.element.remove();
  }

  private onKey(e: KeyboardEvent): void {
    if (!this.enabled || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target instanceof HTMLElement ? e.target : null;
    if (target?.closest('dialog, #settings-drawer, .cm-editor, .console, input, textarea, select')) return;
    const phase = this.game.phase;
    if (phase === 'asking') {
      const digit = /^[1-9]$/.test(e.key) ? Number(e.key) : 0;
      const turn = this.game.turn;
      if (digit && turn && digit <= turn.candidates.length) {
        e.preventDefault();
        this.answer(turn.candidates[digit - 1]);
      } else if (e.key === ' ' || e.key === 'Enter') {
        e.preventDefault();
      }
    } else if (phase === 'revealed' && (e.key === ' ' || e.key === 'Enter')) {
      e.preventDefault();
      this.proceed();
    }
  }

  private render(): void {
    const game = this.game;
    const trace = this.host.player.trace;
    const name = (id: number) => trace.taskById(id)?.name ?? `task ${id}`;
    const indexOf = (id: number) => trace.taskById(id)?.index ?? 0;
    this.element.dataset.phase = game.phase;
    setText(this.score, game.score.asked > 0 ? scoreText(game.score) : '');
    const turn = game.turn;
    if ((game.phase === 'asking' || game.phase === 'revealed') && turn) {
      const revealed = game.phase === 'revealed';
      setText(
        this.question,
        revealed ? 'Which task runs next?' : 'Which task runs next? Press a number or pick a task.',
      );
      this.choices.replaceChildren(
        ...turn.candidates.map((id, i) => {
          const b = h(
            'button',
            {
              type: 'button',
              class: 'predict-choice',
              'data-task': name(id),
              disabled: revealed,
              style: `--task-color: ${taskColor(indexOf(id))}`,
            },
            i < 9 ? h('kbd', {}, String(i + 1)) : null,
            h('span', { class: 'swatch', 'aria-hidden': 'true' }),
            name(id),
          );
          if (revealed && id === turn.moment.to) b.classList.add('is-right');
          if (revealed && id === game.choice && id !== turn.moment.to) b.classList.add('is-wrong');
          if (revealed && id === game.choice) b.setAttribute('aria-pressed', 'true');
          b.addEventListener('click', () => this.answer(id));
          return b;
        }),
      );
      if (revealed) {
        const right = game.choice === turn.moment.to;
        const verdict = right
          ? `Right: ${name(turn.moment.to)} runs next.`
          : `Not this time: ${name(turn.moment.to)} runs next, not ${name(game.choice)}.`;
        this.result.replaceChildren(
          h('strong', {}, verdict),
          ' ',
          h('span', { class: 'predict-why' }, this.host.sentence(turn.moment)),
        );
        this.result.dataset.verdict = right ? 'right' : 'wrong';
        const next = h('button', { type: 'button', class: 'button-primary predict-continue' }, 'Continue (Space)');
        next.addEventListener('click', () => this.proceed());
        this.actions.replaceChildren(next);
      } else {
        setText(this.result, '');
        delete this.result.dataset.verdict;
        this.actions.replaceChildren();
      }
      return;
    }
    this.choices.replaceChildren();
    delete this.result.dataset.verdict;
    if (game.phase === 'finished' && game.score.asked === 0) {
      setText(this.question, 'This run has no task switch with a choice to predict.');
      setText(this.result, 'Load a threads or asyncio example, run it, and playback will stop before each switch.');
      this.actions.replaceChildren();
      return;
    }
    if (game.phase === 'finished') {
      setText(this.score, '');
      setText(this.question, `Final score: ${scoreText(game.score)}.`);
      setText(this.result, 'Press Home and then Space to play the run again, or load another example.');
      this.actions.replaceChildren();
      return;
    }
    setText(this.question, 'Predict mode: playback stops before each task switch and asks which task runs next.');
    setText(this.result, trace.count === 0 ? 'Run a program with threads or asyncio, then press Space to play.' : '');
    this.actions.replaceChildren();
  }
}
