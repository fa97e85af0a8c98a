// Embed snippets: the HTML a blogger pastes, as an <iframe> of embed.html carrying a share
// link, or as the <interleave-playground> element with the program as its text. Every
// value is escaped for HTML. No DOM here.
import type { Settings } from '../ui/settings/settings';
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

/** componentSnippet loads interleave-embed.js once and writes the program as the element's text. */
export function componentSnippet(scriptUrl: string, code: string, options: SnippetOptions, settings: Partial<Settings>): string {
  const params = new URLSearchParams(embedQuery({ ...options, settings }));
  const attrs = [...params].map(([name, value]) => (value === '1' && (name === 'readonly' || name === 'autoplay') ? name : `${name}="${escapeHtml(value)}"`));
  const open = ['<interleave-playground', ...attrs].join(' ');
  return `<script defer src="${escapeHtml(scriptUrl)}"></script>\n${open}>\n${escapeHtml(code.replace(/\n$/, ''))}\n</interleave-playground>`;
}
