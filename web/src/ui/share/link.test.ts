import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../engine/settings';
import {
  MAX_CODE_BYTES,
  MAX_JSON_BYTES,
  MAX_PAYLOAD_CHARS,
  ShareError,
  type SharedState,
  decodeShare,
  encodeShare,
  fromBase64Url,
  isShareFragment,
  toBase64Url,
  validate,
} from './link';

const SETTINGS: Settings = { ...DEFAULT_SETTINGS, gil: false, cores: 4, seed: 7, switchInterval: 0.002, capacity: 3 };

async function pack(value: unknown, version = 1): Promise<string> {
  const json = new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
  const stream = new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return `s=${version}.${toBase64Url(bytes)}`;
}

async function decodeOk(fragment: string): Promise<SharedState> {
  const result = await decodeShare(fragment);
  if (!result.ok) throw new Error(result.error);
  return result.state;
}

async function decodeError(fragment: string): Promise<string> {
  const result = await decodeShare(fragment);
  if (result.ok) throw new Error('expected the link to be rejected');
  return result.error;
}

// pseudoRandomText is incompressible text from a fixed generator, so sizes are repeatable.
function pseudoRandomText(chars: number): string {
  let x = 12345;
  let out = '';
  for (let i = 0; i < chars; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out += String.fromCharCode(33 + (x % 90));
  }
  return out;
}

