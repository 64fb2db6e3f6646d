// Joining typed arrays of one kind into one (pages into a chunk, parts into a file).
type Typed = Uint8Array | Int32Array;

export function concatArrays<T extends Typed>(parts: readonly T[], make: (n: number) => T): T {
  if (parts.length === 1) return parts[0];
  const out = make(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p as never, at);
    at += p.length;
  }
  return out;
}

export const concatBytes = (parts: readonly Uint8Array[]): Uint8Array => concatArrays(parts, (n) => new Uint8Array(n));
