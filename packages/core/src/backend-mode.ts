import { ParquetryError } from './error.js';

/** Which implementation runs the codecs. */
export type BackendName = 'native' | 'ts';
/** What `PARQUETRY_BACKEND` asks for; `auto` means native when the addon loads, else TS. */
export type BackendMode = BackendName | 'auto';

export function parseBackendMode(value: string | undefined): BackendMode {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === 'auto') return 'auto';
  if (v === 'native' || v === 'ts') return v;
  throw new ParquetryError('INVALID_ARGUMENT', `PARQUETRY_BACKEND=${value} is not one of native, ts, auto`);
}
