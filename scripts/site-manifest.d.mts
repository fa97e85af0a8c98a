// Types of scripts/site-manifest.mjs for the TypeScript that imports it (vite.config.ts).
import type { Plugin } from 'vite';

export interface SizeRow {
  ext: string;
  files: number;
  raw: number;
  gzip: number;
}

export function listFiles(dir: string): string[];
export function shellFiles(dist: string): string[];
export function injectManifest(dist: string): { version: string; files: string[] } | null;
export function gzipSizes(dist: string, files?: string[]): SizeRow[];
export function formatSizes(rows: SizeRow[], title: string): string;
export function finishSite(dist?: string): void;
export function siteManifest(): Plugin;
