// interleave-embed.js: the <interleave-playground> element. Its text is a Python program;
// it becomes a sandboxed, lazily loaded iframe of embed.html (next to this file) that runs
// the program. Attributes are the embed's options. Plain JavaScript with no imports and no
// import.meta, so it loads both as <script src> (no CORS headers needed) and as type="module".
(() => {
  if (typeof customElements === 'undefined' || customElements.get('interleave-playground')) return;

  // OPTIONS are the attributes passed on to embed.html as query parameters.
  const OPTIONS = ['readonly', 'autoplay', 'panels', 't', 'start', 'theme', 'speed', 'fit', 'runtime', 'example', 'gil', 'cores', 'seed', 'sequential', 'interval', 'slice', 'latency', 'capacity'];
  const FLAGS = new Set(['readonly', 'autoplay']);
  const LINE_H = 24.8;
  const MAX_LINES = 20;
  const HEIGHTS = { bar: 52, timeline: 190, output: 160, code: 16, gap: 6 };

  // scriptUrl: a classic script knows itself as document.currentScript; a module finds its tag by name.
  const current = document.currentScript;
  const found = [...document.querySelectorAll('script[src]')].reverse().find((s) => /(^|\/)interleave-embed\.js([?#]|$)/.test(s.getAttribute('src') || ''));
  const scriptUrl = (current && current.src) || (found && found.src) || document.baseURI;

  let counter = 0;

  // dedent removes the indentation every line shares and the blank lines around the program.
  function dedent(text) {
    const lines = text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n');
    while (lines.length > 0 && lines[0].trim() === '') lines.shift();
    while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
    const indents = lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length);
    const cut = indents.length > 0 ? Math.min(...indents) : 0;
    return lines.map((l) => l.slice(cut)).join('\n') + '\n';
  }

  // estimateHeight matches the embed's own layout, so the page does not jump when it loads.
  function estimateHeight(lines, panels) {
    let h = HEIGHTS.bar + 2;
    if (panels.includes('code')) h += Math.round(Math.min(Math.max(lines, 3), MAX_LINES) * LINE_H + HEIGHTS.code) + HEIGHTS.gap;
    if (panels.includes('timeline')) h += HEIGHTS.timeline + HEIGHTS.gap;
    if (panels.includes('output')) h += HEIGHTS.output + HEIGHTS.gap;
    return h;
  }

  class InterleavePlayground extends HTMLElement {
    constructor() {
      super();
      this.frame = null;
      this.observer = null;
      this.onMessage = (event) => this.receive(event);
    }

    connectedCallback() {
      if (this.shadowRoot) {
        if (this.frame) window.addEventListener('message', this.onMessage);
        else if (this.observer) this.observer.observe(this);
        return;
      }
      this.embedId = `interleave-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
      const root = this.attachShadow({ mode: 'open' });
      const panels = (this.getAttribute('panels') || 'code,timeline,output').split(/[\s,]+/);
      const program = this.program();
      const height = estimateHeight(program.split('\n').length - 1, panels);
      const style = document.createElement('style');
      style.textContent = ':host{display:block;margin:1em 0}iframe,pre{display:block;width:100%;box-sizing:border-box;border:0;border-radius:8px}pre{margin:0;padding:12px;overflow:auto;font:14px/1.5 ui-monospace,monospace;background:rgba(127,127,127,.08)}';
      const placeholder = document.createElement('pre');
      placeholder.textContent = program;
      placeholder.style.height = `${height}px`;
      root.append(style, placeholder);
      this.placeholder = placeholder;
      this.height = height;
      // The iframe is made only when the element comes near the viewport, so a long post loads no engine up front.
      if (typeof IntersectionObserver === 'undefined') {
        this.load();
        return;
      }
      this.observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) this.load();
      }, { rootMargin: '200px 0px' });
      this.observer.observe(this);
    }

    disconnectedCallback() {
      if (this.observer) this.observer.disconnect();
      window.removeEventListener('message', this.onMessage);
    }

    // program is the element's text, or the text of a <script type="text/plain"> child (which may hold '<').
    program() {
      const script = this.querySelector('script');
      return dedent(script ? script.textContent || '' : this.textContent || '');
    }

    src() {
      const url = new URL(this.getAttribute('src') || 'embed.html', scriptUrl);
      const params = new URLSearchParams();
      for (const name of OPTIONS) {
        if (!this.hasAttribute(name)) continue;
        const value = this.getAttribute(name) || '';
        params.set(name, FLAGS.has(name) && value === '' ? '1' : value);
      }
      params.set('id', this.embedId);
      url.search = params.toString();
      if (!this.hasAttribute('example')) url.hash = `code=${encodeURIComponent(this.program())}`;
      return url.href;
    }

    load() {
      if (this.frame) return;
      if (this.observer) this.observer.disconnect();
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', 'allow-scripts allow-popups allow-popups-to-escape-sandbox');
      frame.setAttribute('loading', 'lazy');
      frame.setAttribute('title', this.getAttribute('title') || 'Interleave: a Python program on a simulated clock');
      frame.style.height = `${this.height}px`;
      frame.src = this.src();
      window.addEventListener('message', this.onMessage);
      this.frame = frame;
      this.placeholder.replaceWith(frame);
    }

    // receive resizes the iframe from its own height messages only.
    receive(event) {
      const data = event.data;
      if (!this.frame || event.source !== this.frame.contentWindow) return;
      if (!data || data.type !== 'interleave:height' || data.id !== this.embedId) return;
      const height = Number(data.height);
      if (Number.isFinite(height) && height >= 60 && height <= 5000) this.frame.style.height = `${Math.ceil(height)}px`;
    }
  }

  customElements.define('interleave-playground', InterleavePlayground);
})();
