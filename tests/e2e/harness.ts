// The end-to-end harness: serves dist/ on a free local port and drives Debian's Chromium
// through playwright-core with a fresh profile per test file. Screenshots go to
// test-artifacts/e2e/.
import { mkdirSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, type Page, chromium } from 'playwright-core';
// @ts-expect-error: scripts/serve.mjs is plain JavaScript without type declarations.
import { serve } from '../../scripts/serve.mjs';

export const ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Harness {
  url: string;
  context: BrowserContext;
  newPage(viewport?: { width: number; height: number }, colorScheme?: 'light' | 'dark'): Promise<Page>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const dist = join(ROOT, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first');
  mkdirSync(ARTIFACTS, { recursive: true });
  const { server, url } = (await serve(dist, 4300 + Math.floor(Math.random() * 500))) as {
    server: Server;
    url: string;
  };
  const profile = mkdtempSync(join(tmpdir(), 'interleave-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 720 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  return {
    url,
    context,
    async newPage(viewport, colorScheme) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      if (colorScheme) await page.emulateMedia({ colorScheme });
      page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
      return page;
    },
    async close() {
      await context.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function artifact(name: string): string {
  return join(ARTIFACTS, `${name}.png`);
}
