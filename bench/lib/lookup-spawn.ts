// Runs one lookup-benchmark cell in a child process (lookup-worker.ts) under the same loader (tsx).
// The few lines of reader-spawn.ts's runWorker, copied: that one is tied to the reader worker's path and Job type.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CellJob, CellResult } from './lookup-worker.js';

const WORKER = fileURLToPath(new URL('./lookup-worker.ts', import.meta.url));

export function runCell(job: CellJob, env: Record<string, string>, timeoutSeconds: number): Promise<CellResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, WORKER, JSON.stringify(job)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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
      if (line) return resolve(JSON.parse(line.slice('RESULT '.length)) as CellResult);
      const why = timedOut ? `timed out after ${timeoutSeconds} s` : `exited with ${signal ?? `code ${code}`} and no result`;
      const tail = stderr.trim().split('\n').slice(-3).join(' | ');
      resolve({ ok: false, error: `${why}${tail ? `: ${tail}` : ''}` });
    });
  });
}
