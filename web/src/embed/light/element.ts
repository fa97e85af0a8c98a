// interleave-embed.js: the <interleave-playground> element, light until the reader acts. Each
// element renders into its own shadow root, with DOM calls only (program text is never parsed
// as HTML): the program, highlighted; a line of its settings; a static picture of its timeline
// (the `preview` attribute the playground's Embed dialog writes) and a Run button. On the first
// Run (or when an autoplay or t= element scrolls into view) the full embed UI loads, once per
// page, as a classic script next to this one, and one engine worker starts for the whole page
// (a Blob worker that imports the engine script). Built by vite.config.ts into a classic
// script at a stable URL, with the UI and engine scripts' hashed names written in.
import { LIMITS } from '../../engine/settings';
import { CODE_LINE_H, CODE_PAD, OUTPUT_H, TIMELINE_H, codeHeight } from '../layout';
import type { InterleaveEmbedApi } from '../mount-api';
import { type Preview, parsePreview } from '../preview';
import { highlight } from './highlight';

declare const __EMBED_INLINE__: string;
declare const __EMBED_ENGINE__: string;

// OPTIONS are the attributes passed on to the embed as embed.html's query parameters.
export const OPTIONS = [
  'readonly',
  'autoplay',
  'panels',
  't',
  'start',
  'theme',
  'speed',
  'fit',
  'runtime',
  'example',
  'gil',
  'cores',
  'seed',
  'sequential',
  'interval',
  'slice',
  'latency',
  'capacity',
];
const FLAGS = new Set(['readonly', 'autoplay', 'gil', 'sequential']);
const PANELS = ['code', 'timeline', 'output'];
const STATE_NAMES = ['running', 'ready', 'waiting'];
const TITLE = 'Interleave: a Python program on a simulated clock';

const CSS = `:host{display:block;margin:1em 0;text-align:left;--bg:#fff;--fg:#1f2328;--mu:#59636e;--pn:#f6f8fa;--bd:#d1d9e0;--ac:#0969da;--ab:#0969da;--kw:#cf222e;--st:#0a3069;--nu:#0550ae;--co:#6e7781;--fn:#8250df;--s0:#2da44e;--s1:#d4a72c;--s2:#afb8c1}
.r{display:flex;flex-direction:column;gap:6px;padding:1px;border:1px solid var(--bd);border-radius:8px;background:var(--bg);color:var(--fg);font:16px/1.45 system-ui,sans-serif;overflow:hidden}
.b{display:flex;align-items:center;gap:.5rem;height:46px;padding:0 .5rem;border-bottom:1px solid var(--bd);background:var(--pn)}
button{min-height:34px;min-width:6.5rem;padding:.3rem .9rem;border:1px solid transparent;border-radius:6px;background:var(--ab);color:#fff;font:600 15px/1 system-ui,sans-serif;cursor:pointer}
button:focus-visible,a:focus-visible{outline:3px solid var(--ac);outline-offset:2px}button[aria-busy=true]{opacity:.75;cursor:progress}
.s{flex:1;min-width:0;overflow:hidden;white-space:nowrap;text-overflow:ellipsis;color:var(--mu);font-size:.9rem}a{color:var(--ac);font-size:.9rem;white-space:nowrap}
.p{margin:0 6px;border:1px solid var(--bd);border-radius:6px;overflow:hidden}.p:last-child{margin-bottom:6px}
pre{margin:0;height:100%;box-sizing:border-box;overflow:auto;padding:${CODE_PAD / 2}px 12px;font:15px/${CODE_LINE_H}px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;tab-size:4}
.k{color:var(--kw)}.t{color:var(--st)}.n{color:var(--nu)}.c{color:var(--co);font-style:italic}.f,.u{color:var(--fn)}
.tl{display:flex;flex-direction:column;gap:3px;padding:10px 12px;background:var(--pn);box-sizing:border-box}.ln{display:grid;grid-template-columns:7.5rem 1fr;align-items:center;gap:8px;font:12px/16px ui-monospace,monospace;color:var(--mu)}
.ln span{overflow:hidden;white-space:nowrap;text-overflow:ellipsis}svg{display:block;width:100%;height:14px}.x0{fill:var(--s0)}.x1{fill:var(--s1)}.x2{fill:var(--s2)}
.ax{display:flex;justify-content:space-between;margin-left:calc(7.5rem + 8px);font:12px ui-monospace,monospace;color:var(--mu)}
.e{display:flex;align-items:center;justify-content:center;color:var(--mu);font-size:.9rem;background:var(--pn)}
@media (prefers-color-scheme:dark){:host(:not([theme=light])){--bg:#0d1117;--fg:#e6edf3;--mu:#9198a1;--pn:#161b22;--bd:#3d444d;--ac:#4493f8;--ab:#1f6feb;--kw:#ff7b72;--st:#a5d6ff;--nu:#79c0ff;--co:#8b949e;--fn:#d2a8ff;--s0:#3fb950;--s1:#d29922;--s2:#6e7681}}
:host([theme=dark]){--bg:#0d1117;--fg:#e6edf3;--mu:#9198a1;--pn:#161b22;--bd:#3d444d;--ac:#4493f8;--ab:#1f6feb;--kw:#ff7b72;--st:#a5d6ff;--nu:#79c0ff;--co:#8b949e;--fn:#d2a8ff;--s0:#3fb950;--s1:#d29922;--s2:#6e7681}`;

