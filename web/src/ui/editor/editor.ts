// CodeEditor: CodeMirror 6 with Python highlighting, task markers and an error marker,
// behind a small interface so the rest of the page never touches CodeMirror directly.
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { pythonLanguage } from '@codemirror/lang-python';
import { LanguageSupport, bracketMatching, indentOnInput, indentUnit } from '@codemirror/language';
import { EditorSelection, EditorState } from '@codemirror/state';
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import type { Disposable } from '../dom';
import { type ErrorMarker, type TaskMarker, setErrorMarker, setTaskMarkers, taskMarkers } from './markers';
import { editorTheme } from './theme';

/**
 * pythonSupport is CodeMirror's Python (highlighting, indentation, folding) without the
 * completion sources of lang-python's python(): the editors have no autocompletion, and
 * leaving them out keeps @codemirror/autocomplete off the page.
 */
export function pythonSupport(): LanguageSupport {
  return new LanguageSupport(pythonLanguage);
}

export interface EditorHandlers {
  onChange(text: string): void;
  onRun(): void;
}

export class CodeEditor implements Disposable {
  readonly view: EditorView;
  private markerKey = '';
  private errorKey = '';

  constructor(parent: HTMLElement, text: string, handlers: EditorHandlers) {
    this.view = new EditorView({
      parent,
      state: EditorState.create({
        doc: text,
        extensions: [
          lineNumbers(),
          taskMarkers(),
          highlightActiveLineGutter(),
          highlightSpecialChars(),
          history(),
          drawSelection(),
          indentOnInput(),
          indentUnit.of('    '),
          bracketMatching(),
          highlightActiveLine(),
          pythonSupport(),
          EditorView.lineWrapping,
          editorTheme(),
          keymap.of([
            { key: 'Mod-Enter', run: () => (handlers.onRun(), true), preventDefault: true },
            { key: 'Mod-s', run: () => true, preventDefault: true },
            ...defaultKeymap,
            ...historyKeymap,
            indentWithTab,
          ]),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) handlers.onChange(update.state.doc.toString());
          }),
          EditorView.contentAttributes.of({
            'aria-label': 'Python program',
            tabindex: '0',
            spellcheck: 'false',
            autocapitalize: 'off',
            autocorrect: 'off',
          }),
        ],
      }),
    });
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  /** setText replaces the program (an example, a restored draft). */
  setText(text: string): void {
    this.view.dispatch({
      changes: { from: 0, to: this.view.state.doc.length, insert: text },
      selection: { anchor: 0 },
    });
    this.markerKey = '';
    this.errorKey = '';
  }

  /** setMarkers shows each task's line; identical marker sets cost nothing. */
  setMarkers(markers: TaskMarker[]): void {
    const key = markers.map((m) => `${m.task}@${m.line}:${m.state}:${m.detail}`).join(',');
    if (key === this.markerKey) return;
    this.markerKey = key;
    this.view.dispatch({ effects: setTaskMarkers.of(markers) });
  }

  setError(error: ErrorMarker | null): void {
    const key = error ? `${error.line}:${error.message}` : '';
    if (key === this.errorKey) return;
    this.errorKey = key;
    this.view.dispatch({ effects: setErrorMarker.of(error) });
  }

  /**
   * revealLine scrolls a line into view and, when select is set, selects it. Keyboard focus
   * stays where it is (the tasks panel's "line N", a traceback link): with the focus moved
   * here, the next key (`?` for help, Space to play) would replace the selected line.
   */
  revealLine(line: number, select = false): void {
    const doc = this.view.state.doc;
    if (line < 1 || line > doc.lines) return;
    const at = doc.line(line);
    this.view.dispatch({
      effects: EditorView.scrollIntoView(at.from, { y: 'nearest', yMargin: 40 }),
      selection: select ? EditorSelection.range(at.from, at.to) : undefined,
    });
  }

  focus(): void {
    this.view.focus();
  }

  dispose(): void {
    this.view.destroy();
  }
}
