// The examples built into the embed: an embed in a sandboxed iframe cannot fetch
// examples/ from a host without CORS headers, so `example=NAME` reads them from the bundle.
import bundled from 'virtual:interleave-examples';
import { type Example, parseIndex } from '../ui/examples/gallery';

const examples = parseIndex(bundled.index);

/** findExample looks an example up by name or file name, as the playground's console does. */
export function findExample(name: string): { example: Example; source: string } | null {
  const key = name.toLowerCase().replace(/_/g, '-').replace(/\.py$/, '');
  const example = examples.find((e) => e.name === key || e.file === name);
  const source = example ? bundled.sources[example.file] : undefined;
  return example && source !== undefined ? { example, source } : null;
}

export function exampleNames(): string[] {
  return examples.filter((e) => !e.variant).map((e) => e.name);
}
