//! Split block Bloom filters (BloomFilter.md "Technical Approach" and "Algorithm"). The bitset is
//! a run of 32-byte blocks, each eight little-endian 32-bit words. A 64-bit hash picks one block
//! from its upper 32 bits, `(upper * blocks) >> 32`, and sets or checks one bit in each word:
//! bit `(lower * SALT[i]) >> 27` of word i, from its lower 32 bits.
//!
//! The per-word work is the same on every lane, so the AVX2 build of the same loop (chosen at run
//! time) does a whole block's mask in a few vector instructions.

use crate::error::{KernelError, Result};
use crate::simd::{simd_level, SimdLevel};

/// Bytes in one block: eight 32-bit words.
pub const BLOCK_BYTES: usize = 32;

/// The spec's eight salts, one per word of a block.
pub const SALT: [u32; 8] = [0x47b6_137b, 0x4497_4d91, 0x8824_ad5b, 0xa2b7_289d, 0x7054_95c7, 0x2df1_424b, 0x9efc_4947, 0x5c6b_fb31];

/// The bits a hash sets in each word of its block, from its lower 32 bits.
#[inline(always)]
pub fn block_mask(hash: u64) -> [u32; 8] {
    let key = hash as u32;
    let mut mask = [0u32; 8];
    for i in 0..8 {
        mask[i] = 1u32 << (key.wrapping_mul(SALT[i]) >> 27);
    }
    mask
}

/// The block a hash falls in: its upper 32 bits scaled to `blocks` (at most 2^32).
#[inline(always)]
pub fn block_index(hash: u64, blocks: usize) -> usize {
    (((hash >> 32) * blocks as u64) >> 32) as usize
}

/// The bitset's block count; whole blocks and at least one, else INVALID_ARGUMENT.
fn block_count(bitset: &[u8]) -> Result<usize> {
    let blocks = bitset.len() / BLOCK_BYTES;
    if blocks == 0 || !bitset.len().is_multiple_of(BLOCK_BYTES) || blocks as u64 > 1 << 32 {
        return Err(KernelError::invalid(format!("a bitset of {} bytes is not a whole number of {BLOCK_BYTES}-byte blocks", bitset.len())));
    }
    Ok(blocks)
}

#[inline(always)]
fn load_block(bytes: &[u8]) -> [u32; 8] {
    let mut words = [0u32; 8];
    for (w, b) in words.iter_mut().zip(bytes.chunks_exact(4)) {
        *w = u32::from_le_bytes(b.try_into().unwrap());
    }
    words
}

#[inline(always)]
fn insert_all(bitset: &mut [u8], blocks: usize, hashes: &[u64]) {
    for &hash in hashes {
        let at = block_index(hash, blocks) * BLOCK_BYTES;
        let block = &mut bitset[at..at + BLOCK_BYTES];
        let mut words = load_block(block);
        let mask = block_mask(hash);
        for i in 0..8 {
            words[i] |= mask[i];
        }
        for (b, w) in block.chunks_exact_mut(4).zip(words) {
            b.copy_from_slice(&w.to_le_bytes());
        }
    }
}

#[inline(always)]
fn check_all(bitset: &[u8], blocks: usize, hashes: &[u64], out: &mut [u8]) {
    for (o, &hash) in out.iter_mut().zip(hashes) {
        let at = block_index(hash, blocks) * BLOCK_BYTES;
        let words = load_block(&bitset[at..at + BLOCK_BYTES]);
        let mask = block_mask(hash);
        let mut missing = 0u32;
        for i in 0..8 {
            missing |= mask[i] & !words[i];
        }
        *o = (missing == 0) as u8;
    }
}

#[cfg(target_arch = "x86_64")]
mod avx2 {
    /// The same loop compiled for AVX2: the eight words of a block become one vector.
    #[target_feature(enable = "avx2")]
    pub unsafe fn insert_all(bitset: &mut [u8], blocks: usize, hashes: &[u64]) {
        super::insert_all(bitset, blocks, hashes)
    }

    #[target_feature(enable = "avx2")]
    pub unsafe fn check_all(bitset: &[u8], blocks: usize, hashes: &[u64], out: &mut [u8]) {
        super::check_all(bitset, blocks, hashes, out)
    }
}

/// Inserts every hash into `bitset`, at the given instruction-set level.
pub fn bloom_insert_hashes_at(level: SimdLevel, bitset: &mut [u8], hashes: &[u64]) -> Result<()> {
    let blocks = block_count(bitset)?;
    match level {
        // SAFETY: the AVX2 level is only handed out where the CPU runs AVX2.
        #[cfg(target_arch = "x86_64")]
        SimdLevel::Avx2 => unsafe { avx2::insert_all(bitset, blocks, hashes) },
        _ => insert_all(bitset, blocks, hashes),
    }
    Ok(())
}

/// Writes 1 to `out[i]` where hash i may be in the filter, 0 where it is certainly not.
pub fn bloom_check_hashes_at(level: SimdLevel, bitset: &[u8], hashes: &[u64], out: &mut [u8]) -> Result<()> {
    let blocks = block_count(bitset)?;
    if out.len() != hashes.len() {
        return Err(KernelError::invalid(format!("output holds {} results for {} hashes", out.len(), hashes.len())));
    }
    match level {
        // SAFETY: as above.
        #[cfg(target_arch = "x86_64")]
        SimdLevel::Avx2 => unsafe { avx2::check_all(bitset, blocks, hashes, out) },
        _ => check_all(bitset, blocks, hashes, out),
    }
    Ok(())
}

/// `bloom_insert_hashes_at` on the level in force.
pub fn bloom_insert_hashes(bitset: &mut [u8], hashes: &[u64]) -> Result<()> {
    bloom_insert_hashes_at(simd_level(), bitset, hashes)
}

/// `bloom_check_hashes_at` on the level in force.
pub fn bloom_check_hashes(bitset: &[u8], hashes: &[u64], out: &mut [u8]) -> Result<()> {
    bloom_check_hashes_at(simd_level(), bitset, hashes, out)
}

/// Bytes of a filter for `ndv` distinct values at false-positive rate `fpp` (BloomFilter.md
/// "Build a Bloom filter": `-8 / ln(1 - fpp^(1/8))` bits per value), rounded up to a power of
/// two and kept within [32, `max_bytes`]; `max_bytes` is rounded down to a power of two.
pub fn bloom_filter_bytes(ndv: f64, fpp: f64, max_bytes: usize) -> Result<usize> {
    if !(ndv >= 0.0 && ndv.is_finite()) {
        return Err(KernelError::invalid(format!("ndv {ndv} is not a finite number of at least 0")));
    }
    if !(fpp > 0.0 && fpp < 1.0) {
        return Err(KernelError::invalid(format!("fpp {fpp} is not between 0 and 1")));
    }
    if max_bytes < BLOCK_BYTES {
        return Err(KernelError::invalid(format!("max bytes {max_bytes} is under {BLOCK_BYTES}")));
    }
    let cap = 1usize << (usize::BITS - 1 - max_bytes.leading_zeros());
    let bits_per_value = -8.0 / (1.0 - fpp.powf(1.0 / 8.0)).ln();
    let bytes = (ndv * bits_per_value / 8.0).ceil();
    if bytes >= cap as f64 {
        return Ok(cap);
    }
    Ok((bytes as usize).next_power_of_two().clamp(BLOCK_BYTES, cap))
}
