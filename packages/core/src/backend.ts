import { createRequire } from 'node:module';
import type { NativeBinding } from '@parquetry/native';
import { ParquetryError } from './error.js';
import { parseBackendMode, type BackendMode, type BackendName } from './backend-mode.js';
import { wrapNativeBinding } from './native-errors.js';

interface Resolved {
  mode: BackendMode;
  binding: NativeBinding | null;
}

let resolved: Resolved | undefined;
let nativeLoad: { binding: NativeBinding } | { error: unknown } | undefined;

function loadNative(): { binding: NativeBinding } | { error: unknown } {
  if (!nativeLoad) {
    try {
      const require = createRequire(import.meta.url);
      nativeLoad = { binding: wrapNativeBinding(require('@parquetry/native') as NativeBinding) };
    } catch (error) {
      nativeLoad = { error };
    }
  }
  return nativeLoad;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}

function resolve(): Resolved {
  if (resolved) return resolved;
  const mode = parseBackendMode(process.env.PARQUETRY_BACKEND);
  if (mode === 'ts') {
    resolved = { mode, binding: null };
    return resolved;
  }
  const load = loadNative();
  if ('binding' in load) {
    resolved = { mode, binding: load.binding };
  } else if (mode === 'native') {
    throw new ParquetryError('UNSUPPORTED', `PARQUETRY_BACKEND=native but the native addon did not load: ${describe(load.error)}`, {}, { cause: load.error });
  } else {
    // Said once per process: a silent fallback would hide a broken install behind slow reads.
    process.emitWarning(`using the TypeScript backend because the native addon did not load: ${describe(load.error)}`, {
      type: 'ParquetryWarning',
      code: 'PARQUETRY_NO_NATIVE',
    });
    resolved = { mode, binding: null };
  }
  return resolved;
}

/** The backend in force: `native` when the addon is loaded and allowed, else `ts`. */
export function backend(): BackendName {
  return resolve().binding ? 'native' : 'ts';
}

/** What `PARQUETRY_BACKEND` asked for. */
export function backendMode(): BackendMode {
  return resolve().mode;
}

/** The native binding when the backend in force is native, else null. Codecs dispatch on this. */
export function nativeBinding(): NativeBinding | null {
  return resolve().binding;
}

/**
 * The native binding whatever `PARQUETRY_BACKEND` says, for code that asks for native explicitly
 * (the `/native` entry points, cross-backend tests, benchmarks); `UNSUPPORTED` when it cannot load.
 */
export function requireNativeBinding(): NativeBinding {
  const load = loadNative();
  if ('binding' in load) return load.binding;
  throw new ParquetryError('UNSUPPORTED', `the native addon did not load: ${describe(load.error)}`, {}, { cause: load.error });
}

/** Below this many values `auto` keeps to TypeScript: a boundary crossing costs about as much as the work. */
export const NATIVE_MIN_VALUES = 64;

/**
 * Whether a call on `values` values should go to the native kernels: the backend in force is
 * native and, under `auto`, the call is big enough to repay the crossing.
 */
export function useNative(values: number): boolean {
  const r = resolve();
  return r.binding !== null && (values >= NATIVE_MIN_VALUES || r.mode === 'native');
}
