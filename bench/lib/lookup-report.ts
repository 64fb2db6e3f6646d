// Printing the lookup benchmark: one table (file x query kind, per reader: median latency, median
// bytes read, % of the file, rows per lookup) and the three targets as met / NOT met.
import { printTable } from './measure.js';
import type { LookupFile } from './lookup-tables.js';
import type { CellResult, Timed } from './lookup-worker.js';

export interface Kind {
  key: string;
  title: string;
  /** Rows after k in the range (0: a point lookup). */
  span: number;
}

export interface Contender {
  key: string;
  title: string;
}

export interface LookupCell {
  file: LookupFile;
  kind: Kind;
  results: Map<string, CellResult>;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export interface Summary {
  ms: number;
  bytes: number;
  rows: number;
  n: number;
}

/** Medians of a checked cell, or undefined when it failed or returned wrong rows. */
export function summary(r: CellResult | undefined): Summary | undefined {
  if (!r?.ok || r.wrong.length || !r.lookups.length) return undefined;
  const of = (f: (t: Timed) => number) => median(r.lookups.map(f));
  return { ms: of((t) => t.ms), bytes: of((t) => t.bytes), rows: of((t) => t.rows), n: r.lookups.length };
}

const mb = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)}M` : `${(bytes / 1e3).toFixed(0)}k`);
const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(part / whole < 0.01 ? 3 : 1)}%`;

export function printLookups(cells: LookupCell[], contenders: Contender[]): void {
  const header = ['file', 'query', ...contenders.flatMap((c) => [`${c.title} ms`, 'bytes', '% file', 'rows', 'n'])];
  const rows = cells.map((cell) => {
    const figures = contenders.flatMap((c) => {
      const r = cell.results.get(c.key);
      const s = summary(r);
      if (s) return [s.ms.toFixed(s.ms < 10 ? 2 : 1), mb(s.bytes), pct(s.bytes, cell.file.fileBytes), String(s.rows), String(s.n)];
      return [!r ? '-' : !r.ok ? 'ERROR' : r.wrong.length ? 'WRONG' : '-', '-', '-', '-', '-'];
    });
    return [`${cell.file.writer} ${(cell.file.rows / 1e6).toFixed(0)}M`, cell.kind.title, ...figures];
  });
  printTable(header, rows, 2);
}

const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

/** The three targets for one Parquetry contender, on each file's point lookups. */
export function targetLines(cells: LookupCell[], parquetry: Contender, peers: Contender[]): string[] {
  const lines: string[] = [];
  for (const cell of cells.filter((c) => c.kind.span === 0)) {
    const name = `${cell.file.writer} file, ${parquetry.title}`;
    const own = summary(cell.results.get(parquetry.key));
    if (!own) {
      lines.push(`${name}: NOT met (no checked measurement)`);
      continue;
    }
    const share = own.bytes / cell.file.fileBytes;
    lines.push(`${name}: point lookup reads < 1% of the file: ${verdict(share < 0.01)} (${mb(own.bytes)} of ${mb(cell.file.fileBytes)} = ${pct(own.bytes, cell.file.fileBytes)})`);
    const peerBytes = peers.map((p) => ({ p, s: summary(cell.results.get(p.key)) }));
    const fewer = peerBytes.every(({ s }) => s && own.bytes < s.bytes);
    const list = peerBytes.map(({ p, s }) => `${p.title} ${s ? mb(s.bytes) : 'n/a'}`).join(', ');
    lines.push(`${name}: fewer bytes than every peer: ${verdict(fewer)} (${mb(own.bytes)} vs ${list})`);
    const hy = summary(cell.results.get('hyparquet'));
    const ratio = hy ? hy.ms / own.ms : undefined;
    lines.push(`${name}: >= 10x faster than hyparquet: ${verdict(ratio !== undefined && ratio >= 10)} (${own.ms.toFixed(2)} ms vs ${hy ? hy.ms.toFixed(2) : 'n/a'} ms = ${ratio ? ratio.toFixed(1) : '?'}x)`);
  }
  return lines;
}
