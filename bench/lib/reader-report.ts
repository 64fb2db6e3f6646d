// Printing the reader benchmark: the main table (a row per table/codec/projection, columns per
// reader), resources, ratios, the footer test and the issue's targets as met / NOT met.
import { printTable } from './measure.js';
import { cellName, mbps, measured, type Cell, type Outcome, type ReaderColumn } from './reader-outcome.js';

const MB = 1e6;
const fixed = (x: number, digits: number) => x.toFixed(digits);
const seconds = (s: number) => (s < 0.1 ? fixed(s * 1e3, 1) + 'ms' : fixed(s, s < 10 ? 2 : 1) + 's');
const times = (a?: number, b?: number) => (a !== undefined && b !== undefined ? `${fixed(a / b, a / b < 10 ? 2 : 1)}x` : '-');

/** The four figures of one reader in one row, or its failure. */
function figures(cell: Cell, o: Outcome | undefined): string[] {
  if (!o) return ['-', '-', '-', '-'];
  if (!o.ok) return [o.why, '-', '-', '-'];
  const m = o.m;
  return [seconds(m.seconds) + (m.once ? '*' : ''), fixed(cell.bytes / MB / m.seconds, 0), fixed(cell.file.rows / m.seconds / MB, 1) + 'M', fixed(m.maxRss / MB, 0)];
}

const rowKey = (cell: Cell) => [cell.spec.name, cell.file.codec, cell.columns ? cell.columns.join('+') : 'all', fixed(cell.bytes / MB, 1)];

export function printMain(cells: Cell[], readers: ReaderColumn[]): void {
  const header = ['table', 'codec', 'columns', 'MB', ...readers.flatMap((r) => [`${r.title} s`, 'MB/s', 'rows/s', 'RSS MB'])];
  printTable(header, cells.map((cell) => [...rowKey(cell), ...readers.flatMap((r) => figures(cell, cell.outcomes.get(r.key)))]), 3);
}

/** Page faults, CPU use (cores = CPU seconds / wall seconds) and RSS growth per measurement. */
export function printResources(cells: Cell[], readers: ReaderColumn[]): void {
  const cellFigures = (o: Outcome | undefined) => {
    const m = measured(o);
    if (!m) return ['-', '-', '-'];
    return [fixed(m.minorFaults / 1e3, 1) + (m.majorFaults ? `+${m.majorFaults}maj` : ''), fixed(m.cpuSeconds / (m.meanSeconds ?? m.seconds), 2), fixed((m.maxRss - m.baseRss) / MB, 0)];
  };
  const header = ['table', 'codec', 'columns', 'MB', ...readers.flatMap((r) => [`${r.title} kfaults`, 'cores', '+RSS']), 'batch MB'];
  const batch = (cell: Cell) => {
    const m = measured(cell.outcomes.get('native')) ?? measured(cell.outcomes.get('ts'));
    return m?.result.maxBatchBytes ? fixed(m.result.maxBatchBytes / MB, 1) : '-';
  };
  printTable(header, cells.map((cell) => [...rowKey(cell), ...readers.flatMap((r) => cellFigures(cell.outcomes.get(r.key))), batch(cell)]), 3);
}

/** Speed ratios from MB/s: native and TS against each peer. */
export function printRatios(cells: Cell[], readers: ReaderColumn[]): void {
  const peers = readers.filter((r) => r.key !== 'native' && r.key !== 'ts');
  const header = ['table', 'codec', 'columns', 'MB', 'native/ts', ...peers.map((p) => `native/${p.title}`), ...peers.map((p) => `ts/${p.title}`)];
  const rows = cells.map((cell) => {
    const speed = (key: string) => mbps(cell, cell.outcomes.get(key));
    return [...rowKey(cell), times(speed('native'), speed('ts')), ...peers.map((p) => times(speed('native'), speed(p.key))), ...peers.map((p) => times(speed('ts'), speed(p.key)))];
  });
  printTable(header, rows, 3);
}

export interface FooterRow {
  key: string;
  title: string;
  outcome: Outcome;
}

export function printFooter(rows: FooterRow[]): void {
  const header = ['reader', 'ms/op', 'ops', 'RSS MB', '+RSS MB'];
  printTable(
    header,
    rows.map(({ title, outcome: o }) => {
      const m = measured(o);
      return m ? [title, fixed(m.seconds * 1e3, 2), String(m.timedRuns), fixed(m.maxRss / MB, 0), fixed((m.maxRss - m.baseRss) / MB, 0)] : [title, o.ok ? '-' : o.why, '-', '-', '-'];
    }),
    1,
  );
}

const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

/** ' (median of N runs: slowest-fastest MB/s)' for a cell's timed runs; '' for one run. */
function runRange(cell: Cell, key: string): string {
  const o = cell.outcomes.get(key);
  const runs = o?.ok ? o.m.runSeconds : undefined;
  if (!runs || runs.length < 2) return '';
  const rates = runs.map((s) => cell.bytes / s / 1e6);
  return ` (median of ${runs.length} runs: ${fixed(Math.min(...rates), 0)}-${fixed(Math.max(...rates), 0)} MB/s)`;
}

