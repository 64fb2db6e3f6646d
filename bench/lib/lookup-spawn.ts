// Runs one lookup-benchmark cell in a child process (lookup-worker.ts); see spawn-worker.ts.
import { fileURLToPath } from 'node:url';
import { spawnWorker } from './spawn-worker.js';
import type { CellJob, CellResult } from './lookup-worker.js';

const WORKER = fileURLToPath(new URL('./lookup-worker.ts', import.meta.url));

export function runCell(job: CellJob, env: Record<string, string>, timeoutSeconds: number): Promise<CellResult> {
  return spawnWorker<CellResult>(WORKER, job, env, timeoutSeconds) as Promise<CellResult>;
}
