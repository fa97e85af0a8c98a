// The standard library beyond the concurrency core is a separate archive (interleave-library.txt)
// that hosts add on a program's first import of it; these tests use the real wasm module.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadEngine } from './client';

const wasm = readFileSync(new URL('./generated/interleave.wasm', import.meta.url));
const archive = readFileSync(new URL('./generated/interleave-library.txt', import.meta.url));

describe('the library archive', () => {
  it('is not needed by programs that import only the concurrency core', async () => {
    const engine = await loadEngine(wasm);
    const source = [
      'import threading, queue, asyncio, heapq',
      'import concurrent.futures',
      'from concurrent.futures import ThreadPoolExecutor',
      'import aiohttp, requests',
      'print("core only")',
    ].join('\n');
    expect(engine.needsLibrary(source)).toBe(false);
    const result = engine.runProgram(source);
    expect(result.error).toBeNull();
    expect(result.output).toBe('core only\n');
  });

  it('is needed by import statements anywhere in a program, and then loaded once', async () => {
    const engine = await loadEngine(wasm);
    expect(engine.needsLibrary('import logging')).toBe(true);
    expect(engine.needsLibrary('from dataclasses import dataclass')).toBe(true);
    expect(engine.needsLibrary('import asyncio, datetime as d')).toBe(true);
    expect(engine.needsLibrary('def f():\n    import typing\n    return typing')).toBe(true);
    expect(engine.needsLibrary('x = "import logging"  # import logging')).toBe(false);
    // ProcessPoolExecutor is in the core's concurrent.futures but runs on the library's multiprocessing.
    expect(
      engine.needsLibrary('import concurrent.futures\nwith concurrent.futures.ProcessPoolExecutor() as ex: pass'),
    ).toBe(true);
    expect(engine.needsLibrary('import multiprocessing')).toBe(true);
    const program = 'import datetime\nprint(datetime.date(2024, 3, 1) + datetime.timedelta(days=30))';
    const before = engine.runProgram(program);
    expect(before.error?.type).toBe('ModuleNotFoundError');
    expect(before.error?.message).toContain("module 'datetime' is in the playground's library");
    expect(before.error?.line).toBe(1);
    engine.addLibrary(archive);
    expect(engine.needsLibrary('import logging')).toBe(false);
    const after = engine.runProgram(program);
    expect(after.error).toBeNull();
    expect(after.output).toBe('2024-03-31\n');
  });

  it('refuses a damaged archive with a message and keeps working', async () => {
    const engine = await loadEngine(wasm);
    expect(() => engine.addLibrary(new TextEncoder().encode('json\nm\n99999\nprint(1)'))).toThrow(
      /truncated in module json/,
    );
    expect(() => engine.addLibrary(new TextEncoder().encode('json\nx\n1\n\n'))).toThrow(/malformed/);
    expect(engine.runProgram('print(6 * 7)').output).toBe('42\n');
  });

  it('holds the modules programs import most', () => {
    // The archive is records of "name\n", "p" or "m", "\n", the source's byte length, "\n", the source.
    const names = new Set<string>();
    let at = 0;
    const line = () => {
      const end = archive.indexOf(10, at);
      const text = archive.subarray(at, end).toString('utf8');
      at = end + 1;
      return text;
    };
    while (at < archive.length) {
      const name = line();
      line();
      const length = Number(line());
      at += length;
      names.add(name);
    }
    for (const module of [
      'json',
      'collections',
      'dataclasses',
      'logging',
      'datetime',
      'typing',
      'functools',
      'itertools',
      'enum',
      'abc',
    ]) {
      expect(names, module).toContain(module);
    }
  });
});
