// imports: the import graph of the TypeScript under a folder and the cycles in it. Every
// relative import counts, `import type`, re-exports and dynamic import() included, since each
// is a dependency of one module on another. scripts/imports.test.mjs fails on any cycle in
// web/src; `node scripts/imports.mjs [DIR]` prints them.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { isMain, root } from './lib.mjs';

const SOURCE = /\.(ts|mts)$/;

// sourceFiles lists every .ts and .mts file under dir, in name order.
function sourceFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sourceFiles(path);
      return SOURCE.test(name) ? [path] : [];
    });
}

// resolveImport finds the source file a relative specifier names, as the bundler does; null for
// anything that is not TypeScript (styles, ?inline assets) or not under dir.
function resolveImport(from, specifier) {
  const base = resolve(dirname(from), specifier.replace(/\?.*$/, ''));
  const candidates = [
    base,
    `${base}.ts`,
    base.replace(/\.mjs$/, '.d.mts'),
    base.replace(/\.js$/, '.ts'),
    join(base, 'index.ts'),
  ];
  return candidates.find((path) => SOURCE.test(path) && existsSync(path) && statSync(path).isFile()) ?? null;
}

/** importGraph maps each source file under dir (paths relative to dir) to the files it imports. */
export function importGraph(dir) {
  const graph = new Map();
  for (const file of sourceFiles(dir)) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const deps = info.importedFiles
      .map((ref) => ref.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => resolveImport(file, name))
      .filter((path) => path !== null)
      .map((path) => relative(dir, path));
    graph.set(relative(dir, file), [...new Set(deps)]);
  }
  return graph;
}

/**
 * findCycles returns one cycle per strongly connected component of the graph (Tarjan's
 * algorithm), each as a path [a, b, ..., a]; an empty list when the graph is acyclic.
 */
export function findCycles(graph) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  const visit = (node) => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const dep of graph.get(node) ?? []) {
      if (!index.has(dep)) {
        visit(dep);
        low.set(node, Math.min(low.get(node), low.get(dep)));
      } else if (onStack.has(dep)) {
        low.set(node, Math.min(low.get(node), index.get(dep)));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) components.push(component);
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return components.map((component) => cycleIn(graph, new Set(component)));
}

// cycleIn walks from a component's first member back to it (breadth first, so the path is short).
function cycleIn(graph, members) {
  const start = [...members].sort()[0];
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const dep of graph.get(node) ?? []) {
      if (dep === start) {
        const path = [];
        for (let at = node; at !== null; at = previous.get(at)) path.unshift(at);
        return [...path, start];
      }
      if (members.has(dep) && !previous.has(dep)) {
        previous.set(dep, node);
        queue.push(dep);
      }
    }
  }
  return [start, start];
}

if (isMain(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? join(root, 'web', 'src'));
  const cycles = findCycles(importGraph(dir));
  for (const cycle of cycles) console.log(cycle.join(' -> '));
  console.log(`${cycles.length} import cycle${cycles.length === 1 ? '' : 's'} in ${relative(root, dir) || '.'}`);
  process.exit(cycles.length > 0 ? 1 : 0);
}
