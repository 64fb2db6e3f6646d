// Huffman code lengths and canonical codes for the DEFLATE compressor (RFC 1951 3.2.2). Every
// choice is fixed so that the Rust compressor (native/crates/compression/src/deflate_huffman.rs)
// makes the same one: leaves ordered by (frequency, symbol); two-queue merging that takes a leaf
// before an internal node of equal weight; lengths past the limit cut back and the code repaired
// one Kraft unit at a time; then lengths handed out longest first to the least frequent leaves.

/**
 * Code lengths (0 = unused) for `freq`, none over `maxBits`. A tree of fewer than two used symbols
 * gets symbols 0 and 1 (or the one used and its neighbour) at length 1: decoders want complete codes.
 */
export function huffmanLengths(freq: ArrayLike<number>, maxBits: number): Uint8Array {
  const n = freq.length;
  const lengths = new Uint8Array(n);
  const used: number[] = [];
  for (let s = 0; s < n; s++) if (freq[s] > 0) used.push(s);
  if (used.length < 2) {
    const one = used.length === 1 ? used[0] : 0;
    lengths[one] = 1;
    lengths[one === 0 ? 1 : 0] = 1;
    return lengths;
  }
  used.sort((a, b) => freq[a] - freq[b] || a - b);
  const leaves = used.length;
  // Internal nodes in creation order (nondecreasing weight); parents of leaves and of nodes.
  const weight = new Float64Array(leaves - 1);
  const nodeParent = new Int32Array(leaves - 1);
  const leafParent = new Int32Array(leaves);
  let li = 0;
  let ni = 0;
  for (let made = 0; made < leaves - 1; made++) {
    let sum = 0;
    for (let pick = 0; pick < 2; pick++) {
      if (li < leaves && (ni >= made || freq[used[li]] <= weight[ni])) {
        sum += freq[used[li]];
        leafParent[li++] = made;
      } else {
        sum += weight[ni];
        nodeParent[ni++] = made;
      }
    }
    weight[made] = sum;
  }
  // Depths from the root (the last node) down: a node's parent was made after it.
  const depth = new Int32Array(leaves - 1);
  for (let k = leaves - 3; k >= 0; k--) depth[k] = depth[nodeParent[k]] + 1;
  const count = new Int32Array(maxBits + 1);
  for (let k = 0; k < leaves; k++) count[Math.min(maxBits, depth[leafParent[k]] + 1)]++;
  // Leaves cut back to the limit oversubscribe the code: each step takes a leaf off the deepest
  // level and splits the deepest shorter leaf in two, one Kraft unit (2^-maxBits) less each time.
  let kraft = 0;
  for (let bits = 1; bits <= maxBits; bits++) kraft += count[bits] * 2 ** (maxBits - bits);
  for (; kraft > 2 ** maxBits; kraft--) {
    count[maxBits]--;
    for (let bits = maxBits - 1; bits > 0; bits--) {
      if (count[bits] > 0) {
        count[bits]--;
        count[bits + 1] += 2;
        break;
      }
    }
  }
  let k = 0;
  for (let bits = maxBits; bits >= 1; bits--) {
    for (let c = count[bits]; c > 0; c--) lengths[used[k++]] = bits;
  }
  return lengths;
}

/** Canonical codes for `lengths`, bit-reversed for DEFLATE's least-significant-bit-first packing. */
export function canonicalCodes(lengths: Uint8Array): Uint16Array {
  const count = new Uint16Array(16);
  for (const l of lengths) count[l]++;
  count[0] = 0;
  const next = new Uint16Array(16);
  let code = 0;
  for (let bits = 1; bits <= 15; bits++) {
    code = (code + count[bits - 1]) << 1;
    next[bits] = code;
  }
  const codes = new Uint16Array(lengths.length);
  for (let s = 0; s < lengths.length; s++) {
    const l = lengths[s];
    if (l === 0) continue;
    let c = next[l]++;
    let r = 0;
    for (let b = 0; b < l; b++) {
      r = (r << 1) | (c & 1);
      c >>>= 1;
    }
    codes[s] = r;
  }
  return codes;
}
