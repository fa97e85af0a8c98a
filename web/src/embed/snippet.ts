// Embed snippets: the HTML a blogger pastes, as an <iframe> of embed.html carrying a share
// link, or as the <interleave-playground> element with the program as its text. Every
// value is escaped for HTML. No DOM here.
import type { Settings } from '../engine/settings';
import { embedHeight } from './layout';
import { type EmbedOptions, embedQuery } from './options';

export type SnippetOptions = Pick<EmbedOptions, 'readonly' | 'autoplay' | 'panels' | 'theme' | 'start'>;

export const SANDBOX = 'allow-scripts allow-popups allow-popups-to-escape-sandbox';
const TITLE = 'Interleave: a Python program on a simulated clock';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function lineCount(code: string): number {
  return code.replace(/\n$/, '').split('\n').length;
}

/** embedUrl is embed.html with the options as its query and a share fragment ("s=…") as its hash. */
export function embedUrl(embedPage: URL, options: SnippetOptions, shareFragment: string): string {
  const url = new URL(embedPage.href);
  url.search = embedQuery(options);
  url.hash = shareFragment;
  return url.href;
}

/** iframeSnippet sizes the iframe to the embed's layout, so it needs no script on the host page. */
export function iframeSnippet(src: string, code: string, options: SnippetOptions): string {
  const height = embedHeight(lineCount(code), options.panels);
  return `<iframe src="${escapeHtml(src)}" title="${TITLE}" width="100%" height="${height}" style="border:0;max-width:100%" loading="lazy" sandbox="${SANDBOX}"></iframe>`;
}

/** ComponentExtras are what the playground adds to an element snippet: a picture of the real run and the static fallback's link. */
export interface ComponentExtras {
  /** preview is the run's timeline (preview.ts), drawn before the first Run. */
  preview?: string | null;
  /** playground is the program's share link, the fallback's "Open in playground" where no script runs. */
  playground?: string | null;
}

/**
 * componentSnippet loads interleave-embed.js once and writes the program inside the element as a
 * static fallback: a <pre> of the program and an "Open in playground" link, which is what a reader
 * sees where the script is stripped or JavaScript is off. The element reads its program from the <pre>.
 */
export function componentSnippet(
  scriptUrl: string,
  code: string,
  options: SnippetOptions,
  settings: Partial<Settings>,
  extras: ComponentExtras = {},
): string {
  const params = new URLSearchParams(embedQuery({ ...options, settings }));
  const attrs = [...params].map(([name, value]) =>
    value === '1' && (name === 'readonly' || name === 'autoplay') ? name : `${name}="${escapeHtml(value)}"`,
  );
  if (extras.preview) attrs.push(`preview="${escapeHtml(extras.preview)}"`);
  const open = ['<interleave-playground', ...attrs].join(' ');
  const body = `<pre>${escapeHtml(code.replace(/\n$/, ''))}</pre>`;
  const link = extras.playground
    ? `\n<p><a href="${escapeHtml(extras.playground)}" target="_blank" rel="noopener">Open in playground</a></p>`
    : '';
  return `<script defer src="${escapeHtml(scriptUrl)}"></script>\n${open}>\n${body}${link}\n</interleave-playground>`;
}
