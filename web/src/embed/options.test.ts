import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../engine/settings';
import { embedHeight } from './layout';
import { embedQuery, parseOptions, programFromFragment } from './options';
import { componentSnippet, embedUrl, iframeSnippet } from './snippet';
import { themedCss } from './theme';

describe('parseOptions', () => {
  it('has defaults for an empty query', () => {
    expect(parseOptions('')).toEqual({
      readonly: false,
      autoplay: false,
      panels: ['code', 'timeline', 'output'],
      start: null,
      theme: 'auto',
      pace: { kind: 'fit', seconds: 10 },
      settings: {},
      example: null,
      id: '',
    });
  });

  it('reads flags, panels, start, theme and id', () => {
    const o = parseOptions('?readonly&autoplay=true&panels=output,code&t=1.5&theme=dark&id=post-1');
    expect(o.readonly).toBe(true);
    expect(o.autoplay).toBe(true);
    expect(o.panels).toEqual(['code', 'output']);
    expect(o.start).toBe(1.5);
    expect(o.theme).toBe('dark');
    expect(o.id).toBe('post-1');
    expect(parseOptions('?start=2').start).toBe(2);
    expect(parseOptions('?readonly=0&autoplay=off').readonly).toBe(false);
  });

  it('reads the playback pace, clamped', () => {
    expect(parseOptions('?speed=2').pace).toEqual({ kind: 'speed', speed: 2 });
    expect(parseOptions('?speed=1e9').pace).toEqual({ kind: 'speed', speed: 100 });
    expect(parseOptions('?fit=5').pace).toEqual({ kind: 'fit', seconds: 5 });
    expect(parseOptions('?fit=-1&speed=x').pace).toEqual({ kind: 'fit', seconds: 10 });
  });

  it('falls back on invalid values', () => {
    const o = parseOptions('?panels=nothing&t=-3&theme=<b>&id=<script>&cores=abc');
    expect(o.panels).toEqual(['code', 'timeline', 'output']);
    expect(o.start).toBeNull();
    expect(o.theme).toBe('auto');
    expect(o.id).toBe('');
    expect(o.settings).toEqual({});
  });

  it('maps runtime and settings, clamped like the playground', () => {
    expect(parseOptions('?runtime=sequential').settings).toEqual({ sequential: true });
    expect(parseOptions('?runtime=asyncio').settings).toEqual({ sequential: false });
    expect(parseOptions('?runtime=free-threaded').settings).toEqual({ sequential: false, gil: false });
    expect(parseOptions('?gil=0&cores=99&seed=7&interval=0.001&capacity=none').settings).toEqual({
      gil: false,
      cores: 16,
      seed: 7,
      switchInterval: 0.001,
      capacity: null,
    });
  });

  it('round-trips through embedQuery', () => {
    const query = embedQuery({
      readonly: true,
      autoplay: true,
      panels: ['code', 'output'],
      start: 2,
      theme: 'light',
      pace: { kind: 'speed', speed: 5 },
      settings: { ...DEFAULT_SETTINGS, gil: false, seed: 3 },
      id: 'x',
    });
    const o = parseOptions(`?${query}`);
    expect(o).toMatchObject({
      readonly: true,
      autoplay: true,
      panels: ['code', 'output'],
      start: 2,
      theme: 'light',
      pace: { kind: 'speed', speed: 5 },
      id: 'x',
    });
    expect(o.settings).toEqual({ gil: false, seed: 3 });
  });
});

describe('programFromFragment', () => {
  it('decodes #code= and rejects anything else', () => {
    expect(programFromFragment('#code=print(%22hi%22)%0A')).toBe('print("hi")\n');
    expect(programFromFragment('#s=1.abc')).toBeNull();
    expect(programFromFragment('#code=%E0%A4%A')).toBeNull();
  });
});

describe('snippets', () => {
  const options = {
    readonly: true,
    autoplay: false,
    panels: ['code', 'timeline', 'output'] as const,
    theme: 'auto' as const,
    start: null,
  };

  it('sizes the iframe from the program and escapes its URL', () => {
    const src = embedUrl(
      new URL('https://example.org/play/embed.html'),
      { ...options, panels: [...options.panels] },
      's=1.abc"<',
    );
    expect(src).toBe('https://example.org/play/embed.html?readonly=1#s=1.abc%22%3C');
    const html = iframeSnippet(src, 'a = 1\nb = 2\n', { ...options, panels: [...options.panels] });
    expect(html).toContain(`height="${embedHeight(2, ['code', 'timeline', 'output'])}"`);
    expect(html).toContain('sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"');
    expect(html).toContain('loading="lazy"');
  });

  it('writes the program as inert element text', () => {
    const html = componentSnippet(
      'https://example.org/interleave-embed.js',
      'if a < b and "x" > y:\n    print("</interleave-playground><script>")\n',
      { ...options, panels: ['output'] },
      { gil: false },
    );
    expect(html).toContain('<interleave-playground readonly panels="output" gil="0">');
    expect(html).toContain('if a &lt; b and &quot;x&quot; &gt; y:');
    expect(html).not.toContain('<script>")');
    expect(html.match(/<\/interleave-playground>/g)).toHaveLength(1);
  });

  it('adds the static fallback and an escaped preview', () => {
    const html = componentSnippet(
      'https://example.org/interleave-embed.js',
      'print("<b>")\n',
      options,
      {},
      { preview: '{"v":1,"t":1,"l":[["A\\"<",[[0,0,1]]]]}', playground: 'https://example.org/index.html#s=1.x"y' },
    );
    expect(html).toContain('<pre>print(&quot;&lt;b&gt;&quot;)</pre>');
    expect(html).toContain(
      '<p><a href="https://example.org/index.html#s=1.x&quot;y" target="_blank" rel="noopener">Open in playground</a></p>',
    );
    expect(html).toContain('preview="{&quot;v&quot;:1');
    expect(html).not.toMatch(/preview="[^"]*<[^"]*"/);
  });
});

describe('themedCss', () => {
  const css = ':root{--bg:#fff}@media (prefers-color-scheme: dark){:root{--bg:#000}}';
  it('pins or leaves the dark scheme', () => {
    expect(themedCss(css, 'auto')).toBe(css);
    expect(themedCss(css, 'dark')).toContain('@media all{:root{--bg:#000}}');
    expect(themedCss(css, 'light')).toContain('@media not all{:root{--bg:#000}}');
  });
});
