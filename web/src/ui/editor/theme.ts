// The editor's look, written against the page's CSS variables so it follows the system's
// light or dark theme without reconfiguring CodeMirror.
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';

const highlight = HighlightStyle.define([
  {
    tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword],
    color: 'var(--syn-keyword)',
    fontWeight: '600',
  },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--syn-string)' },
  { tag: tags.comment, color: 'var(--syn-comment)', fontStyle: 'italic' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--syn-number)' },
  {
    tag: [tags.function(tags.variableName), tags.function(tags.definition(tags.variableName))],
    color: 'var(--syn-function)',
  },
  { tag: [tags.className, tags.definition(tags.className)], color: 'var(--syn-class)' },
  { tag: [tags.operator, tags.punctuation], color: 'var(--syn-operator)' },
  { tag: tags.propertyName, color: 'var(--syn-property)' },
  { tag: tags.self, color: 'var(--syn-keyword)', fontStyle: 'italic' },
]);

export function editorTheme(): Extension {
  return [
    syntaxHighlighting(highlight),
    EditorView.theme({
      '&': { height: '100%', color: 'var(--fg)', backgroundColor: 'var(--editor-bg)', fontSize: 'var(--code-size)' },
      '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.55' },
      '.cm-content': { caretColor: 'var(--accent)', padding: '6px 0' },
      '.cm-cursor': { borderLeftColor: 'var(--accent)', borderLeftWidth: '2px' },
      '.cm-gutters': { backgroundColor: 'var(--editor-gutter)', color: 'var(--muted)', border: 'none' },
      '.cm-activeLine': { backgroundColor: 'var(--editor-active)' },
      '.cm-activeLineGutter': { backgroundColor: 'var(--editor-active)', color: 'var(--fg)' },
      '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
        backgroundColor: 'var(--selection)',
      },
      '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '-2px' },
      '.cm-matchingBracket': { backgroundColor: 'var(--selection)', outline: '1px solid var(--muted)' },
    }),
  ];
}
