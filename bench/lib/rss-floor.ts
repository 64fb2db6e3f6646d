// The floor under the benchmark's peak-RSS figure: a Node process that does nothing but allocate
// one batch of typed arrays per row group, write it and drop it at the next. V8 frees ArrayBuffer
// memory only when it collects, and starts to once external memory has grown by about 64 MB, so
// dropped batches stay resident for several batches whatever a reader does.
import { execFileSync } from 'node:child_process';

const SCRIPT = `
const [batchBytes, batches] = process.argv.slice(1).map(Number);
const base = process.memoryUsage().rss;
let kept;
(async () => {
  for (let i = 0; i < batches; i++) {
    const parts = [];
    for (let k = 0; k < 16; k++) parts.push(new Uint8Array(Math.ceil(batchBytes / 16)).fill(k + 1));
    kept = parts;
    await new Promise((resolve) => setImmediate(resolve));
  }
  console.log(JSON.stringify({ grow: process.resourceUsage().maxRSS * 1024 - base, kept: kept.length }));
})();
`;

/** Peak RSS growth (bytes) of such a process, for `batches` batches of `batchBytes` each. */
export function rssFloor(batchBytes: number, batches: number): number {
  const out = execFileSync(process.execPath, ['-e', SCRIPT, String(batchBytes), String(batches)], { encoding: 'utf8' });
  return (JSON.parse(out.trim().split('\n').pop()!) as { grow: number }).grow;
}
