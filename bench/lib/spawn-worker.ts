// Runs a benchmark worker script in a child process under the same loader (tsx) as this process
// and returns the JSON it prints on a `RESULT ` line; a crash, a timeout or missing output becomes
// `{ ok: false, error }` with the reason.
import { spawn } from 'node:child_process';

export function spawnWorker<R>(worker: string, job: unknown, env: Record<string, string>, timeoutSeconds: number): Promise<R | { ok: false; error: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, worker, JSON.stringify(job)], {
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
      if (line) return resolve(JSON.parse(line.slice('RESULT '.length)) as R);
      const why = timedOut ? `timed out after ${timeoutSeconds} s` : `exited with ${signal ?? `code ${code}`} and no result`;
      const tail = stderr.trim().split('\n').slice(-3).join(' | ');
      resolve({ ok: false, error: `${why}${tail ? `: ${tail}` : ''}` });
    });
  });
}
