//! The running sums that turn DELTA_BINARY_PACKED miniblocks (unpacked deltas above the block's
//! minimum) into values: `value[i] = value[i - 1] + delta[i] + min`, wrapping.
//!
//! The scalar loop is one add a value on the carried chain; the AVX2 bodies sum 8 values inside
//! registers (log-step shifts) and put one add per 8 on the chain. Under AVX2, miniblocks of
//! widths 1-25 are unpacked and summed in one pass (`unpack_add_*`): the unpacked deltas never
//! go through memory.

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

/// The leading whole 8-value groups of a miniblock of `width` bits (`input` from its first byte)
/// unpacked and summed into `out` in one pass, where AVX2 and the width allow; returns the values
/// done (a multiple of 8) and the last value, or (0, `prev`) where it does nothing.
pub fn unpack_add_widening(input: &[u8], width: usize, min: u64, prev: u64, out: &mut [u64]) -> (usize, u64) {
    #[cfg(target_arch = "x86_64")]
    if simd_level() == SimdLevel::Avx2 && width <= 32 {
        return avx2::UNPACK_ADD_WIDENING[width](input, min, prev, out);
    }
    let _ = (input, width, min, out);
    (0, prev)
}

/// As `unpack_add_widening` for 4-byte values.
pub fn unpack_add_u32(input: &[u8], width: usize, min: u32, prev: u32, out: &mut [u32]) -> (usize, u32) {
    #[cfg(target_arch = "x86_64")]
    if simd_level() == SimdLevel::Avx2 && width <= 32 {
        return avx2::UNPACK_ADD_U32[width](input, min, prev, out);
    }
    let _ = (input, width, min, out);
    (0, prev)
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

    use crate::bitpack_avx2::Groups;
    use crate::bitpack_scalar::width_table;

    #[target_feature(enable = "avx2")]
    pub unsafe fn add_deltas_u32(values: &mut [u32], min: u32, prev: u32) -> u32 {
        let min_v = _mm256_set1_epi32(min as i32);
        let mut carry = _mm256_set1_epi32(prev as i32);
        let chunks = values.len() / 8;
        for c in 0..chunks {
            let at = values.as_mut_ptr().add(c * 8).cast::<__m256i>();
            carry = step_u32(_mm256_loadu_si256(at), min_v, carry, at);
        }
        let prev = _mm256_extract_epi32::<7>(carry) as u32;
        super::add_deltas_u32_scalar(&mut values[chunks * 8..], min, prev)
    }

    #[target_feature(enable = "avx2")]
    pub unsafe fn add_deltas_widening(deltas: &[u32], min: u64, prev: u64, out: &mut [u64]) -> u64 {
        let min_v = _mm256_set1_epi64x(min as i64);
        let mut carry = _mm256_set1_epi64x(prev as i64);
        let chunks = deltas.len() / 8;
        for c in 0..chunks {
            let from = deltas.as_ptr().add(c * 8).cast::<__m128i>();
            let to = out.as_mut_ptr().add(c * 8).cast::<__m256i>();
            carry = step_widening(_mm_loadu_si128(from), _mm_loadu_si128(from.add(1)), min_v, carry, to);
        }
        let prev = _mm256_extract_epi64::<3>(carry) as u64;
        super::add_deltas_widening_scalar(&deltas[chunks * 8..], min, prev, &mut out[chunks * 8..])
    }

    /// Eight 4-byte deltas: in-lane prefix sums by two shifts, the low lane's total into the
    /// high lane, the carry added, stored at `to`; returns the next carry (the last value in
    /// every lane).
    #[inline(always)]
    unsafe fn step_u32(deltas: __m256i, min_v: __m256i, carry: __m256i, to: *mut __m256i) -> __m256i {
        let mut x = _mm256_add_epi32(deltas, min_v);
        x = _mm256_add_epi32(x, _mm256_slli_si256::<4>(x));
        x = _mm256_add_epi32(x, _mm256_slli_si256::<8>(x));
        // [0, low lane] then each lane's fourth value everywhere in it: the low lane's total in
        // the high lane, zero in the low one.
        x = _mm256_add_epi32(x, _mm256_shuffle_epi32::<0xFF>(_mm256_permute2x128_si256::<0x08>(x, x)));
        _mm256_storeu_si256(to, _mm256_add_epi32(x, carry));
        // The chain carries only this add: the eight's total is broadcast off it.
        _mm256_add_epi32(carry, _mm256_permutevar8x32_epi32(x, _mm256_set1_epi32(7)))
    }

    /// Eight 4-byte deltas (as two halves) into eight 8-byte values at `to`: four per register,
    /// the second register taking the first's total; returns the next carry.
    #[inline(always)]
    unsafe fn step_widening(low: __m128i, high: __m128i, min_v: __m256i, carry: __m256i, to: *mut __m256i) -> __m256i {
        let a = sums4(_mm256_add_epi64(_mm256_cvtepu32_epi64(low), min_v));
        let b = sums4(_mm256_add_epi64(_mm256_cvtepu32_epi64(high), min_v));
        let b = _mm256_add_epi64(b, _mm256_permute4x64_epi64::<0xFF>(a));
        _mm256_storeu_si256(to, _mm256_add_epi64(a, carry));
        _mm256_storeu_si256(to.add(1), _mm256_add_epi64(b, carry));
        // The chain carries only this add: the eight's total is broadcast off it.
        _mm256_add_epi64(carry, _mm256_permute4x64_epi64::<0xFF>(b))
    }

    /// Prefix sums of four 8-byte lanes.
    #[inline(always)]
    unsafe fn sums4(x: __m256i) -> __m256i {
        let x = _mm256_add_epi64(x, _mm256_slli_si256::<8>(x));
        // [0, low lane], then each lane's second value in both its slots.
        _mm256_add_epi64(x, _mm256_shuffle_epi32::<0xEE>(_mm256_permute2x128_si256::<0x08>(x, x)))
    }

    /// What the one-pass decode needs of a value type: its broadcast, the 8-value step (deltas
    /// as 32-bit lanes) and the last value of a carry.
    trait Summed: Copy {
        unsafe fn splat(v: Self) -> __m256i;
        unsafe fn step(deltas: __m256i, min_v: __m256i, carry: __m256i, to: *mut Self) -> __m256i;
        unsafe fn last(carry: __m256i) -> Self;
    }

    impl Summed for u64 {
        #[inline(always)]
        unsafe fn splat(v: u64) -> __m256i {
            _mm256_set1_epi64x(v as i64)
        }
        #[inline(always)]
        unsafe fn step(deltas: __m256i, min_v: __m256i, carry: __m256i, to: *mut u64) -> __m256i {
            step_widening(_mm256_castsi256_si128(deltas), _mm256_extracti128_si256::<1>(deltas), min_v, carry, to.cast())
        }
        #[inline(always)]
        unsafe fn last(carry: __m256i) -> u64 {
            _mm256_extract_epi64::<3>(carry) as u64
        }
    }

    impl Summed for u32 {
        #[inline(always)]
        unsafe fn splat(v: u32) -> __m256i {
            _mm256_set1_epi32(v as i32)
        }
        #[inline(always)]
        unsafe fn step(deltas: __m256i, min_v: __m256i, carry: __m256i, to: *mut u32) -> __m256i {
            step_u32(deltas, min_v, carry, to.cast())
        }
        #[inline(always)]
        unsafe fn last(carry: __m256i) -> u32 {
            _mm256_extract_epi32::<7>(carry) as u32
        }
    }

    #[target_feature(enable = "avx2")]
    unsafe fn unpack_add<const W: usize, T: Summed>(input: &[u8], min: T, prev: T, out: &mut [T]) -> (usize, T) {
        if !Groups::<W>::SERVED {
            return (0, prev);
        }
        let groups = Groups::<W>::new();
        let (min_v, mut carry) = (T::splat(min), T::splat(prev));
        let mut g = 0;
        while (g + 1) * 8 <= out.len() && Groups::<W>::readable(input.len(), g) {
            carry = T::step(groups.get(input.as_ptr(), g), min_v, carry, out.as_mut_ptr().add(g * 8));
            g += 1;
        }
        (g * 8, T::last(carry))
    }

    type UnpackAddFn<T> = fn(&[u8], T, T, &mut [T]) -> (usize, T);

    fn unpack_add_widening_entry<const W: usize>(input: &[u8], min: u64, prev: u64, out: &mut [u64]) -> (usize, u64) {
        // SAFETY: these tables are only used after `simd_level()` detected AVX2.
        unsafe { unpack_add::<W, u64>(input, min, prev, out) }
    }

    fn unpack_add_u32_entry<const W: usize>(input: &[u8], min: u32, prev: u32, out: &mut [u32]) -> (usize, u32) {
        // SAFETY: as above.
        unsafe { unpack_add::<W, u32>(input, min, prev, out) }
    }

    pub static UNPACK_ADD_WIDENING: [UnpackAddFn<u64>; 33] = width_table!(unpack_add_widening_entry);
    pub static UNPACK_ADD_U32: [UnpackAddFn<u32>; 33] = width_table!(unpack_add_u32_entry);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pass_unpack_and_sum_agree_with_unpack_then_sum_at_every_width() {
        let mut seed = 5u64;
        for width in 0..=32usize {
            for n in [0usize, 7, 8, 9, 31, 32, 33, 100, 256] {
                for min in [0u64, u64::MAX - 100] {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    let deltas: Vec<u32> = (0..n as u64)
                        .map(|i| ((seed ^ i.wrapping_mul(0x9e3779b97f4a7c15)) >> 17) as u32 & crate::bitpack_scalar::mask(width))
                        .collect();
                    let mut packed = vec![0u8; n.div_ceil(8) * width];
                    let mut padded = deltas.clone();
                    padded.resize(n.div_ceil(8) * 8, 0);
                    crate::bitpack::packer(width)(&padded, &mut packed);
                    // Exactly the miniblock's bytes (the unpacker's last groups fall back), then
                    // with bytes after them, as in a stream.
                    for extra in [0usize, 32] {
                        let mut input = packed.clone();
                        input.resize(packed.len() + extra, 0xa5);
                        let prev = seed >> 3;
                        let mut want = vec![0u64; n];
                        let last = add_deltas_widening_scalar(&deltas, min, prev, &mut want);
                        let mut got = vec![0u64; n];
                        let (done, p) = unpack_add_widening(&input, width, min, prev, &mut got);
                        assert_eq!(done % 8, 0);
                        #[cfg(target_arch = "x86_64")]
                        if simd_level() == SimdLevel::Avx2 && (1..=25).contains(&width) && extra > 0 {
                            assert_eq!(done, n / 8 * 8, "the one pass covers every whole group, width {width} x {n}");
                        }
                        let mut rest = vec![0u32; n - done];
                        crate::bitpack::unpacker(width)(&input[done * width / 8..], &mut rest);
                        assert_eq!(add_deltas_widening(&rest, min, p, &mut got[done..]), last);
                        assert_eq!(got, want, "widening, width {width} x {n} + {extra}");

                        let mut want32 = deltas.clone();
                        let last32 = add_deltas_u32_scalar(&mut want32, min as u32, prev as u32);
                        let mut got32 = vec![0u32; n];
                        let (done, p) = unpack_add_u32(&input, width, min as u32, prev as u32, &mut got32);
                        crate::bitpack::unpacker(width)(&input[done * width / 8..], &mut got32[done..]);
                        assert_eq!(add_deltas_u32(&mut got32[done..], min as u32, p), last32);
                        assert_eq!(got32, want32, "u32, width {width} x {n} + {extra}");
                    }
                }
            }
        }
    }

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