const TOKEN_CLASS: Record<string, string> = {
  keyword: 'k',
  string: 't',
  number: 'n',
  comment: 'c',
  def: 'f',
  builtin: 'u',
};

// scriptUrl: a classic script knows itself as document.currentScript; a module finds its tag by name.
const current = document.currentScript as HTMLScriptElement | null;
const found = [...document.querySelectorAll<HTMLScriptElement>('script[src]')]
  .reverse()
  .find((s) => /(^|\/)interleave-embed\.js([?#]|$)/.test(s.getAttribute('src') || ''));
// The embed page (embed.html, page.ts) sets __interleaveEmbedBase before this runs: its script
// lives in assets/, and the names written in are relative to the site's root.
const base = (self as { __interleaveEmbedBase?: string }).__interleaveEmbedBase;
const scriptUrl = base || current?.src || found?.src || document.baseURI;

type Api = InterleaveEmbedApi;
let ui: Promise<Api> | null = null;
let bootUrl = '';
let early: Worker | null = null;

// loadUi adds the full embed's script once per page.
function loadUi(): Promise<Api> {
  ui ??= new Promise<Api>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL(__EMBED_INLINE__, scriptUrl).href;
    script.onload = () => {
      const api = (self as unknown as { InterleaveEmbed?: Api }).InterleaveEmbed;
      if (api) resolve(api);
      else reject(new Error('the embed script did not start'));
    };
    script.onerror = () => {
      ui = null;
      reject(new Error('the embed script could not be loaded'));
    };
    document.head.append(script);
  });
  return ui;
}

// newWorker starts a classic worker from a Blob that imports the engine script by absolute URL:
// the one way an opaque-origin page may start a worker from a host that sends no CORS headers.
function newWorker(): Worker {
  if (!bootUrl) {
    const engine = new URL(__EMBED_ENGINE__, scriptUrl).href;
    const boot = `self.__interleaveBase=${JSON.stringify(engine)};importScripts(${JSON.stringify(engine)});`;
    bootUrl = URL.createObjectURL(new Blob([boot], { type: 'text/javascript' }));
  }
  return new Worker(bootUrl, { name: 'interleave-engine' });
}

// prestart starts the page's engine worker while the UI script downloads; the UI adopts it.
function prestart(): void {
  if (early || ui) return;
  try {
    early = newWorker();
    early.postMessage({ type: 'warm' });
  } catch {
    early = null;
  }
}

function createWorker(): Worker {
  const worker = early ?? newWorker();
  early = null;
  return worker;
}

/** dedent removes the indentation every line shares and the blank lines around the program. */
function dedent(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n');
  while (lines.length > 0 && lines[0].trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  const indents = lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n') + '\n';
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls = '', text = ''): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text) node.textContent = text;
  return node;
};

