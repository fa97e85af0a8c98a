import { describe, expect, it } from 'vitest';
import { EventKind } from '../../engine/events';
import { StreamBuilder, asyncStream, gilStream, poolStream, sequentialStream } from '../../player/synthetic';
import { TaskKind } from '../../player/states';
import { Trace } from '../../player/trace';
import { DrawList, Style, lanesOf } from '../timeline/model';
import { chromeTraceOf, chromeTraceParts, outputText } from './data';
import { fileSlug, formatBytes } from './download';
import { LIGHT, DARK, buildScene, fitText, mergeAdjacent } from './scene';
import { escapeXml, patternId, sceneToSvg } from './svg';

function traceOf(b: StreamBuilder): Trace {
  const trace = new Trace();
  trace.ingest(b.buffer(), b.strings);
  trace.finish({ elapsed: trace.endTime, steps: 0, error: null });
  return trace;
}

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

// parseXml is a strict well-formedness check for what the SVG writer emits: one root element,
// balanced tags, quoted attributes, and no bare < or & in text or attribute values.
function parseXml(xml: string): XmlElement {
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${i}: ${JSON.stringify(xml.slice(i, i + 40))}`);
  };
  const decode = (raw: string): string => {
    let out = '';
    for (let k = 0; k < raw.length; k++) {
      const ch = raw[k];
      if (ch === '<') fail('bare < in text');
      if (ch !== '&') {
        out += ch;
        continue;
      }
      const end = raw.indexOf(';', k);
      const name = end < 0 ? '' : raw.slice(k + 1, end);
      if (!(name in ENTITIES)) fail(`unknown entity &${name};`);
      out += ENTITIES[name];
      k = end;
    }
    return out;
  };
  const isNameChar = (c: string) => /[A-Za-z0-9_:.-]/.test(c);
  const readName = (): string => {
    const start = i;
    while (i < xml.length && isNameChar(xml[i])) i++;
    if (i === start) fail('expected a name');
    return xml.slice(start, i);
  };
  const skipSpace = () => {
    while (i < xml.length && /\s/.test(xml[i])) i++;
  };
  const element = (): XmlElement => {
    if (xml[i] !== '<') fail('expected <');
    i++;
    const el: XmlElement = { name: readName(), attrs: {}, children: [], text: '' };
    for (;;) {
      skipSpace();
      if (xml.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (xml[i] === '>') {
        i++;
        break;
      }
      const attr = readName();
      if (attr in el.attrs) fail(`duplicate attribute ${attr}`);
      skipSpace();
      if (xml[i] !== '=') fail('expected =');
      i++;
      skipSpace();
      const quote = xml[i];
      if (quote !== '"' && quote !== "'") fail('unquoted attribute');
      const end = xml.indexOf(quote, i + 1);
      if (end < 0) fail('unterminated attribute');
      el.attrs[attr] = decode(xml.slice(i + 1, end));
      i = end + 1;
    }
    for (;;) {
      const next = xml.indexOf('<', i);
      if (next < 0) fail('unclosed element');
      el.text += decode(xml.slice(i, next));
      i = next;
      if (xml.startsWith('</', i)) {
        i += 2;
        if (readName() !== el.name) fail(`mismatched </${el.name}>`);
        skipSpace();
        if (xml[i] !== '>') fail('expected >');
        i++;
        return el;
      }
      el.children.push(element());
    }
  };
  if (xml.startsWith('<?xml')) i = xml.indexOf('?>') + 2;
  skipSpace();
  const root = element();
  skipSpace();
  if (i !== xml.length) fail('content after the root element');
  return root;
}

function all(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (e.name === name) out.push(e);
    e.children.forEach(walk);
  };
  walk(el);
  return out;
}

function svgOf(trace: Trace, palette = LIGHT, width = 1000): { svg: string; root: XmlElement } {
  const scene = buildScene(trace, lanesOf(trace), { title: 'test run', t0: 0, t1: trace.endTime, width, palette });
  const svg = sceneToSvg(scene, 'test run');
  return { svg, root: parseXml(svg) };
}

describe('SVG export', () => {
  it('escapes markup in names and drops characters XML forbids', () => {
    expect(escapeXml(`<script>alert("x") & 'y'</script>`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;) &amp; &apos;y&apos;&lt;/script&gt;',
    );
    expect(escapeXml('a\u0000b\u0007c\td')).toBe('abc\td');
  });

  it('is well-formed XML with a lane label per task, core and GIL lane', () => {
    const { root } = svgOf(traceOf(gilStream()));
    expect(root.name).toBe('svg');
    expect(root.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
    const texts = all(root, 'text').map((t) => t.text);
    for (const label of ['MainThread', 'Thread-1', 'Thread-2', 'core 0', 'core 1', 'GIL'])
      expect(texts).toContain(label);
    expect(texts.some((t) => /^0\.\d+ s$/.test(t))).toBe(true);
    expect(texts).toContain('sleeping');
  });

  it('keeps a task called <script> as text, never as markup', () => {
    const b = new StreamBuilder();
    b.created(0, 0, 'MainThread', TaskKind.Main, -1).start(0, 0).line(0, 0, 1);
    b.created(0.001, 1, '<script>alert(1)</script>', TaskKind.Thread, 0)
      .start(0.001, 1)
      .line(0.001, 1, 2)
      .sleep(0.002, 1, 1, 2);
    b.wake(1.002, 1).end(1.003, 1).end(1.004, 0);
    const { svg, root } = svgOf(traceOf(b));
    expect(svg).not.toContain('<script');
    expect(all(root, 'script')).toHaveLength(0);
    expect(all(root, 'text').some((t) => t.text.startsWith('<script>'))).toBe(true);
  });

  it('fills every patterned state from a <pattern> def, so states differ without colour', () => {
    const { root } = svgOf(traceOf(asyncStream()));
    const ids = new Set(all(root, 'pattern').map((p) => p.attrs.id));
    const used = all(root, 'rect')
      .map((r) => /^url\(#(.+)\)$/.exec(r.attrs.fill)?.[1])
      .filter((id): id is string => id !== undefined);
    expect(used.length).toBeGreaterThan(0);
    for (const id of used) expect(ids.has(id)).toBe(true);
    expect(ids.has(patternId(Style.Stall))).toBe(true);
    expect(ids.has(patternId(Style.WaitSleep))).toBe(true);
    const texts = all(root, 'text').map((t) => t.text);
    expect(texts).toContain('event loop');
    expect(texts).toContain('blocking call: loop stalled');
  });

  it('follows the theme', () => {
    const light = svgOf(traceOf(sequentialStream()), LIGHT).root;
    const dark = svgOf(traceOf(sequentialStream()), DARK).root;
    const background = (root: XmlElement) => root.children.find((c) => c.name === 'rect')?.attrs.fill;
    expect(background(light)).toBe(LIGHT.bg);
    expect(background(dark)).toBe(DARK.bg);
    const sleep = (root: XmlElement) => all(root, 'pattern').find((p) => p.attrs.id === patternId(Style.WaitSleep));
    expect(sleep(light)?.children.find((c) => c.name === 'circle')?.attrs.fill).toBe('#000000');
    expect(sleep(dark)?.children.find((c) => c.name === 'circle')?.attrs.fill).toBe('#ffffff');
  });

  it('caps the rectangles of a big run by coarsening the level of detail', () => {
    const b = new StreamBuilder();
    const tasks = 40;
    for (let k = 0; k < tasks; k++) b.created(0, k, `worker-${k}`, TaskKind.Thread, 0);
    let t = 0;
    for (let i = 0; i < 20_000; i++) {
      const k = i % tasks;
      t += 1e-5;
      b.running(t, k, 0);
      b.line(t, k, 1 + (i % 7));
      b.ev(t + 5e-6, i % 3 === 0 ? EventKind.Sleep : EventKind.Preempted, k, { value: 2e-6 });
    }
    const trace = traceOf(b);
    const scene = buildScene(trace, lanesOf(trace), {
      title: 'big',
      t0: 0,
      t1: trace.endTime,
      width: 1600,
      palette: LIGHT,
      maxRects: 3000,
    });
    expect(scene.rects).toBeLessThanOrEqual(3000);
    expect(scene.rects).toBeGreaterThan(100);
    expect(scene.lanes.slice(0, 3)).toEqual(['worker-0', 'worker-1', 'worker-2']);
    const svg = sceneToSvg(scene, 'big');
    expect(svg.length).toBeLessThan(2_000_000);
    expect(() => parseXml(svg)).not.toThrow();
  });

  it('merges touching unlabelled rectangles of one lane and style', () => {
    const list = new DrawList();
    list.push(0, 10, 0, Style.Running, 1);
    list.push(10, 5, 0, Style.Running, 2);
    list.push(15, 5, 1, Style.Running, 3);
    list.push(20, 80, 1, Style.Running, 4);
    list.push(100, 5, 1, Style.WaitSleep, 5);
    mergeAdjacent(list);
    expect(list.toJSON().map((r) => [r.x, r.w, r.lane])).toEqual([
      [0, 15, 0],
      [15, 5, 1],
      [20, 80, 1],
      [100, 5, 1],
    ]);
  });

  it('shortens long labels with an ellipsis', () => {
    expect(fitText('short', 200)).toBe('short');
    expect(fitText('a very long label indeed', 60)).toMatch(/^a very l.*…$/);
    expect(fitText('abc', 3)).toBe('');
  });
});

describe('trace and text export', () => {
  it('writes the CLI trace format: one named track per task, line slices, sleeps', () => {
    const trace = traceOf(gilStream());
    const json = JSON.parse(JSON.stringify(chromeTraceOf(trace, 'a\nb\n')));
    const names = json.traceEvents
      .filter((e: { name: string }) => e.name === 'thread_name')
      .map((e: { tid: number; args: { name: string } }) => [e.tid, e.args.name]);
    expect(names).toEqual([
      [0, 'MainThread'],
      [1, 'Thread-1'],
      [2, 'Thread-2'],
    ]);
    expect(
      json.traceEvents.some(
        (e: { name: string; ph: string; tid: number }) => e.name === 'sleep' && e.ph === 'X' && e.tid === 1,
      ),
    ).toBe(true);
    const processName = json.traceEvents.find((e: { name: string }) => e.name === 'process_name');
    expect(processName.args.name).toBe('main.py');
  });

  it('writes the same JSON in parts, yielding between chunks of a long run', async () => {
    const b = new StreamBuilder().created(0, 1, 'A');
    for (let i = 0; i < 60_000; i++) b.line(i * 1e-6, 1, 1 + (i % 5));
    const trace = traceOf(b);
    let pauses = 0;
    const parts = await chromeTraceParts(trace, 'x = 1\n', 'main.py', async () => {
      pauses += 1;
    });
    expect(pauses).toBeGreaterThanOrEqual(3);
    expect(JSON.parse(parts.join(''))).toEqual(JSON.parse(JSON.stringify(chromeTraceOf(trace, 'x = 1\n'))));
  });

  it('writes the output, optionally stamped with simulated time', () => {
    const trace = traceOf(gilStream());
    expect(outputText(trace)).toBe('one\ntwo\n');
    expect(outputText(trace, true)).toBe('[  0.007 s] one\n[  1.010 s] two\n');
  });

  it('adds the traceback of a run that ended with an error', () => {
    const trace = new Trace();
    const b = sequentialStream();
    trace.ingest(b.buffer(), b.strings);
    trace.finish({
      elapsed: trace.endTime,
      steps: 0,
      error: {
        type: 'ValueError',
        message: 'boom',
        line: 3,
        traceback: 'Traceback (most recent call last):\nValueError: boom\n',
      },
    });
    expect(outputText(trace).endsWith('done\nTraceback (most recent call last):\nValueError: boom\n')).toBe(true);
  });

  it('names files safely', () => {
    expect(fileSlug('blocking-in-coroutine')).toBe('blocking-in-coroutine');
    expect(fileSlug('../<My Program>.py')).toBe('my-program');
    expect(fileSlug('')).toBe('program');
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(14_540)).toBe('14.2 KB');
  });
});

describe('export of a run with processes', () => {
  it('draws each process header as bold text across the width, in both palettes', () => {
    for (const palette of [LIGHT, DARK]) {
      const trace = traceOf(poolStream());
      const scene = buildScene(trace, lanesOf(trace), {
        title: 'pool',
        t0: 0,
        t1: trace.endTime,
        width: 1000,
        palette,
      });
      const headers = scene.shapes
        .filter((s) => s.kind === 'text' && s.weight === 700)
        .map((s) => (s.kind === 'text' ? s.text : ''));
      expect(headers).toEqual([
        'MainProcess · pid 4242',
        'SpawnPoolWorker-1 · pid 4243',
        'SpawnPoolWorker-2 · pid 4244',
        'Cores · shared by all processes',
      ]);
      expect(scene.shapes.filter((s) => s.kind === 'text' && s.text === 'GIL')).toHaveLength(3);
    }
  });
});
