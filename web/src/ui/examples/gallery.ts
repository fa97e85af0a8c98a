// The examples gallery: public/examples/index.json lists each example's file, title,
// explanation, suggested settings and an optional compare pair. Loaded by URL relative
// to the page, checked before use, and each program fetched on demand.
import type { Settings } from '../../engine/settings';

export interface CompareSide {
  label: string;
  /** example names another example whose program this side runs (default: the editor's). */
  example?: string;
  settings?: Partial<Settings>;
}

export interface Example {
  name: string;
  file: string;
  title: string;
  kind: 'sequential' | 'threads' | 'asyncio';
  explanation: string;
  settings: Partial<Settings>;
  compare?: { a: CompareSide; b: CompareSide };
  /** variant examples back a compare and stay out of the menu. */
  variant?: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function side(v: unknown): CompareSide | null {
  if (!isObject(v) || typeof v.label !== 'string') return null;
  return {
    label: v.label,
    example: typeof v.example === 'string' ? v.example : undefined,
    settings: isObject(v.settings) ? (v.settings as Partial<Settings>) : undefined,
  };
}

/** parseIndex validates index.json, dropping malformed entries. */
export function parseIndex(data: unknown): Example[] {
  if (!isObject(data) || !Array.isArray(data.examples)) return [];
  const out: Example[] = [];
  for (const e of data.examples) {
    if (!isObject(e)) continue;
    const { name, file, title, kind, explanation } = e;
    if (
      typeof name !== 'string' ||
      typeof file !== 'string' ||
      typeof title !== 'string' ||
      typeof explanation !== 'string'
    )
      continue;
    if (!/^[\w.-]+\.py$/.test(file)) continue;
    const compare = isObject(e.compare) ? { a: side(e.compare.a), b: side(e.compare.b) } : null;
    out.push({
      name,
      file,
      title,
      explanation,
      kind: kind === 'threads' || kind === 'asyncio' ? kind : 'sequential',
      settings: isObject(e.settings) ? (e.settings as Partial<Settings>) : {},
      compare: compare && compare.a && compare.b ? { a: compare.a, b: compare.b } : undefined,
      variant: e.variant === true,
    });
  }
  return out;
}

export class Gallery {
  examples: Example[] = [];
  private readonly sources = new Map<string, string>();

  constructor(private readonly base: URL) {}

  async load(): Promise<Example[]> {
    const response = await fetch(new URL('index.json', this.base));
    if (!response.ok) throw new Error(`examples index: HTTP ${response.status}`);
    this.examples = parseIndex(await response.json());
    return this.examples;
  }

  get listed(): Example[] {
    return this.examples.filter((e) => !e.variant);
  }

  find(name: string): Example | undefined {
    const key = name.toLowerCase().replace(/_/g, '-').replace(/\.py$/, '');
    return this.examples.find((e) => e.name === key || e.file === name);
  }

  async source(example: Example): Promise<string> {
    const cached = this.sources.get(example.name);
    if (cached !== undefined) return cached;
    const response = await fetch(new URL(example.file, this.base));
    if (!response.ok) throw new Error(`example ${example.name}: HTTP ${response.status}`);
    const text = await response.text();
    this.sources.set(example.name, text);
    return text;
  }
}
