// Bundles the conformance suites for the browser (export condition `browser`, so the pure-TS
// builds) and runs them in headless Debian Chromium through playwright-core. Never downloads a browser.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';

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
