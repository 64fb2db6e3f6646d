// The native binding as BloomKernels, with the checks best made before the boundary: argument
// types and seeds (napi's own errors are not ParquetryErrors), and that an output does not share
// memory with an input (Rust would see a mutable and a shared slice over the same bytes). Lengths
// are checked in Rust.
import { ParquetryError, type NativeBinding } from '@parquetry/core';
import { requireDisjoint } from './ts/disjoint.js';
import type { BloomKernels } from './ts/index.js';
import { seedHalves } from './ts/xxhash64.js';

type ArrayType = typeof Uint8Array | typeof Int32Array | typeof BigUint64Array;

function requireType(value: unknown, type: ArrayType, name: string): void {
  if (!(value instanceof type)) throw new ParquetryError('INVALID_ARGUMENT', `${name} must be a ${type.name}`);
}

const wrapped = new WeakMap<NativeBinding, BloomKernels>();

export function nativeKernels(binding: NativeBinding): BloomKernels {
  let kernels = wrapped.get(binding);
  if (!kernels) {
    kernels = {
      xxhash64FixedWidth(bytes, width, seed, out) {
        requireType(bytes, Uint8Array, 'values');
        requireType(out, BigUint64Array, 'output');
        seedHalves(seed);
        requireDisjoint(out, bytes, 'the output and the values');
        binding.xxhash64FixedWidth(bytes, width, seed, out);
      },
      xxhash64ByteArrays(offsets, bytes, seed, out) {
        requireType(offsets, Int32Array, 'offsets');
        requireType(bytes, Uint8Array, 'values');
        requireType(out, BigUint64Array, 'output');
        seedHalves(seed);
        requireDisjoint(out, bytes, 'the output and the values');
        requireDisjoint(out, offsets, 'the output and the offsets');
        binding.xxhash64ByteArrays(offsets, bytes, seed, out);
      },
      bloomInsertHashes(bitset, hashes) {
        requireType(bitset, Uint8Array, 'bitset');
        requireType(hashes, BigUint64Array, 'hashes');
        requireDisjoint(bitset, hashes, 'the bitset and the hashes');
        binding.bloomInsertHashes(bitset, hashes);
      },
      bloomCheckHashes(bitset, hashes, out) {
        requireType(bitset, Uint8Array, 'bitset');
        requireType(hashes, BigUint64Array, 'hashes');
        requireType(out, Uint8Array, 'output');
        requireDisjoint(out, bitset, 'the output and the bitset');
        requireDisjoint(out, hashes, 'the output and the hashes');
        binding.bloomCheckHashes(bitset, hashes, out);
      },
    };
    wrapped.set(binding, kernels);
  }
  return kernels;
}
