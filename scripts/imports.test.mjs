import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findCycles, importGraph } from './imports.mjs';
import { root } from './lib.mjs';

// LAYERS are web/src's folders from the bottom up (docs/ARCHITECTURE.md): each imports only its own and those below.
const LAYERS = ['engine', 'player', 'ui', 'embed'];

describe('import cycles', () => {
  const graph = importGraph(join(root, 'web', 'src'));

  it('web/src has none', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('web/src imports downward only: engine → player → ui → embed', () => {
    const layer = (path) => LAYERS.indexOf(path.split('/')[0]);
    const upward = [...graph].flatMap(([file, deps]) =>
      deps.filter((dep) => layer(file) >= 0 && layer(dep) > layer(file)).map((dep) => `${file} -> ${dep}`),
    );
    expect(upward).toEqual([]);
  });

  describe('the check', () => {
    let dir = '';
    afterEach(() => rmSync(dir, { recursive: true, force: true }));
    const tree = (files) => {
      dir = mkdtempSync(join(tmpdir(), 'interleave-imports-'));
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(dir, path, '..'), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      return importGraph(dir);
    };

    it('finds a cycle made only of type imports, re-exports and dynamic imports', () => {
      const graph = tree({
        'ui/app.ts': "import type { Feature } from './feature';\nimport './style.css';\n",
        'ui/feature.ts': "export * from '../engine/client';\n",
        'engine/client.ts': "export const later = () => import('../ui/app');\n",
        'engine/events.ts': "import { later } from './client';\n",
      });
      expect(graph.get('ui/app.ts')).toEqual(['ui/feature.ts']);
      expect(findCycles(graph)).toEqual([['engine/client.ts', 'ui/app.ts', 'ui/feature.ts', 'engine/client.ts']]);
    });

    it('passes a graph whose modules share a dependency without a loop', () => {
      const graph = tree({
        'a.ts': "import { b } from './b';\nimport { c } from './c';\n",
        'b.ts': "import { c } from './c';\n",
        'c.ts': 'export const c = 1;\n',
      });
      expect(findCycles(graph)).toEqual([]);
    });

    it('finds a module that imports itself', () => {
      expect(findCycles(tree({ 'self.ts': "import { x } from './self';\nexport const x = 1;\n" }))).toEqual([
        ['self.ts', 'self.ts'],
      ]);
    });
  });
});
