// Browsers cannot allocate without zeroing: the same functions as in Node (uninitialized.ts), over
// zeroed memory.

export function uninitializedBytes(n: number): Uint8Array {
  return new Uint8Array(n);
}

export function uninitializedArray<A>(Type: { new (length: number): A }, n: number): A {
  return new Type(n);
}
