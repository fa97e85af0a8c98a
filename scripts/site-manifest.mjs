// site-manifest: finishes dist/ after `vite build` (as the Vite plugin siteManifest). It
// writes the app shell (index.html, every asset the page reaches, the examples) and a content
// hash into dist/sw.js, so the service worker precaches exactly this build, and reports gzip
// sizes per file type. `node scripts/site-manifest.mjs [DIR]` runs it on its own.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { isMain, root } from './lib.mjs';

const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.json']);
const PLACEHOLDER = /^const BUILD = .*;$/m;

/** listFiles returns every file under dir as a '/'-separated relative path, sorted. */
export function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** shellFiles lists what the playground page needs offline: index.html, the assets it reaches by file name, the data files (examples, challenges). */
export function shellFiles(dist) {
  const all = listFiles(dist).filter((f) => f !== 'sw.js' && !f.endsWith('.map'));
  const assets = all.filter((f) => f.startsWith('assets/'));
  const reached = new Set(['index.html']);
  const queue = ['index.html'];
  while (queue.length > 0) {
    const file = queue.shift();
    if (!TEXT.has(extname(file))) continue;
    const text = readFileSync(join(dist, file), 'utf8');
    for (const asset of assets) {
      if (!reached.has(asset) && text.includes(basename(asset))) {
        reached.add(asset);
        queue.push(asset);
      }
    }
  }
  for (const f of all) if (!f.startsWith('assets/') && extname(f) !== '.html') reached.add(f);
  return [...reached].sort();
}

/** injectManifest writes the shell and its hash into dist/sw.js; returns them (null without sw.js). */
export function injectManifest(dist) {
  const sw = join(dist, 'sw.js');
  if (!existsSync(sw)) return null;
  const files = shellFiles(dist);
  const hash = createHash('sha256');
  for (const f of files)
    hash
      .update(f)
      .update('\0')
      .update(readFileSync(join(dist, f)))
      .update('\0');
  const version = hash.digest('hex').slice(0, 16);
  const source = readFileSync(sw, 'utf8');
  if (!PLACEHOLDER.test(source)) throw new Error('dist/sw.js has no `const BUILD = ...;` line to fill in');
  const build = { version, files: ['./', ...files] };
  writeFileSync(sw, source.replace(PLACEHOLDER, `const BUILD = ${JSON.stringify(build)};`));
  return build;
}

/** gzipSizes sums raw and gzip (level 9) bytes per file extension. */
export function gzipSizes(dist, files = listFiles(dist)) {
  const rows = new Map();
  for (const f of files) {
    const bytes = readFileSync(join(dist, f));
    const ext = extname(f) || '(none)';
    const row = rows.get(ext) ?? { ext, files: 0, raw: 0, gzip: 0 };
    row.files += 1;
    row.raw += bytes.length;
    row.gzip += gzipSync(bytes, { level: 9 }).length;
    rows.set(ext, row);
  }
  return [...rows.values()].sort((a, b) => b.gzip - a.gzip);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** formatSizes renders gzipSizes rows with a total as a small table. */
export function formatSizes(rows, title) {
  const total = rows.reduce((t, r) => ({ files: t.files + r.files, raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), {
    files: 0,
    raw: 0,
    gzip: 0,
  });
  const line = (a, b, c, d) => `  ${a.padEnd(8)} ${String(b).padStart(5)} ${c.padStart(11)} ${d.padStart(11)}`;
  return [
    title,
    line('type', 'files', 'raw', 'gzip'),
    ...rows.map((r) => line(r.ext, r.files, kb(r.raw), kb(r.gzip))),
    line('total', total.files, kb(total.raw), kb(total.gzip)),
  ].join('\n');
}

/** finishSite fills in the service worker's manifest and prints the sizes. */
export function finishSite(dist = join(root, 'dist')) {
  const build = injectManifest(dist);
  console.log(formatSizes(gzipSizes(dist), 'dist/ by file type:'));
  if (build) {
    const shell = build.files.filter((f) => f !== './');
    console.log(
      formatSizes(gzipSizes(dist, shell), `Offline app shell (${shell.length} files, cache ${build.version}):`),
    );
  }
}

/** siteManifest is the Vite plugin that runs finishSite on the output directory after every build. */
export function siteManifest() {
  let outDir = '';
  return {
    name: 'interleave-site-manifest',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      finishSite(outDir);
    },
  };
}

if (isMain(import.meta.url)) finishSite(process.argv[2] ?? join(root, 'dist'));
