import { bloomCheckHashes, bloomInsertHashes } from './split-block.js';
import type { BloomKernels } from './types.js';
import { xxhash64ByteArrays, xxhash64FixedWidth } from './xxhash64-batch.js';

/** The pure-TypeScript kernels: the default everywhere a BloomKernels is taken. */
export const TS_BLOOM_KERNELS: BloomKernels = {
  xxhash64FixedWidth,
  xxhash64ByteArrays,
  bloomInsertHashes,
  bloomCheckHashes,
};
