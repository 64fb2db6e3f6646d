//! The running sums that turn DELTA_BINARY_PACKED miniblocks (unpacked deltas above the block's
//! minimum) into values: `value[i] = value[i - 1] + delta[i] + min`, wrapping.
//!
//! The scalar loop is one add a value on the carried chain; the AVX2 bodies sum 8 values inside
//! registers (log-step shifts) and put one add per 8 on the chain.

#[cfg(target_arch = "x86_64")]
use crate::simd::{simd_level, SimdLevel};

/// In place over 4-byte values: each delta becomes its value; returns the last value (`prev` when
/// `values` is empty).
pub fn add_deltas_u32(values: &mut [u32], min: u32, prev: u32) -> u32 {
    #[cfg(target_arch = "x86_64")]
    if simd_level() == SimdLevel::Avx2 {
        // SAFETY: AVX2 was detected.
        return unsafe { avx2::add_deltas_u32(values, min, prev) };
    }
    add_deltas_u32_scalar(values, min, prev)
}

/// 32-bit deltas (an INT64 miniblock of width 32 or less) into 8-byte values in `out` (as long as
/// `deltas`); returns the last value.
pub fn add_deltas_widening(deltas: &[u32], min: u64, prev: u64, out: &mut [u64]) -> u64 {
    assert_eq!(deltas.len(), out.len(), "one value per delta");
    #[cfg(target_arch = "x86_64")]
    if simd_level() == SimdLevel::Avx2 {
        // SAFETY: AVX2 was detected; the lengths are equal.
        return unsafe { avx2::add_deltas_widening(deltas, min, prev, out) };
    }
    add_deltas_widening_scalar(deltas, min, prev, out)
}

/// In place over 8-byte values (miniblocks wider than 32 bits).
pub fn add_deltas_u64(values: &mut [u64], min: u64, mut prev: u64) -> u64 {
    for v in values {
        prev = prev.wrapping_add(v.wrapping_add(min));
        *v = prev;
    }
    prev
}

fn add_deltas_u32_scalar(values: &mut [u32], min: u32, mut prev: u32) -> u32 {
    for v in values {
        prev = prev.wrapping_add(v.wrapping_add(min));
        *v = prev;
    }
    prev
}

fn add_deltas_widening_scalar(deltas: &[u32], min: u64, mut prev: u64, out: &mut [u64]) -> u64 {
    for (v, &d) in out.iter_mut().zip(deltas) {
        prev = prev.wrapping_add(u64::from(d).wrapping_add(min));
        *v = prev;
    }
    prev
}

#[cfg(target_arch = "x86_64")]
mod avx2 {
    use core::arch::x86_64::*;

    /// Eight 4-byte values: in-lane prefix sums by two shifts, then the low lane's total into the
    /// high lane, then the carry.
    #[target_feature(enable = "avx2")]
    pub unsafe fn add_deltas_u32(values: &mut [u32], min: u32, prev: u32) -> u32 {
        let min_v = _mm256_set1_epi32(min as i32);
        let last = _mm256_set1_epi32(7);
        let mut carry = _mm256_set1_epi32(prev as i32);
        let chunks = values.len() / 8;
        for c in 0..chunks {
            let at = values.as_mut_ptr().add(c * 8).cast::<__m256i>();
            let mut x = _mm256_add_epi32(_mm256_loadu_si256(at), min_v);
            x = _mm256_add_epi32(x, _mm256_slli_si256::<4>(x));
            x = _mm256_add_epi32(x, _mm256_slli_si256::<8>(x));
            // [0, low lane] then each lane's fourth value everywhere in it: the low lane's total
            // in the high lane, zero in the low one.
            x = _mm256_add_epi32(x, _mm256_shuffle_epi32::<0xFF>(_mm256_permute2x128_si256::<0x08>(x, x)));
            _mm256_storeu_si256(at, _mm256_add_epi32(x, carry));
            // The chain carries only this add: the eight's total is broadcast off it.
            carry = _mm256_add_epi32(carry, _mm256_permutevar8x32_epi32(x, last));
        }
        let prev = _mm256_extract_epi32::<7>(carry) as u32;
        super::add_deltas_u32_scalar(&mut values[chunks * 8..], min, prev)
    }

    /// Four 8-byte values per register, two registers a step (the second takes the first's total),
    /// so the carried chain holds one add per eight values.
    #[target_feature(enable = "avx2")]
    pub unsafe fn add_deltas_widening(deltas: &[u32], min: u64, prev: u64, out: &mut [u64]) -> u64 {
        let min_v = _mm256_set1_epi64x(min as i64);
        let mut carry = _mm256_set1_epi64x(prev as i64);
        let chunks = deltas.len() / 8;
        for c in 0..chunks {
            let from = deltas.as_ptr().add(c * 8).cast::<__m128i>();
            let a = sums4(_mm256_add_epi64(_mm256_cvtepu32_epi64(_mm_loadu_si128(from)), min_v));
            let b = sums4(_mm256_add_epi64(_mm256_cvtepu32_epi64(_mm_loadu_si128(from.add(1))), min_v));
            let b = _mm256_add_epi64(b, _mm256_permute4x64_epi64::<0xFF>(a));
            let to = out.as_mut_ptr().add(c * 8).cast::<__m256i>();
            _mm256_storeu_si256(to, _mm256_add_epi64(a, carry));
            _mm256_storeu_si256(to.add(1), _mm256_add_epi64(b, carry));
            // The chain carries only this add: the eight's total is broadcast off it.
            carry = _mm256_add_epi64(carry, _mm256_permute4x64_epi64::<0xFF>(b));
        }
        let prev = _mm256_extract_epi64::<3>(carry) as u64;
        super::add_deltas_widening_scalar(&deltas[chunks * 8..], min, prev, &mut out[chunks * 8..])
    }

    /// Prefix sums of four 8-byte lanes.
    #[inline(always)]
    unsafe fn sums4(x: __m256i) -> __m256i {
        let x = _mm256_add_epi64(x, _mm256_slli_si256::<8>(x));
        // [0, low lane], then each lane's second value in both its slots.
        _mm256_add_epi64(x, _mm256_shuffle_epi32::<0xEE>(_mm256_permute2x128_si256::<0x08>(x, x)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simd_and_scalar_sums_agree_at_every_length_and_wrap() {
        let mut seed = 9u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for n in [0usize, 1, 7, 8, 9, 15, 16, 17, 32, 100, 256] {
            for (min, prev) in [(0u64, 0u64), (u64::MAX - 3, 5), (1 << 40, u64::MAX)] {
                let deltas: Vec<u32> = (0..n).map(|_| next() as u32).collect();
                let mut want = vec![0u64; n];
                let last = add_deltas_widening_scalar(&deltas, min, prev, &mut want);
                let mut got = vec![0u64; n];
                assert_eq!(add_deltas_widening(&deltas, min, prev, &mut got), last);
                assert_eq!(got, want, "widening x {n}");

                let mut want32 = deltas.clone();
                let last32 = add_deltas_u32_scalar(&mut want32, min as u32, prev as u32);
                let mut got32 = deltas.clone();
                assert_eq!(add_deltas_u32(&mut got32, min as u32, prev as u32), last32);
                assert_eq!(got32, want32, "u32 x {n}");
            }
        }
    }
}