const seconds = (t: number) => `${Number(t.toPrecision(3))} s`;

// drawPreview draws each lane as a row of SVG rectangles on a shared time axis.
function drawPreview(box: HTMLElement, preview: Preview): void {
  const ns = 'http://www.w3.org/2000/svg';
  box.setAttribute('role', 'img');
  box.setAttribute(
    'aria-label',
    `Timeline of an earlier run: ${preview.lanes.map((l) => l.name).join(', ')}; ${seconds(preview.total)} simulated. Press Run to run it.`,
  );
  for (const lane of preview.lanes) {
    const row = el('div', 'ln');
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 1000 10');
    svg.setAttribute('preserveAspectRatio', 'none');
    svg.setAttribute('aria-hidden', 'true');
    for (const [state, t0, t1] of lane.segments) {
      const rect = document.createElementNS(ns, 'rect');
      rect.setAttribute('class', `x${state}`);
      rect.setAttribute('x', ((t0 / preview.total) * 1000).toFixed(2));
      rect.setAttribute('width', Math.max(1, ((t1 - t0) / preview.total) * 1000).toFixed(2));
      rect.setAttribute('height', '10');
      const title = document.createElementNS(ns, 'title');
      title.textContent = `${STATE_NAMES[state]} ${seconds(t0)}–${seconds(t1)}`;
      rect.append(title);
      svg.append(rect);
    }
    row.append(el('span', '', lane.name), svg);
    box.append(row);
  }
  const axis = el('div', 'ax');
  axis.append(el('span', '', '0 s'), el('span', '', seconds(preview.total)));
  box.append(axis);
}

export class InterleavePlayground extends HTMLElement {
  /** fragment, when set (by the embed page), is a URL fragment the full embed reads its program and settings from, as embed.html's own. */
  fragment: string | null = null;
  private started = false;
  private button: HTMLButtonElement | null = null;
  private status: HTMLElement | null = null;
  private observer: IntersectionObserver | null = null;

  connectedCallback(): void {
    if (this.shadowRoot) {
      if (this.observer) this.observer.observe(this);
      return;
    }
    this.render(this.attachShadow({ mode: 'open' }));
    if (this.hasAttribute('autoplay') || this.hasAttribute('t') || this.hasAttribute('start')) {
      if (typeof IntersectionObserver === 'undefined') this.run(false);
      else {
        this.observer = new IntersectionObserver((entries) => {
          if (entries.some((e) => e.isIntersecting)) this.run(false);
        });
        this.observer.observe(this);
      }
    }
  }

  disconnectedCallback(): void {
    this.observer?.disconnect();
  }

  /** program is the element's text, or the text of a <script type="text/plain"> or <pre> child (the static fallback). */
  program(): string {
    const child = this.querySelector('script, pre');
    return dedent((child ? child.textContent : this.textContent) || '');
  }

  private search(): string {
    const params = new URLSearchParams();
    for (const name of OPTIONS) {
      if (!this.hasAttribute(name)) continue;
      const value = this.getAttribute(name) || '';
      params.set(name, FLAGS.has(name) && value === '' ? '1' : value);
    }
    return params.toString();
  }

  // settingsLine words the runtime settings the attributes set.
  private settingsLine(): string {
    const a = (name: string) => this.getAttribute(name);
    const on = (name: string) => this.hasAttribute(name) && !/^(0|false|no|off)$/i.test((a(name) || '').trim());
    const parts: string[] = [];
    const runtime = (a('runtime') || '').toLowerCase();
    if (['sequential', 'threads', 'asyncio', 'free-threaded'].includes(runtime)) parts.push(runtime);
    else if (on('sequential')) parts.push('sequential');
    if (runtime === 'free-threaded') parts.push('GIL off');
    else if (this.hasAttribute('gil')) parts.push(on('gil') ? 'GIL on' : 'GIL off');
    const cores = Math.round(Number(a('cores')));
    if (this.hasAttribute('cores') && cores >= LIMITS.cores.min)
      parts.push(`${Math.min(cores, LIMITS.cores.max)} ${cores === 1 ? 'core' : 'cores'}`);
    const ex = a('example');
    if (ex) parts.push(`example ${ex}`);
    return parts.length > 0 ? parts.join(' · ') : 'Python on a simulated clock';
  }

