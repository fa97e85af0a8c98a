// Messages between the page and the engine worker. Event batches travel as transferred
// ArrayBuffers of 32-byte records, with the string-table entries added since the last batch.
import type { RunOptions, RunResult } from './client';

export interface RunRequest {
  type: 'run';
  id: number;
  source: string;
  options: RunOptions;
  stepsPerAdvance?: number;
}

export type WorkerRequest = RunRequest;

export type WorkerMessage =
  | { type: 'output'; id: number; text: string }
  | { type: 'events'; id: number; buffers: ArrayBuffer[]; newStrings: string[] }
  | { type: 'done'; id: number; result: RunResult }
  | { type: 'failed'; id: number; message: string };
