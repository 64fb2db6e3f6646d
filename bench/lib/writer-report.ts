// Printing the writer benchmark: one table of every writer and codec (time, MB/s of the same
// uncompressed figure for all, output size, row groups, peak RSS), then the targets with
// the measured ratios as MET / NOT MET, and the streaming-memory run's figures.
import { printTable } from './measure.js';
import type { FooterFacts } from './writer-verify.js';
import type { Measurement, WriteCodec, WriterName } from './writer-contract.js';

export type Measured = Extract<Measurement, { ok: true }>;
/** A checked measurement, or why a cell has none. */
export type Outcome =
  | { ok: true; m: Measured; footer: FooterFacts; notes: string[] }
  | { ok: false; why: 'UNSUPPORTED' | 'N/A' | 'ERROR' | 'WRONG'; detail: string };

export interface Contender {
  key: string;
  title: string;
  writer: WriterName;
  env: Record<string, string>;
  threads?: number;
  /** Codecs it cannot write, with why (the cell says N/A and it is not run). */
  cannot?: Partial<Record<WriteCodec, string>>;
  /** Codecs it is expected to refuse with an UNSUPPORTED error (the cell says UNSUPPORTED; not a failure). */
  refuses?: WriteCodec[];
}

const MB = 1e6;
const fixed = (x: number, digits: number) => x.toFixed(digits);
const secs = (s: number) => (s < 0.1 ? fixed(s * 1e3, 1) + 'ms' : fixed(s, s < 10 ? 2 : 1) + 's');
const times = (a: number, b: number) => `${fixed(a / b, a / b < 10 ? 2 : 1)}x`;

export class Results {
  readonly cells = new Map<string, Outcome>();
  constructor(
    readonly uncompressedBytes: number,
    readonly rows: number,
  ) {}

  set(key: string, codec: WriteCodec, outcome: Outcome): void {
    this.cells.set(`${key}/${codec}`, outcome);
  }

  get(key: string, codec: WriteCodec): Outcome | undefined {
    return this.cells.get(`${key}/${codec}`);
  }

  measured(key: string, codec: WriteCodec): (Outcome & { ok: true }) | undefined {
    const o = this.get(key, codec);
    return o?.ok ? o : undefined;
  }

  mbps(key: string, codec: WriteCodec): number | undefined {
    const o = this.measured(key, codec);
    return o && this.uncompressedBytes / MB / o.m.seconds;
  }
}

export function printMain(results: Results, contenders: Contender[], codecs: WriteCodec[]): void {
  const header = ['codec', 'writer', 'seconds', 'MB/s', 'rows/s', 'out MB', 'out/in', 'RGs', 'peak RSS MB', '+RSS MB', 'cores', 'prep s', 'timed runs'];
  const rows: string[][] = [];
  for (const codec of codecs) {
    for (const c of contenders) {
      const o = results.get(c.key, codec);
      if (!o) continue;
      if (!o.ok) {
        rows.push([codec, c.title, o.why, ...header.slice(3).map(() => '-')]);
        continue;
      }
      const { m, footer } = o;
      rows.push([
        codec,
        c.title,
        secs(m.seconds) + (m.once ? '*' : ''),
        fixed(results.uncompressedBytes / MB / m.seconds, 1),
        fixed(results.rows / m.seconds / 1e6, 2) + 'M',
        fixed(m.outBytes / MB, 1),
        fixed(m.outBytes / results.uncompressedBytes, 3),
        String(footer.rowGroups),
        fixed(m.maxRss / MB, 0),
        fixed((m.maxRss - m.baseRss) / MB, 0),
        fixed(m.cores, 2),
        m.prepareSeconds + m.perRunPrepareSeconds > 0 ? fixed(m.prepareSeconds + m.perRunPrepareSeconds, 2) : '-',
        m.once ? '1*' : `${m.runs.length}: ${m.runs.map((s) => fixed(s, 2)).join('/')}`,
      ]);
    }
  }
  printTable(header, rows, 2);
}

const verdict = (ok: boolean) => (ok ? 'MET' : 'NOT MET');

/** The targets, judged on the measured figures. */
export function targetLines(results: Results, codecs: WriteCodec[], extraNative: string[]): string[] {
  const lines: string[] = [];
  const why = (key: string, codec: WriteCodec) => {
    const o = results.get(key, codec);
    return o && !o.ok ? `${key} ${o.why}` : `${key}: no figure`;
  };
  const mbText = (v: number) => `${fixed(v, 1)} MB/s`;
  for (const native of ['native', ...extraNative]) {
    const label = native === 'native' ? 'native' : `(same targets, informative) ${native}`;
    for (const codec of codecs) {
      const n = results.measured(native, codec);
      const d = results.measured('duckdb-1t', codec);
      if (!n || !d) {
        lines.push(`${label} faster than DuckDB COPY 1 thread at equal or smaller output, ${codec}: ${!n ? why(native, codec) : why('duckdb-1t', codec)} -> NOT MET`);
        continue;
      }
      const nv = results.mbps(native, codec)!;
      const dv = results.mbps('duckdb-1t', codec)!;
      const faster = n.m.seconds < d.m.seconds;
      const smaller = n.m.outBytes <= d.m.outBytes;
      lines.push(
        `${label} faster than DuckDB COPY 1 thread at equal or smaller output, ${codec}: ${mbText(nv)} vs ${mbText(dv)} = ${times(nv, dv)}; ` +
          `output ${fixed(n.m.outBytes / MB, 1)} vs ${fixed(d.m.outBytes / MB, 1)} MB (${smaller ? 'not larger' : 'LARGER'}) -> ${verdict(faster && smaller)}`,
      );
      lines.push(`  ${label} >= 100 MB/s (the issue's machine's DuckDB pace), ${codec}: ${mbText(nv)} -> ${verdict(nv >= 100)}`);
    }
    for (const codec of codecs) {
      const nv = results.mbps(native, codec);
      const wv = results.mbps('parquet-wasm', codec);
      lines.push(
        `${label} >= 2x parquet-wasm, ${codec}: ` +
          (nv !== undefined && wv !== undefined ? `${mbText(nv)} vs ${mbText(wv)} = ${times(nv, wv)} -> ${verdict(nv >= 2 * wv)}` : `${nv === undefined ? why(native, codec) : why('parquet-wasm', codec)} -> NOT MET`),
      );
    }
  }
  const tv = results.mbps('ts', 'snappy');
  const hv = results.mbps('hyparquet-writer', 'snappy');
  lines.push(
    `TS >= 5x hyparquet-writer, snappy (hyparquet-writer has no zstd compressor; TS Parquetry has no zstd encoder): ` +
      (tv !== undefined && hv !== undefined ? `${mbText(tv)} vs ${mbText(hv)} = ${times(tv, hv)} -> ${verdict(tv >= 5 * hv)}` : `${tv === undefined ? why('ts', 'snappy') : why('hyparquet-writer', 'snappy')} -> NOT MET`),
  );
  return lines;
}
