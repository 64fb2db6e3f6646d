// What the writer benchmark's parent and its child processes exchange: the job a child runs, the
// measurement it prints back, and the shape every writer under test is wrapped in.

export type WriteCodec = 'snappy' | 'zstd';
export type WriterName = 'parquetry-encode' | 'parquetry-write' | 'hyparquet-writer' | 'parquet-wasm' | 'duckdb';

export interface Job {
  writer: WriterName;
  codec: WriteCodec;
  /** The DuckDB-written uncompressed file every writer's input is loaded from. */
  source: string;
  out: string;
  /** DuckDB's threads setting. */
  threads?: number;
  /** Timed runs after the warm-up (the best is reported). */
  runs: number;
  /** A warm-up this slow (seconds) is also the only timed run. */
  onceAfter: number;
}

export type Measurement =
  | {
      ok: true;
      /** Best of the timed runs (seconds). */
      seconds: number;
      /** Every timed run (seconds); one entry when the warm-up was the timed run. */
      runs: number[];
      once: boolean;
      /** Loading the source into the process (an Arrow table, or a DuckDB table), outside the timer. */
      loadSeconds: number;
      /** Turning the loaded Arrow table into this writer's own input, outside the timer: once, plus per run. */
      prepareSeconds: number;
      perRunPrepareSeconds: number;
      /** CPU seconds over wall seconds of the best run. */
      cores: number;
      /** RSS before the warm-up (input loaded) and the process's peak RSS (bytes). */
      baseRss: number;
      maxRss: number;
      outBytes: number;
      /** Bytes of the Arrow buffers of the loaded table (writers that take Arrow input). */
      arrowBytes?: number;
      backend?: string;
      threads?: number;
      version?: string;
    }
  | { ok: false; error: string; unsupported?: boolean };

/** One writer, set up in its child process with the input in memory, then called once per run. */
export interface BenchWriter {
  /** Seconds spent turning the shared input into this writer's own input (outside the timer). */
  prepareSeconds: number;
  /** Work a run needs that is not writing (parquet-wasm: a fresh WASM table, which a write consumes); seconds. */
  beforeRun?(): number;
  /** Writes the whole table to `path` (the timed part). */
  write(path: string): Promise<void>;
  threads?: number;
  version?: string;
}