/** The issue's targets with the figures behind each. `reference` is the 2M-row snappy full read. */
export function targetLines(cells: Cell[], reference: Cell, footer: FooterRow[]): string[] {
  const lines: string[] = [];
  const speed = (cell: Cell, key: string) => mbps(cell, cell.outcomes.get(key));
  const failure = (cell: Cell, key: string) => {
    const o = cell.outcomes.get(key);
    return o && !o.ok ? ` (${key} ${o.why})` : '';
  };
  const ref = cellName(reference);
  const native = speed(reference, 'native');
  lines.push(`native >= 1000 MB/s uncompressed on ${ref}: ${native === undefined ? 'no figure' + failure(reference, 'native') : `${fixed(native, 0)} MB/s${runRange(reference, 'native')}`} -> ${verdict((native ?? 0) >= 1000)}`);
  const slowest = cells.map((c) => ({ c, v: speed(c, 'native') })).filter((x) => x.v !== undefined).sort((a, b) => a.v! - b.v!)[0];
  if (slowest) lines.push(`  (not a target) slowest native cell: ${cellName(slowest.c)} ${fixed(slowest.v!, 0)} MB/s`);
  const duck = speed(reference, 'duckdb-1t');
  lines.push(`native >= 10x DuckDB 1 thread on ${ref}: ${times(native, duck)} (DuckDB ${duck === undefined ? '-' : fixed(duck, 0)} MB/s) -> ${verdict(native !== undefined && duck !== undefined && native >= 10 * duck)}`);
  const duckJs = speed(reference, 'duckdb-1t-js');
  lines.push(`  (the issue's DuckDB figure read values into JS) native vs DuckDB 1 thread + JS values: ${times(native, duckJs)} -> ${verdict(native !== undefined && duckJs !== undefined && native >= 10 * duckJs)}`);
  const ts = speed(reference, 'ts');
  const hyp = speed(reference, 'hyparquet');
  lines.push(`TS >= 10x hyparquet on ${ref}: ${times(ts, hyp)}${failure(reference, 'ts')} -> ${verdict(ts !== undefined && hyp !== undefined && ts >= 10 * hyp)}`);
  // RSS growth over the process before its first read, against its largest (one row group) Arrow
  // batch; judged on full reads, where a batch is tens of MB. A 2-column batch is a few MB, less
  // than what a process grows by for its code and JIT, so projections are shown but not judged.
  const worstRss = (key: string, judged: Cell[]) => {
    const ratios = judged.flatMap((c) => {
      const m = measured(c.outcomes.get(key));
      const batch = m?.result.maxBatchBytes;
      return m && batch ? [{ c, grow: m.maxRss - m.baseRss, batch, r: (m.maxRss - m.baseRss) / batch }] : [];
    });
    const worst = ratios.sort((a, b) => b.r - a.r)[0];
    const failed = judged.filter((c) => !measured(c.outcomes.get(key))).length;
    const text = worst ? `worst ${cellName(worst.c)}: +${fixed(worst.grow / MB, 0)} MB for a ${fixed(worst.batch / MB, 1)} MB batch = ${fixed(worst.r, 1)}x` : 'no figure';
    return { ok: !!worst && worst.r <= 2 && failed === 0, text: `${text}${failed ? ` (${failed} of ${judged.length} reads failed)` : ''}` };
  };
  for (const key of ['native', 'ts']) {
    const full = worstRss(key, cells.filter((c) => !c.columns));
    lines.push(`${key} peak RSS growth <= 2x one row group of Arrow output, full reads: ${full.text} -> ${verdict(full.ok)}`);
    lines.push(`  (not a target) 2-column projections: ${worstRss(key, cells.filter((c) => c.columns)).text}`);
  }
  return [...lines, ...footerTargetLines(footer)];
}

/** The footer target: opening the 10,000-column file and reading 10 columns vs hyparquet's parquetMetadata. */
export function footerTargetLines(footer: FooterRow[]): string[] {
  const meta = measured(footer.find((f) => f.key === 'hyparquet-metadata')?.outcome);
  return ['native', 'ts'].map((key) => {
    const ours = measured(footer.find((f) => f.key === key)?.outcome);
    const ok = !!ours && !!meta && meta.seconds >= 10 * ours.seconds;
    return `${key} 10,000-column open + 10-column read >= 10x faster than hyparquet parquetMetadata: ${ours ? fixed(ours.seconds * 1e3, 1) : 'failed'} vs ${meta ? fixed(meta.seconds * 1e3, 1) : '-'} ms = ${times(meta?.seconds, ours?.seconds)} -> ${verdict(ok)}`;
  });
}
