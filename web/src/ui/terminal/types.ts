// What the output pane (OutputTerminal, terminal.ts) and its xterm.js view (XtermView,
// xterm-view.ts) share: the handlers they call back, the tones of notes, the presenter's look.
export interface TerminalHandlers {
  /** onSeekPrint asks to move the playhead to the print event with emission index seq. */
  onSeekPrint(seq: number): void;
  /** onSourceLine asks the editor to show a line (from a traceback link). */
  onSourceLine(line: number): void;
}

export type NoteTone = 'info' | 'command' | 'error' | 'dim' | 'ok';

/** TerminalAppearance is the presenter's restyling: font size and, optionally, colours. */
export interface TerminalAppearance {
  fontSize: number;
  background?: string;
  foreground?: string;
}
