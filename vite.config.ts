// Vite builds the static site from web/ into dist/. base './' keeps every URL relative,
// so the site works from any sub-path; the wasm is emitted as a file and fetched by URL.
// The embed (embed.html) is built separately as classic scripts, see embedBuild.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Plugin, build, defineConfig } from 'vite';
import { siteManifest } from './scripts/site-manifest.mjs';

const ROOT = import.meta.dirname;
const WEB = join(ROOT, 'web');

// embedModules provides what the embed cannot fetch from an opaque origin: the wasm bytes and the examples.
function embedModules(): Plugin {
  const ids: Record<string, () => string> = {
    'virtual:interleave-wasm': () =>
      `export default ${JSON.stringify(readFileSync(join(WEB, 'src/engine/generated/interleave.wasm')).toString('base64'))};`,
    'virtual:interleave-examples': () => {
      const dir = join(ROOT, 'public/examples');
      const sources: Record<string, string> = {};
      for (const file of readdirSync(dir)) if (file.endsWith('.py')) sources[file] = readFileSync(join(dir, file), 'utf8');
      const index: unknown = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
      return `export default ${JSON.stringify({ index, sources })};`;
    },
  };
  return {
    name: 'interleave-embed-modules',
    enforce: 'pre',
    // transform: a classic script has no import.meta; the embed sets self.__interleaveBase to its script's URL instead.
    transform: (code) => (code.includes('import.meta.url') ? code.replaceAll('import.meta.url', 'self.__interleaveBase') : null),
    resolveId: (id) => (id in ids ? `\0${id}` : null),
    load: (id) => (id.startsWith('\0') && id.slice(1) in ids ? ids[id.slice(1)]() : null),
  };
}

// classicBuild bundles one entry into a single classic (IIFE) script: a sandboxed iframe may
// only load scripts that need no CORS headers, and a blob worker may only importScripts them.
async function classicBuild(entry: string, fileName: string, define: Record<string, string> = {}) {
  const result = await build({
    configFile: false,
    root: WEB,
    base: './',
    publicDir: false,
    logLevel: 'warn',
    define,
    plugins: [embedModules()],
    build: {
      write: false,
      target: 'es2022',
      copyPublicDir: false,
      chunkSizeWarningLimit: 4096,
      rollupOptions: {
        input: resolve(WEB, entry),
        output: { format: 'iife', entryFileNames: fileName },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as { output: { type: string; fileName: string; code?: string }[] }[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
  if (!chunk?.code) throw new Error(`the embed build of ${entry} produced no script`);
  return { fileName: chunk.fileName, code: chunk.code };
}

// embedBuild adds embed.html and its light script, the engine worker (the wasm inlined), the
// <interleave-playground> element (interleave-embed.js) and the full UI script to dist/.
function embedBuild(): Plugin {
  return {
    name: 'interleave-embed',
    apply: 'build',
    async generateBundle() {
      // The library archive is a classic script of its own, which the engine worker imports only
      // when a program imports a library module (vm/frozen.h), as the playground fetches it.
      const archive = readFileSync(join(WEB, 'src/engine/generated/interleave-library.txt'), 'utf8');
      const library = {
        fileName: `assets/embed-library-${createHash('sha256').update(archive).digest('hex').slice(0, 8)}.js`,
        code: `self.__interleaveLibrary=${JSON.stringify(archive)};`,
      };
      const engine = await classicBuild('src/embed/worker.ts', 'assets/embed-engine-[hash].js', {
        __EMBED_LIBRARY__: JSON.stringify(library.fileName),
      });
      this.emitFile({ type: 'asset', fileName: library.fileName, source: library.code });
      // The element's full UI (loaded on the first Run, once per page) and the light element
      // itself, at a stable URL with the hashed names of the UI and engine scripts written in;
      // embed.html's own script is the same element, made from the page's URL (light/page.ts).
      const inline = await classicBuild('src/embed/inline.ts', 'assets/embed-inline-[hash].js');
      const names = { __EMBED_INLINE__: JSON.stringify(inline.fileName), __EMBED_ENGINE__: JSON.stringify(engine.fileName) };
      const element = await classicBuild('src/embed/light/element.ts', 'interleave-embed.js', names);
      const page = await classicBuild('src/embed/light/page.ts', 'assets/embed-light-[hash].js', names);
      for (const file of [engine, page, inline, element]) this.emitFile({ type: 'asset', fileName: file.fileName, source: file.code });
      const template = readFileSync(join(WEB, 'embed.html'), 'utf8');
      const tag = `<script defer src="./${page.fileName}"></script>`;
      if (!template.includes('<!-- embed-script -->')) throw new Error('web/embed.html lacks the <!-- embed-script --> marker');
      this.emitFile({ type: 'asset', fileName: 'embed.html', source: template.replace('<!-- embed-script -->', tag) });
    },
  };
}

export default defineConfig({
  root: 'web',
  publicDir: '../public',
  base: './',
  plugins: [embedBuild(), siteManifest()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: (file) => (file.endsWith('.wasm') ? false : undefined),
    // chunkSizeWarningLimit: the page script (CodeMirror and xterm.js) is 880 KB minified by design;
    // its gzip size is reported by scripts/site-manifest.mjs and budgeted in bench/ui.mjs.
    chunkSizeWarningLimit: 1024,
  },
  worker: {
    format: 'es',
  },
  server: {
    host: '127.0.0.1',
  },
  preview: {
    host: '127.0.0.1',
  },
});