  private render(root: ShadowRoot): void {
    const style = el('style');
    style.textContent = CSS;
    const box = el('div', 'r');
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', this.getAttribute('title') || TITLE);
    const button = el('button');
    button.type = 'button';
    button.textContent = '▶ Run';
    button.setAttribute('aria-label', 'Run this Python program');
    button.addEventListener('click', () => this.run(true));
    const status = el('span', 's', this.getAttribute('summary') || this.settingsLine());
    const bar = el('div', 'b');
    bar.append(button, status);
    const link = this.querySelector<HTMLAnchorElement>('a[href]');
    if (link && /^https?:/.test(link.href)) {
      const open = el('a', '', 'Open in playground');
      open.href = link.href;
      open.target = '_blank';
      open.rel = 'noopener';
      bar.append(open);
    }
    box.append(bar);
    const wanted = (this.getAttribute('panels') || PANELS.join(',')).split(/[\s,]+/);
    const panels = PANELS.filter((p) => wanted.includes(p));
    const example = this.getAttribute('example');
    for (const panel of panels.length > 0 ? panels : PANELS) {
      const section = el('section', 'p');
      if (panel === 'code') {
        const program =
          example && !this.textContent?.trim() ? `# the example "${example}" loads on Run\n` : this.program();
        const lines = program.replace(/\n$/, '').split('\n').length;
        section.style.height = `${codeHeight(lines)}px`;
        section.setAttribute('aria-label', 'Program');
        const pre = el('pre');
        const code = el('code');
        for (const [text, kind] of highlight(program)) {
          if (kind) code.append(el('span', TOKEN_CLASS[kind], text));
          else code.append(text);
        }
        pre.append(code);
        pre.tabIndex = 0;
        section.append(pre);
      } else if (panel === 'timeline') {
        section.style.height = `${TIMELINE_H}px`;
        section.classList.add('tl');
        const preview = parsePreview(this.getAttribute('preview'));
        if (preview) drawPreview(section, preview);
        else {
          section.classList.add('e');
          section.textContent = 'Run to see the timeline';
        }
      } else {
        section.style.height = `${OUTPUT_H}px`;
        section.classList.add('e');
        section.setAttribute('aria-label', 'Output');
        section.textContent = 'The output appears here when it runs';
      }
      box.append(section);
    }
    root.append(style, box);
    this.button = button;
    this.status = status;
  }

  /** run loads the full embed into this element's shadow root and runs the program. */
  private run(pressed: boolean): void {
    if (this.started) return;
    this.started = true;
    this.observer?.disconnect();
    const root = this.shadowRoot as ShadowRoot;
    const focus = pressed && root.activeElement === this.button;
    this.button?.setAttribute('aria-busy', 'true');
    if (this.status) this.status.textContent = 'Loading the engine…';
    prestart();
    loadUi()
      .then((api) =>
        api.mount(root, {
          search: this.search(),
          program: this.hasAttribute('example') ? null : this.program(),
          fragment: this.fragment,
          createWorker,
          playgroundUrl: new URL('index.html', scriptUrl).href,
          runNow: true,
          focus,
        }),
      )
      .catch((error: unknown) => {
        this.started = false;
        this.button?.removeAttribute('aria-busy');
        if (this.status)
          this.status.textContent = `The embed could not load: ${error instanceof Error ? error.message : String(error)}`;
      });
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('interleave-playground')) {
  customElements.define('interleave-playground', InterleavePlayground);
}
