//! What the snappy and LZ4 compressors share: unaligned little-endian loads and match extension.
//! Their round trips (through snap and lz4_flex) are tests/codecs.rs.

#[inline(always)]
pub fn load32(src: &[u8], i: usize) -> u32 {
    debug_assert!(i + 4 <= src.len());
    // SAFETY: every caller keeps `i + 4 <= src.len()` (each compressor's end margins and bounds).
    unsafe { std::ptr::read_unaligned(src.as_ptr().add(i) as *const u32) }.to_le()
}

#[inline(always)]
fn load64(src: &[u8], i: usize) -> u64 {
    debug_assert!(i + 8 <= src.len());
    // SAFETY: `match_end` keeps `i + 8 <= limit <= src.len()`.
    unsafe { std::ptr::read_unaligned(src.as_ptr().add(i) as *const u64) }.to_le()
}

/// Where the match of `a..` against `b..` (a < b) ends: the first differing byte, or `limit`.
#[inline(always)]
pub fn match_end(src: &[u8], mut a: usize, mut b: usize, limit: usize) -> usize {
    // Eight bytes at a time: the lowest differing byte of the XOR ends the match.
    while b + 8 <= limit {
        let x = load64(src, a) ^ load64(src, b);
        if x != 0 {
            return b + (x.trailing_zeros() / 8) as usize;
        }
        a += 8;
        b += 8;
    }
    while b < limit && src[a] == src[b] {
        a += 1;
        b += 1;
    }
    b
}
