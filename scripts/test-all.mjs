// Runs every test stage (Rust kernels, package unit tests, the conformance suites on the native
// backend with detected and scalar SIMD, on the TS backend, and in Chromium), prints each stage's
// output, then one summary and a final "N passed, M failed" line. Exits 1 if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsx = `${root}test/node_modules/.bin/tsx`;

const stages = [
  { name: 'cargo test (kernels, every SIMD level)', cwd: 'native', cmd: 'cargo', args: ['test', '--release', '--workspace'], kind: 'cargo' },
  { name: 'python reference encodings: self-tests', cwd: 'test/reference', cmd: 'python3', args: ['-B', '-m', 'unittest', '-v', 'test_parquet_reference'], kind: 'unittest' },
  { name: 'python pyarrow dump (JSON mapping): self-tests', cwd: 'test/reference', cmd: `${root}.venv/bin/python`, args: ['-B', '-m', 'unittest', '-v', 'test_pyarrow_dump'], kind: 'unittest' },
  { name: 'python interop files: self-tests', cwd: 'test/reference', cmd: `${root}.venv/bin/python`, args: ['-B', '-m', 'unittest', '-v', 'test_interop_files'], kind: 'unittest' },
  { name: 'python reference compression: self-tests', cwd: 'test/reference', cmd: `${root}.venv/bin/python`, args: ['-B', '-m', 'unittest', '-v', 'test_compression_ref'], kind: 'unittest' },
  // every package with a test script: its unit tests beside the code
  ...readdirSync(`${root}packages`)
    .filter((dir) => JSON.parse(readFileSync(`${root}packages/${dir}/package.json`, 'utf8')).scripts?.test)
    .filter((dir) => existsSync(`${root}packages/${dir}/test`) && readdirSync(`${root}packages/${dir}/test`).some((f) => f.endsWith('.test.ts')))
    .sort()
    .map((dir) => ({ name: `unit: @parquetry/${dir}`, cwd: `packages/${dir}`, cmd: 'pnpm', args: ['test'], env: { PARQUETRY_POISON_UNINITIALIZED: '1' }, kind: 'uvu' })),
  { name: 'conformance: native backend (AVX2 where present)', cwd: 'test', cmd: tsx, args: ['run-node.ts'], env: { PARQUETRY_BACKEND: 'native', PARQUETRY_POISON_UNINITIALIZED: '1' }, kind: 'uvu' },
  { name: 'conformance: native backend, scalar kernels forced', cwd: 'test', cmd: tsx, args: ['run-node.ts'], env: { PARQUETRY_BACKEND: 'native', PARQUETRY_SIMD: 'scalar', PARQUETRY_POISON_UNINITIALIZED: '1' }, kind: 'uvu' },
  { name: 'conformance: TypeScript backend in Node', cwd: 'test', cmd: tsx, args: ['run-node.ts'], env: { PARQUETRY_BACKEND: 'ts', PARQUETRY_POISON_UNINITIALIZED: '1' }, kind: 'uvu' },
  { name: 'conformance: TypeScript build in headless Chromium', cwd: 'test', cmd: tsx, args: ['run-browser.ts'], kind: 'uvu' },
];

function counts(kind, output) {
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  if (kind === 'cargo') {
    let passed = 0;
    let failed = 0;
    for (const m of plain.matchAll(/test result: \w+\. (\d+) passed; (\d+) failed/g)) {
      passed += Number(m[1]);
      failed += Number(m[2]);
    }
    return { passed, failed };
  }
  if (kind === 'unittest') {
    const ran = Number(/Ran (\d+) tests?/.exec(plain)?.[1] ?? 0);
    const bad = /FAILED \((?:failures|errors)=(\d+)(?:, (?:failures|errors)=(\d+))?/.exec(plain);
    const failed = bad ? Number(bad[1]) + Number(bad[2] ?? 0) : 0;
    return { passed: ran - failed, failed };
  }
  const total = [...plain.matchAll(/Total:\s+(\d+)/g)].reduce((s, m) => s + Number(m[1]), 0);
  const passed = [...plain.matchAll(/Passed:\s+(\d+)/g)].reduce((s, m) => s + Number(m[1]), 0);
  return { passed, failed: total - passed };
}

const results = [];
for (const stage of stages) {
  process.stdout.write(`\n=== ${stage.name}\n`);
  const started = Date.now();
  const run = spawnSync(stage.cmd, stage.args, {
    cwd: `${root}${stage.cwd}`,
    env: { ...process.env, ...stage.env, FORCE_COLOR: '0' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  process.stdout.write(output);
  if (run.error) process.stdout.write(`\n${run.error.message}\n`);
  const { passed, failed } = counts(stage.kind, output);
  const ok = run.status === 0 && failed === 0 && passed > 0;
  results.push({ name: stage.name, passed, failed, ok, seconds: (Date.now() - started) / 1000, status: run.status });
}

process.stdout.write('\n=== summary\n');
for (const r of results) {
  process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'}  ${r.name}: ${r.passed} passed, ${r.failed} failed, exit ${r.status}, ${r.seconds.toFixed(1)} s\n`);
}
const passed = results.reduce((s, r) => s + r.passed, 0);
// A stage that exited non-zero without a counted failure still counts as one failure.
const failed = results.reduce((s, r) => s + (r.failed || (r.ok ? 0 : 1)), 0);
process.stdout.write(`\ntests: ${passed} passed, ${failed} failed\n`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
