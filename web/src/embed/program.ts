// The embed's program: from a share link (#s=…), a plain program (#code=…) or
// `example=NAME`, with the URL's runtime parameters applied over its settings. A link or
// name that cannot be used gives the default example and a note saying why.
import { DEFAULT_SETTINGS, normalizeSettings } from '../engine/settings';
import { decodeShare } from '../ui/share/link';
import type { EmbedProgram } from './embed-app';
import { exampleNames, findExample } from './examples';
import { type EmbedOptions, programFromFragment } from './options';

/** MAX_CODE_CHARS bounds a plain #code= program, as share links bound theirs. */
export const MAX_CODE_CHARS = 64 * 1024;
const DEFAULT_EXAMPLE = 'sequential';

export interface ResolvedProgram extends EmbedProgram {
  /** position is the share link's playback position, if it has one. */
  position: number | null;
}

export async function resolveProgram(fragment: string, options: EmbedOptions): Promise<ResolvedProgram> {
  const resolved = await base(fragment, options);
  return { ...resolved, settings: normalizeSettings({ ...resolved.settings, ...options.settings }) };
}

async function base(fragment: string, options: EmbedOptions): Promise<ResolvedProgram> {
  const hash = fragment.replace(/^#/, '');
  if (hash.startsWith('s=')) {
    const decoded = await decodeShare(hash);
    if (decoded.ok) {
      const s = decoded.state;
      return {
        source: s.code,
        settings: s.settings,
        example: s.example ?? null,
        note: '',
        position: s.position ?? null,
      };
    }
    return fallback(`This embed's link could not be read (${decoded.error}); showing an example instead.`);
  }
  const code = programFromFragment(hash);
  if (code !== null) {
    if (code.length > MAX_CODE_CHARS)
      return fallback(`The program is longer than ${MAX_CODE_CHARS / 1024} KB; showing an example instead.`);
    return { source: code, settings: { ...DEFAULT_SETTINGS }, example: null, note: '', position: null };
  }
  if (hash.startsWith('code='))
    return fallback("The program in this embed's link is not valid percent-encoded text; showing an example instead.");
  if (options.example) {
    const found = findExample(options.example);
    if (found)
      return {
        source: found.source,
        settings: normalizeSettings({ ...DEFAULT_SETTINGS, ...found.example.settings }),
        example: found.example.name,
        note: '',
        position: null,
      };
    return fallback(`There is no example '${options.example}'. Examples: ${exampleNames().join(', ')}.`);
  }
  return fallback('');
}

function fallback(note: string): ResolvedProgram {
  const found = findExample(DEFAULT_EXAMPLE);
  const settings = normalizeSettings({ ...DEFAULT_SETTINGS, ...found?.example.settings });
  return {
    source: found?.source ?? 'print("hello")\n',
    settings,
    example: found?.example.name ?? null,
    note,
    position: null,
  };
}
