// Backend selection is decided once per process, so each case runs in a child Node process.
import { spawnSync } from 'node:child_process';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const probe = `
  const core = await import('@parquetry/core');
  const report = { warnings: [] };
  process.on('warning', (w) => report.warnings.push(w.name + ' ' + w.code + ': ' + w.message));
  try { report.backend = core.backend(); core.backend(); } catch (e) { report.error = e.code + ' ' + e.message; }
  await new Promise((r) => setTimeout(r, 20));
  console.log(JSON.stringify(report));
`;

function run(env: Record<string, string>): { backend?: string; error?: string; warnings: string[] } {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', probe], {
    cwd: new URL('../..', import.meta.url),
    env: { ...process.env, PARQUETRY_NATIVE_PATH: '', ...env },
    encoding: 'utf8',
  });
  assert.is(child.status, 0, child.stderr);
  return JSON.parse(child.stdout.trim().split('\n').pop() as string);
}

test('auto uses the native addon when it loads', () => {
  const r = run({ PARQUETRY_BACKEND: 'auto' });
  assert.is(r.backend, 'native');
  assert.equal(r.warnings, []);
});

test('ts never loads the addon', () => {
  assert.is(run({ PARQUETRY_BACKEND: 'ts' }).backend, 'ts');
});

test('auto falls back to TypeScript when the addon cannot load, and says why once', () => {
  const r = run({ PARQUETRY_BACKEND: 'auto', PARQUETRY_NATIVE_PATH: '/nonexistent/parquetry.node' });
  assert.is(r.backend, 'ts');
  assert.is(r.warnings.length, 1);
  assert.match(r.warnings[0], /ParquetryWarning PARQUETRY_NO_NATIVE: using the TypeScript backend because the native addon did not load/);
});

test('native refuses to fall back', () => {
  const r = run({ PARQUETRY_BACKEND: 'native', PARQUETRY_NATIVE_PATH: '/nonexistent/parquetry.node' });
  assert.is(r.backend, undefined);
  assert.match(r.error ?? '', /^UNSUPPORTED UNSUPPORTED: PARQUETRY_BACKEND=native but the native addon did not load/);
});

test('an unknown PARQUETRY_BACKEND is an error', () => {
  assert.match(run({ PARQUETRY_BACKEND: 'gpu' }).error ?? '', /^INVALID_ARGUMENT/);
});

test.run();
