// embed.html's script (assets/embed-light-<hash>.js): the embed page of the iframe snippet,
// light until the reader acts, as the <interleave-playground> element is. It makes one such
// element from the page's URL: the query's options as attributes, the program of the
// fragment (#s=… share link or #code=…) as its text, shown highlighted with a line of its
// settings. On Run (or at once with autoplay or t=) the full embed loads into the element and
// reads the same fragment, so a share link's settings and position apply as before. The page
// still tells its parent its height ({type: 'interleave:height', id, height}).
import './page-base';
import { decodeShare } from '../../ui/share/link';
import type { Settings } from '../../engine/settings';
import { programFromFragment } from '../options';
import { pinScheme } from '../theme';
import { InterleavePlayground, OPTIONS } from './element';

/** describe words a share link's settings for the light state's settings line. */
export function describe(s: Settings): string {
  if (s.sequential) return 'sequential';
  return `threads · GIL ${s.gil ? 'on' : 'off'} · ${s.cores} ${s.cores === 1 ? 'core' : 'cores'}`;
}

async function boot(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const style = document.createElement('style');
  style.textContent = 'html,body{margin:0;background:transparent}interleave-playground{margin:0}';
  document.head.append(style);
  // A pinned theme also answers the views' colour-scheme queries (timeline hatching, terminal
  // colours): the whole page is the embed, so the page's matchMedia may be pinned.
  const theme = params.get('theme');
  if (theme === 'light' || theme === 'dark') pinScheme(theme);
  const element = document.createElement('interleave-playground') as InterleavePlayground;
  for (const [name, value] of params) if (OPTIONS.includes(name)) element.setAttribute(name, value);
  const hash = location.hash.replace(/^#/, '');
  let code: string | null = null;
  if (hash.startsWith('s=')) {
    const decoded = await decodeShare(hash);
    if (decoded.ok) {
      code = decoded.state.code;
      if (!params.has('runtime') && !params.has('sequential') && !params.has('gil') && !params.has('cores')) {
        element.setAttribute('summary', describe(decoded.state.settings));
      }
    }
  } else {
    code = programFromFragment(hash);
  }
  if (code === null && !params.has('example')) code = '# the program loads on Run\n';
  if (code !== null) {
    const pre = document.createElement('pre');
    pre.textContent = code;
    element.append(pre);
  }
  element.fragment = hash;
  element.id = 'embed';
  document.body.replaceChildren(element);
  reportHeight(element, params.get('id') ?? '');
}

// reportHeight posts the page's height to the parent whenever it changes.
function reportHeight(element: HTMLElement, rawId: string): void {
  if (window.parent === window) return;
  const id = /^[\w-]{1,64}$/.test(rawId) ? rawId : '';
  let last = -1;
  const post = () => {
    const height = Math.ceil(element.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'interleave:height', id, height }, '*');
  };
  new ResizeObserver(post).observe(element);
  post();
}

void boot();
