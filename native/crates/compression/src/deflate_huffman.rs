//! Huffman code lengths and canonical codes for the DEFLATE compressor, step for step those of the
//! TypeScript build (packages/gzip/src/ts/deflate-huffman.ts): leaves ordered by (frequency,
//! symbol); two-queue merging that takes a leaf before an internal node of equal weight; lengths
//! past the limit cut back and the code repaired one Kraft unit at a time; lengths handed out
//! longest first to the least frequent.

/// Code lengths (0 = unused) for `freq`, none over `max_bits`; fewer than two used symbols get
/// two codes of length 1 (the used one and its neighbour, or 0 and 1).
pub fn huffman_lengths(freq: &[u32], max_bits: usize, lengths: &mut [u8]) {
    let n = freq.len();
    lengths[..n].fill(0);
    let mut used: Vec<usize> = (0..n).filter(|&s| freq[s] > 0).collect();
    if used.len() < 2 {
        let one = used.first().copied().unwrap_or(0);
        lengths[one] = 1;
        lengths[if one == 0 { 1 } else { 0 }] = 1;
        return;
    }
    used.sort_by(|&a, &b| freq[a].cmp(&freq[b]).then(a.cmp(&b)));
    let leaves = used.len();
    let mut weight = vec![0u64; leaves - 1];
    let mut node_parent = vec![0usize; leaves - 1];
    let mut leaf_parent = vec![0usize; leaves];
    let (mut li, mut ni) = (0, 0);
    for made in 0..leaves - 1 {
        let mut sum = 0u64;
        for _ in 0..2 {
            if li < leaves && (ni >= made || freq[used[li]] as u64 <= weight[ni]) {
                sum += freq[used[li]] as u64;
                leaf_parent[li] = made;
                li += 1;
            } else {
                sum += weight[ni];
                node_parent[ni] = made;
                ni += 1;
            }
        }
        weight[made] = sum;
    }
    let mut depth = vec![0usize; leaves - 1];
    for k in (0..leaves.saturating_sub(2)).rev() {
        depth[k] = depth[node_parent[k]] + 1;
    }
    let mut count = [0usize; 16];
    for &parent in &leaf_parent {
        count[max_bits.min(depth[parent] + 1)] += 1;
    }
    // Leaves cut back to the limit oversubscribe the code: each step takes a leaf off the deepest
    // level and splits the deepest shorter leaf in two, one Kraft unit (2^-max_bits) less each time.
    let mut kraft: u64 = (1..=max_bits).map(|bits| (count[bits] as u64) << (max_bits - bits)).sum();
    while kraft > 1 << max_bits {
        count[max_bits] -= 1;
        for bits in (1..max_bits).rev() {
            if count[bits] > 0 {
                count[bits] -= 1;
                count[bits + 1] += 2;
                break;
            }
        }
        kraft -= 1;
    }
    let mut k = 0;
    for bits in (1..=max_bits).rev() {
        for _ in 0..count[bits] {
            lengths[used[k]] = bits as u8;
            k += 1;
        }
    }
}

/// Canonical codes for `lengths`, bit-reversed for DEFLATE's least-significant-bit-first packing.
pub fn canonical_codes(lengths: &[u8], codes: &mut [u16]) {
    let mut count = [0u16; 16];
    for &l in lengths {
        count[l as usize] += 1;
    }
    count[0] = 0;
    let mut next = [0u32; 16];
    let mut code = 0u32;
    for bits in 1..=15 {
        code = (code + count[bits - 1] as u32) << 1;
        next[bits] = code;
    }
    for (s, &l) in lengths.iter().enumerate() {
        if l == 0 {
            codes[s] = 0;
            continue;
        }
        let c = next[l as usize];
        next[l as usize] += 1;
        codes[s] = (c as u16).reverse_bits() >> (16 - l);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kraft(lengths: &[u8], max_bits: usize) -> u64 {
        lengths.iter().filter(|&&l| l > 0).map(|&l| 1u64 << (max_bits - l as usize)).sum()
    }

    #[test]
    fn fibonacci_frequencies_are_cut_to_the_limit_and_stay_complete() {
        for (n, max_bits) in [(30usize, 15usize), (40, 15), (19, 7), (286, 15)] {
            let mut freq = vec![0u32; n];
            let (mut a, mut b) = (1u64, 1u64);
            for f in freq.iter_mut().take(40.min(n)) {
                *f = a.min(u32::MAX as u64) as u32;
                (a, b) = (b, a + b);
            }
            for (i, f) in freq.iter_mut().enumerate().skip(40) {
                *f = 1 + (i % 3) as u32;
            }
            let mut lengths = vec![0u8; n];
            huffman_lengths(&freq, max_bits, &mut lengths);
            assert!(lengths.iter().all(|&l| (l as usize) <= max_bits));
            assert_eq!(kraft(&lengths, max_bits), 1 << max_bits, "{n} symbols");
        }
    }

    #[test]
    fn rfc1951_example_codes() {
        let mut codes = [0u16; 8];
        canonical_codes(&[3, 3, 3, 3, 3, 2, 4, 4], &mut codes);
        let rev = |c: u16, bits: u32| c.reverse_bits() >> (16 - bits);
        assert_eq!(codes, [rev(0b010, 3), rev(0b011, 3), rev(0b100, 3), rev(0b101, 3), rev(0b110, 3), rev(0b00, 2), rev(0b1110, 4), rev(0b1111, 4)]);
    }
}
