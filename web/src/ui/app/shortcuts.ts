// Keyboard shortcuts for driving the page in front of a class: run, find a bug, stop, play/pause,
// step, jump, speed, help. Keys typed into the editor, the console or a form are left alone.
import { type Pace, SPEEDS } from '../../player/clock';
import type { Player } from '../../player/player';
import { type Disposable, isTyping, listen } from '../dom';

/** ShortcutPage is what the keys drive of the playground (its App). */
export interface ShortcutPage {
  readonly player: Player;
  readonly console: { focus(): void };
  /** busy is true while a run executes or the explorer searches. */
  readonly busy: boolean;
  start(): void;
  stop(): void;
  findBug(): void;
  togglePlay(): void;
  stepSwitch(direction: 1 | -1): void;
  command(action: () => void): void;
  setPace(pace: Pace): void;
  toggleSettings(open?: boolean): void;
  toggleHelp(): void;
}

function nextSpeed(app: ShortcutPage, direction: 1 | -1): number {
  const trace = app.player.trace;
  const current = app.player.clock.rate(trace.endTime);
  if (direction > 0) return SPEEDS.find((s) => s > current * 1.001) ?? SPEEDS[SPEEDS.length - 1];
  return [...SPEEDS].reverse().find((s) => s < current * 0.999) ?? SPEEDS[0];
}

export function installShortcuts(app: ShortcutPage): Disposable {
  return listen(document, 'keydown', (event) => {
    const e = event as KeyboardEvent;
    if (e.defaultPrevented) return;
    const mod = e.ctrlKey || e.metaKey;
    if (e.key === 'Enter' && mod) {
      e.preventDefault();
      if (e.shiftKey) app.findBug();
      else app.start();
      return;
    }
    const target = e.target instanceof HTMLElement ? e.target : null;
    if (e.key === 'Escape') {
      if (document.querySelector('dialog[open]')) return;
      const drawer = document.getElementById('settings-drawer');
      if (drawer && !drawer.hidden) {
        app.toggleSettings(false);
        return;
      }
      if (app.busy) app.stop();
      return;
    }
    if (mod || e.altKey || isTyping(target) || target?.closest('dialog, #settings-drawer')) return;
    // Space on a focused control presses that control (Play included), as the keyboard user expects.
    if (
      e.key === ' ' &&
      target?.closest(
        'button, a[href], summary, [role="button"], [role="checkbox"], [role="switch"], [role="tab"], [role="menuitem"]',
      )
    )
      return;
    let handled = true;
    switch (e.key) {
      case ' ':
      case 'k':
        app.togglePlay();
        break;
      case 'ArrowRight':
        if (e.shiftKey) app.stepSwitch(1);
        else app.command(() => app.player.stepEvent(1));
        break;
      case 'ArrowLeft':
        if (e.shiftKey) app.stepSwitch(-1);
        else app.command(() => app.player.stepEvent(-1));
        break;
      case 'Home':
        app.command(() => app.player.toStart());
        break;
      case 'End':
        app.command(() => app.player.toEnd());
        break;
      case '?':
        app.toggleHelp();
        break;
      case '/':
      case ':':
        app.console.focus();
        break;
      case ']':
        app.setPace({ kind: 'speed', speed: nextSpeed(app, 1) });
        break;
      case '[':
        app.setPace({ kind: 'speed', speed: nextSpeed(app, -1) });
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  });
}
