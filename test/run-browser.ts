// Bundles the conformance suites for the browser (export condition `browser`, so the pure-TS
// builds) and runs them in headless Debian Chromium through playwright-core. Never downloads a browser.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { corpusRoot, runReference } from './lib/python.js';

// The corpus and pyarrow's reading of it, served to the page (see suites/corpus.browser.ts).
const CORPUS_URL = 'https://corpus.parquetry.test/';
const dumpDir = mkdtempSync(join(tmpdir(), 'parquetry-browser-dump-'));
runReference('pyarrow_dump.py', ['dump', corpusRoot(), dumpDir]);
writeFileSync(join(dumpDir, 'bad_data.json'), JSON.stringify(readdirSync(join(corpusRoot(), 'bad_data')).filter((f) => f.endsWith('.parquet'))));
process.on('exit', () => rmSync(dumpDir, { recursive: true, force: true }));

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`no Chromium at ${executablePath}: install Debian's chromium package (apt-get install chromium)`);
  process.exit(1);
}

const bundle = await build({
  entryPoints: [new URL('./browser-entry.ts', import.meta.url).pathname],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  conditions: ['browser'],
  logLevel: 'warning',
});
const code = bundle.outputFiles[0].text;
// The browser build must not reach for the native addon or Node built-ins.
for (const forbidden of ['@parquetry/native', 'createRequire', 'node:module', '.node"']) {
  if (code.includes(forbidden)) {
    console.error(`the browser bundle mentions ${forbidden}: a browser condition resolves to Node code`);
    process.exit(1);
  }
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
const output: string[] = [];
try {
  const page = await browser.newPage();
  await page.route(`${CORPUS_URL}**`, async (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname).replace(/^\//, '');
    const [area, ...rest] = path.split('/');
    const base = area === 'corpus' ? normalize(corpusRoot()) : area === 'dump' ? dumpDir : undefined;
    const file = base && normalize(join(base, ...rest));
    const headers = { 'access-control-allow-origin': '*' };
    if (!file || !file.startsWith(base) || !existsSync(file)) return route.fulfill({ status: 404, headers, body: 'not found' });
    return route.fulfill({ status: 200, headers, body: readFileSync(file) });
  });
  page.on('console', (message) => output.push(message.text()));
  page.on('pageerror', (error) => {
    failed = true;
    output.push(`\npage error: ${error.stack ?? error.message}\n`);
  });
  await page.setContent('<!doctype html><title>parquetry conformance</title>');
  const version = browser.version();
  await page.addScriptTag({ content: code, type: 'module' });
  await page.waitForFunction(() => (globalThis as Record<string, unknown>).__PARQUETRY_DONE__ === true, null, { timeout: 600_000 });
  const text = output.join('');
  const plain = text.replace(/\x1b\[[0-9;]*m/g, '');
  process.stdout.write(`Chromium ${version}\n${plain}\n`);
  const total = Number(/Total:\s+(\d+)/.exec(plain)?.[1] ?? NaN);
  const passed = Number(/Passed:\s+(\d+)/.exec(plain)?.[1] ?? NaN);
  if (!(total > 0) || passed !== total) failed = true;
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
