// Runs one reader-benchmark measurement in a child process (reader-worker.ts) under the same
// loader (tsx) as this process, and returns its Measurement; a crash, a timeout or missing output
// becomes a failed Measurement with the reason.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Job, Measurement } from './reader-worker.js';

const WORKER = fileURLToPath(new URL('./reader-worker.ts', import.meta.url));

export function runWorker(job: Job, env: Record<string, string>, timeoutSeconds: number): Promise<Measurement> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, WORKER, JSON.stringify(job)], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutSeconds * 1e3);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
      if (line) return resolve(JSON.parse(line.slice('RESULT '.length)) as Measurement);
      const why = timedOut ? `timed out after ${timeoutSeconds} s` : `exited with ${signal ?? `code ${code}`} and no result`;
      const tail = stderr.trim().split('\n').slice(-3).join(' | ');
      resolve({ ok: false, error: `${why}${tail ? `: ${tail}` : ''}` });
    });
  });
}
