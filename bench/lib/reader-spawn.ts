// Runs one reader-benchmark measurement in a child process (reader-worker.ts); see spawn-worker.ts.
import { fileURLToPath } from 'node:url';
import { spawnWorker } from './spawn-worker.js';
import type { Job, Measurement } from './reader-worker.js';

const WORKER = fileURLToPath(new URL('./reader-worker.ts', import.meta.url));

export function runWorker(job: Job, env: Record<string, string>, timeoutSeconds: number): Promise<Measurement> {
  return spawnWorker<Measurement>(WORKER, job, env, timeoutSeconds) as Promise<Measurement>;
}