describe('share links', () => {
  it('round-trips code, settings, example and position', async () => {
    const state: SharedState = {
      code: 'import time\nprint("hi")\n',
      settings: SETTINGS,
      example: 'race-counter',
      position: 1.2345678901234567,
    };
    const fragment = await encodeShare(state);
    expect(fragment).toMatch(/^s=1\.[A-Za-z0-9_-]+$/);
    expect(await decodeOk(fragment)).toEqual(state);
    expect(await decodeOk(`#${fragment}`)).toEqual(state);
    expect(isShareFragment(`#${fragment}`)).toBe(true);
    expect(isShareFragment('#t=3')).toBe(false);
  });

  it('round-trips a schedule to replay, and rejects one with characters a schedule never has', async () => {
    const schedule = `2.${'a1-b0_c~3.'.repeat(400)}`.slice(0, 4096);
    const state: SharedState = { code: 'import threading\n', settings: { ...DEFAULT_SETTINGS, schedule } };
    const fragment = await encodeShare(state);
    expect(await decodeOk(fragment)).toEqual(state);
    expect((await decodeOk(await encodeShare({ code: 'x', settings: DEFAULT_SETTINGS }))).settings.schedule).toBeNull();
    expect(await decodeError(await pack({ code: 'x', settings: { schedule: 'a b' } }))).toMatch(
      /schedule is not valid/,
    );
    expect(await decodeError(await pack({ code: 'x', settings: { schedule: 'x'.repeat(4097) } }))).toMatch(
      /schedule is not valid/,
    );
    expect(await decodeError(await pack({ code: 'x', settings: { schedule: 7 } }))).toMatch(/schedule is not valid/);
    expect((await decodeOk(await pack({ code: 'x', settings: { schedule: null } }))).settings.schedule).toBeNull();
  });

  it('omits what is not given and keeps an empty program', async () => {
    const state = await decodeOk(await encodeShare({ code: '', settings: DEFAULT_SETTINGS }));
    expect(state).toEqual({ code: '', settings: DEFAULT_SETTINGS });
    expect('example' in state).toBe(false);
    expect('position' in state).toBe(false);
  });

  it('keeps unicode, tabs, CRLF and NUL characters exactly', async () => {
    const code = 'print("héllo wörld 你好 🧵🐍")\n\tx = "naïve — “quotes”"\r\n# ∑ ∞ \u0000 end\n';
    expect((await decodeOk(await encodeShare({ code, settings: DEFAULT_SETTINGS }))).code).toBe(code);
  });

  it('compresses a typical program well below its size', async () => {
    const code =
      'import threading\n\ncounter = 0\n\ndef work():\n    global counter\n    for _ in range(1000):\n        counter += 1\n'.repeat(
        20,
      );
    const fragment = await encodeShare({ code, settings: DEFAULT_SETTINGS });
    expect(fragment.length).toBeLessThan(code.length / 5);
  });

  it('rejects truncated links', async () => {
    const fragment = await encodeShare({ code: pseudoRandomText(2000), settings: SETTINGS, position: 3 });
    for (const cut of [fragment.length - 1, fragment.length - 7, Math.floor(fragment.length / 2), 12, 4]) {
      expect(await decodeError(fragment.slice(0, cut))).toMatch(/damaged|cut off|empty/);
    }
    expect(await decodeError('s=1.')).toMatch(/empty/);
    expect(await decodeError('s=1')).toMatch(/empty/);
  });

  it('rejects garbage without throwing', async () => {
    const garbage = [
      '',
      '#',
      's=',
      's=x.abc',
      's=1.!!!!',
      's=1.<script>alert(1)</script>',
      's=1.%3Cscript%3E',
      's=1.AAAA',
      's=1.' + 'A'.repeat(101),
      's=1.aGVsbG8',
      'javascript:alert(1)',
      's=1.a b',
    ];
    for (const fragment of garbage) {
      const result = await decodeShare(fragment);
      expect(result.ok, fragment).toBe(false);
      if (!result.ok) expect(result.error.length).toBeGreaterThan(10);
    }
    expect(await decodeError('javascript:alert(1)')).toMatch(/not a share link/);
  });

  it('rejects compressed data that is not the schema', async () => {
    expect(await decodeError(await pack('not json'))).toMatch(/not a saved program/);
    expect(await decodeError(await pack([1, 2]))).toMatch(/not a saved program/);
    expect(await decodeError(await pack(null))).toMatch(/not a saved program/);
    expect(await decodeError(await pack({ settings: {} }))).toMatch(/no program text/);
    expect(await decodeError(await pack({ code: 42 }))).toMatch(/no program text/);
    expect(await decodeError(await pack({ code: '', settings: 'gil off' }))).toMatch(/settings/);
    expect(await decodeError(await pack({ code: '', settings: { cores: 'javascript:alert(1)' } }))).toMatch(/cores/);
    expect(await decodeError(await pack({ code: '', settings: { gil: 'false' } }))).toMatch(/gil/);
    expect(await decodeError(await pack({ code: '', example: '<img src=x onerror=alert(1)>' }))).toMatch(
      /example name/,
    );
    expect(await decodeError(await pack({ code: '', example: 'javascript:alert(1)' }))).toMatch(/example name/);
    expect(await decodeError(await pack({ code: '', position: -1 }))).toMatch(/position/);
    expect(await decodeError(await pack({ code: '', position: '3' }))).toMatch(/position/);
    const invalidUtf8 = new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    const stream = new Blob([invalidUtf8]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    expect(await decodeError(`s=1.${toBase64Url(bytes)}`)).toMatch(/not a saved program/);
  });

  it('clamps settings into range and ignores unknown fields', async () => {
    const state = await decodeOk(
      await pack({
        code: 'x',
        settings: { cores: 1000, seed: -5, capacity: null, extra: '<b>' },
        extra: { nested: true },
      }),
    );
    expect(state.settings).toEqual({ ...DEFAULT_SETTINGS, cores: 16, seed: 0, capacity: null });
  });

  it('rejects other format versions with a message naming both', async () => {
    const error = await decodeError(await pack({ code: 'x' }, 2));
    expect(error).toContain('format 2');
    expect(error).toContain('format 1');
    expect(await decodeError('s=abc.xyz')).toMatch(/format number/);
  });

  it('rejects oversized programs, payloads and decompression bombs', async () => {
    const big = 'x'.repeat(MAX_CODE_BYTES + 1);
    await expect(encodeShare({ code: big, settings: DEFAULT_SETTINGS })).rejects.toBeInstanceOf(ShareError);
    await expect(encodeShare({ code: big, settings: DEFAULT_SETTINGS })).rejects.toThrow(/too long/);
    const accented = 'é'.repeat(MAX_CODE_BYTES / 2 + 1);
    await expect(encodeShare({ code: accented, settings: DEFAULT_SETTINGS })).rejects.toThrow(/too long/);
    expect(await decodeError(await pack({ code: big }))).toMatch(/too large/);
    expect(await decodeError(await pack({ code: 'x'.repeat(MAX_JSON_BYTES * 20) }))).toMatch(/too large/);
    expect(await decodeError(`s=1.${'A'.repeat(MAX_PAYLOAD_CHARS + 4)}`)).toMatch(/too large/);
  });

  it('accepts the largest program it can encode', async () => {
    const code = pseudoRandomText(MAX_CODE_BYTES);
    const fragment = await encodeShare({ code, settings: DEFAULT_SETTINGS });
    expect(fragment.length).toBeLessThanOrEqual(MAX_PAYLOAD_CHARS + 4);
    expect((await decodeOk(fragment)).code).toBe(code);
  });

  it('keeps hostile strings as inert data', async () => {
    const code = '<script>window.__pwned = 1</script>\n<img src=x onerror="alert(1)">\nprint("javascript:alert(1)")\n';
    const state = await decodeOk(await encodeShare({ code, settings: DEFAULT_SETTINGS, example: 'sequential' }));
    expect(state.code).toBe(code);
    const proto = await decodeOk(
      await pack({
        code: 'x',
        settings: { __proto__: { gil: false }, constructor: { prototype: { polluted: 1 } } },
        __proto__: { polluted: 1 },
      }),
    );
    expect(proto.settings).toEqual(DEFAULT_SETTINGS);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(proto).sort()).toEqual(['code', 'settings']);
  });

  it('validates objects directly', () => {
    expect(validate({ code: 'a', settings: { gil: false } })).toEqual({
      ok: true,
      state: { code: 'a', settings: { ...DEFAULT_SETTINGS, gil: false } },
    });
    expect(validate('a').ok).toBe(false);
  });

  it('base64url round-trips every byte value and rejects invalid text', () => {
    const bytes = new Uint8Array(256).map((_, i) => i);
    const text = toBase64Url(bytes);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fromBase64Url(text)).toEqual(bytes);
    expect(fromBase64Url('a')).toBeNull();
    expect(fromBase64Url('ab+/')).toBeNull();
    expect(fromBase64Url('ab==')).toBeNull();
  });
});
