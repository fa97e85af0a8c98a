// Embed theme: the embed's styles go in as one <style> (readable by script in an opaque
// origin, unlike a cross-origin sheet), and `theme=light|dark` pins the colour scheme for
// the CSS (themedCss, shadowCss) and, where the page is the embed, for the views, which ask
// matchMedia('(prefers-color-scheme: dark)') (pinScheme).
import type { Theme } from './options';

const SCHEME_QUERY = /@media\s*\(\s*prefers-color-scheme\s*:\s*dark\s*\)/g;

/** themedCss rewrites the dark-scheme media queries so a pinned theme always or never applies. */
export function themedCss(css: string, theme: Theme): string {
  if (theme === 'auto') return css;
  const pinned = css.replace(SCHEME_QUERY, theme === 'dark' ? '@media all' : '@media not all');
  return `${pinned}\n:root{color-scheme:${theme}}`;
}

// pinnedQuery answers the colour-scheme query with a fixed value that never changes.
function pinnedQuery(media: string, matches: boolean): MediaQueryList {
  const list: MediaQueryList = {
    matches,
    media,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  };
  return list;
}

/** pinScheme makes the page's colour-scheme queries answer a pinned theme (the views ask matchMedia). */
export function pinScheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  if (theme === 'auto') return;
  const original = window.matchMedia.bind(window);
  window.matchMedia = (query: string) =>
    /prefers-color-scheme/.test(query)
      ? pinnedQuery(query, /dark/.test(query) === (theme === 'dark'))
      : original(query);
}

/** shadowCss is the embed's styles for a shadow root: :root's variables go on the element (:host), with the theme pinned as themedCss does. */
export function shadowCss(css: string, theme: Theme): string {
  return themedCss(css, theme).replace(/:root\b/g, ':host');
}
