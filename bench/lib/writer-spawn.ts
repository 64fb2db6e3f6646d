// Runs one writer-benchmark measurement (writer-worker.ts) or one streaming-memory run
// (writer-big-worker.ts) in a child process; see spawn-worker.ts.
import { fileURLToPath } from 'node:url';
import { spawnWorker } from './spawn-worker.js';
import type { BigJob, BigMeasurement } from './writer-big-worker.js';
import type { Job, Measurement } from './writer-contract.js';

const WORKER = fileURLToPath(new URL('./writer-worker.ts', import.meta.url));
const BIG_WORKER = fileURLToPath(new URL('./writer-big-worker.ts', import.meta.url));

export function runWriter(job: Job, env: Record<string, string>, timeoutSeconds: number): Promise<Measurement> {
  return spawnWorker<Measurement>(WORKER, job, env, timeoutSeconds) as Promise<Measurement>;
}

export function runBigWriter(job: BigJob, env: Record<string, string>, timeoutSeconds: number): Promise<BigMeasurement> {
  return spawnWorker<BigMeasurement>(BIG_WORKER, job, env, timeoutSeconds) as Promise<BigMeasurement>;
}
