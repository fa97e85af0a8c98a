import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIndex } from './gallery';

const dir = new URL('../../../../public/examples/', import.meta.url);

describe('examples index', () => {
  const examples = parseIndex(JSON.parse(readFileSync(new URL('index.json', dir), 'utf8')));

  it('lists at least 12 examples, each with its file and a paragraph', () => {
    expect(examples.filter((e) => !e.variant).length).toBeGreaterThanOrEqual(12);
    for (const e of examples) {
      expect(existsSync(new URL(e.file, dir)), e.file).toBe(true);
      expect(e.explanation.length, e.name).toBeGreaterThan(80);
    }
    expect(new Set(examples.map((e) => e.name)).size).toBe(examples.length);
  });

  it('points compare pairs at known examples', () => {
    for (const e of examples) {
      for (const side of e.compare ? [e.compare.a, e.compare.b] : []) {
        if (side.example)
          expect(
            examples.some((x) => x.name === side.example),
            side.example,
          ).toBe(true);
      }
    }
  });

  it('drops malformed entries', () => {
    expect(parseIndex({ examples: [{ name: 'x', file: '../etc/passwd', title: 't', explanation: 'e' }, 7] })).toEqual(
      [],
    );
    expect(parseIndex(null)).toEqual([]);
  });
});
