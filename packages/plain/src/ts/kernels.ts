import { decodePlainBooleans, encodePlainBooleans } from './plain-booleans.js';
import { gatherPlainByteArrays, scanPlainByteArrays } from './plain-byte-arrays-decode.js';
import { encodePlainByteArrays, encodePlainByteArraysInto } from './plain-byte-arrays-encode.js';
import type { PlainKernels } from './types.js';

/** The pure-TypeScript kernels: the default everywhere a PlainKernels is taken. */
export const TS_PLAIN_KERNELS: PlainKernels = {
  decodePlainBooleans,
  encodePlainBooleans,
  scanPlainByteArrays,
  gatherPlainByteArrays,
  encodePlainByteArrays,
  encodePlainByteArraysInto,
};
