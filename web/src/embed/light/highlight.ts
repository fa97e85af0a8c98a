// A tiny Python highlighter for the light embed: comments, strings, numbers, keywords and a few
// builtins, by one regular expression. It only splits the text into classed pieces; the element
// inserts each piece as a text node, so the program is never parsed as HTML. No DOM here.

export type TokenKind = 'comment' | 'string' | 'number' | 'keyword' | 'builtin' | 'def' | '';

const KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case'.split(
    ' ',
  ),
);
const BUILTINS = new Set(
  'print range len list dict set tuple int str float bool sum min max sorted enumerate zip open input isinstance super object Exception'.split(
    ' ',
  ),
);

const TOKEN =
  /(#[^\n]*)|((?:\b[rRbBuUfF]{1,2})?(?:"""[\s\S]*?(?:"""|$(?![\s\S]))|'''[\s\S]*?(?:'''|$(?![\s\S]))|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?))|(\b(?:0[xX][\da-fA-F_]+|\d[\d_]*\.?[\d_]*(?:[eE][+-]?\d+)?j?|\.\d[\d_]*(?:[eE][+-]?\d+)?j?)\b)|([A-Za-z_][A-Za-z0-9_]*)/g;

/** highlight splits Python source into [text, kind] pieces that join back to exactly the source. */
export function highlight(source: string): [string, TokenKind][] {
  const out: [string, TokenKind][] = [];
  let at = 0;
  let afterDef = false;
  const push = (text: string, kind: TokenKind) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && last[1] === kind) last[0] += text;
    else out.push([text, kind]);
  };
  for (const m of source.matchAll(TOKEN)) {
    const index = m.index ?? 0;
    push(source.slice(at, index), '');
    const word = m[4];
    let kind: TokenKind = '';
    if (m[1]) kind = 'comment';
    else if (m[2]) kind = 'string';
    else if (m[3]) kind = 'number';
    else if (word) kind = KEYWORDS.has(word) ? 'keyword' : afterDef ? 'def' : BUILTINS.has(word) ? 'builtin' : '';
    if (word || m[1] || m[2] || m[3]) afterDef = word === 'def' || word === 'class';
    push(m[0], kind);
    at = index + m[0].length;
  }
  push(source.slice(at), '');
  return out;
}
