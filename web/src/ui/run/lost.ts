// What a page says when a run ends without its engine (the worker crashed, failed or stopped
// answering): what happened, that the program and the part of the run that arrived are kept,
// and what to do, with a Run again button. The playground and the embed show the same words.
import { h, listen } from '../dom';

/** lostStatus is the status line for a reason such as "the engine crashed (RuntimeError: unreachable)". */
export const lostStatus = (reason: string): string => `${reason[0].toUpperCase()}${reason.slice(1)}.`;

/** lostText is the whole message: what happened, what is kept, what to do. */
export function lostText(reason: string): string {
  return `${lostStatus(reason)} Your program is kept, and so is the part of the run that arrived: play or scrub through it. Run again starts a fresh engine.`;
}

/** lostAlert is lostText as an alert with a Run again button. */
export function lostAlert(reason: string, runAgain: () => void): HTMLElement {
  const button = h('button', { type: 'button', class: 'button-primary' }, 'Run again');
  listen(button, 'click', runAgain);
  return h('div', { class: 'engine-lost', role: 'alert' }, h('span', {}, lostText(reason)), button);
}
