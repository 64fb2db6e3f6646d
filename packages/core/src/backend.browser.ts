import type { NativeBinding } from '@parquetry/native';
import { ParquetryError } from './error.js';
import type { BackendMode, BackendName } from './backend-mode.js';

// The browser build never loads the addon: every codec runs its TypeScript implementation.

export function backend(): BackendName {
  return 'ts';
}

export function backendMode(): BackendMode {
  return 'ts';
}

export function nativeBinding(): NativeBinding | null {
  return null;
}

export function requireNativeBinding(): NativeBinding {
  throw new ParquetryError('UNSUPPORTED', 'the native addon is not available in a browser');
}

export const NATIVE_MIN_VALUES = 64;

export function useNative(_values: number): boolean {
  return false;
}
