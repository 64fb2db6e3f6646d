//! Definition levels turned into what Arrow wants for a column without repetition: the count of
//! values (levels at the maximum), and the values spread over every slot with a validity bitmap.
//! One pass each, in place of the reader's per-slot loops in JavaScript.

use crate::error::{KernelError, Result};
#[cfg(target_arch = "x86_64")]
use crate::simd::{simd_level, SimdLevel};

#[inline(always)]
fn summary(levels: &[i32], value: i32) -> (i32, i32, usize) {
    // Branch-free: min, max and the count of `value`, which the compiler vectorises.
    levels.iter().fold((i32::MAX, i32::MIN, 0usize), |(lo, hi, n), &l| (lo.min(l), hi.max(l), n + usize::from(l == value)))
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn summary_avx2(levels: &[i32], value: i32) -> (i32, i32, usize) {
    summary(levels, value)
}

/// How many levels equal `max`; CORRUPT naming the first level outside `0..=max`.
pub fn count_at_max(levels: &[i32], max: i32, what: &str) -> Result<usize> {
    count_at(levels, max, max, what)
}

/// How many levels equal `value` (0: the rows that start, in repetition levels); CORRUPT naming
/// the first level outside `0..=max`.
pub fn count_at(levels: &[i32], max: i32, value: i32, what: &str) -> Result<usize> {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: AVX2 was detected.
    let (lo, hi, n) = if simd_level() == SimdLevel::Avx2 { unsafe { summary_avx2(levels, value) } } else { summary(levels, value) };
    #[cfg(not(target_arch = "x86_64"))]
    let (lo, hi, n) = summary(levels, value);
    if !levels.is_empty() && (lo < 0 || hi > max) {
        let at = levels.iter().position(|&l| l < 0 || l > max).unwrap_or(0);
        return Err(KernelError::new(
            crate::ErrorCode::Corrupt,
            None,
            format!("{what} level {} at position {at} is above the maximum {max}", levels[at]),
        ));
    }
    Ok(n)
}

/// The positions of the levels that are 0 (where rows start, in repetition levels), in order, into
/// `out` while it has room; returns how many there are (more than `out.len()` when it had not).
pub fn zero_positions(levels: &[i32], out: &mut [i32]) -> usize {
    #[cfg(target_arch = "x86_64")]
    if simd_level() == SimdLevel::Avx2 {
        // SAFETY: AVX2 was detected.
        return unsafe { zero_positions_avx2(levels, out) };
    }
    zero_positions_from(levels, out, 0, 0)
}

#[inline(always)]
fn zero_positions_from(levels: &[i32], out: &mut [i32], from: usize, mut n: usize) -> usize {
    for (i, &l) in levels.iter().enumerate().skip(from) {
        if l == 0 {
            if let Some(slot) = out.get_mut(n) {
                *slot = i as i32;
            }
            n += 1;
        }
    }
    n
}

/// Eight levels a step compared with 0 at once; the (usually few) zeros' positions from the mask.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn zero_positions_avx2(levels: &[i32], out: &mut [i32]) -> usize {
    use std::arch::x86_64::*;
    let zero = _mm256_setzero_si256();
    let mut n = 0usize;
    let mut i = 0usize;
    // SAFETY (loads): i + 8 <= levels.len().
    while i + 8 <= levels.len() {
        let eq = _mm256_cmpeq_epi32(_mm256_loadu_si256(levels.as_ptr().add(i) as *const __m256i), zero);
        let mut mask = _mm256_movemask_ps(_mm256_castsi256_ps(eq)) as u32;
        while mask != 0 {
            if let Some(slot) = out.get_mut(n) {
                *slot = (i + mask.trailing_zeros() as usize) as i32;
            }
            n += 1;
            mask &= mask - 1;
        }
        i += 8;
    }
    zero_positions_from(levels, out, i, n)
}

/// Spreads `values` (`words` 32-bit words each, one per level at `max`) over one slot per level
/// into `out` (`levels.len() * words` words, zero where the level is below `max`), and sets bit i of
/// `bitmap` (at least `ceil(levels / 8)` bytes, overwritten) where slot i holds a value.
/// Returns how many values were placed; INVALID_ARGUMENT when `values` holds fewer than the levels
/// at `max` or an output is short.
pub fn scatter_by_levels(levels: &[i32], max: i32, values: &[u32], words: usize, out: &mut [u32], bitmap: &mut [u8]) -> Result<usize> {
    scatter_by_levels_at(crate::simd::simd_level(), levels, max, values, words, out, bitmap)
}

/// As `scatter_by_levels`, with the kernels of `level` (tests run every level this CPU has); a
/// level this CPU lacks falls back to scalar.
pub fn scatter_by_levels_at(
    level: crate::simd::SimdLevel,
    levels: &[i32],
    max: i32,
    values: &[u32],
    words: usize,
    out: &mut [u32],
    bitmap: &mut [u8],
) -> Result<usize> {
    if words != 1 && words != 2 {
        return Err(KernelError::invalid(format!("values of {words} words; 1 or 2 are scattered")));
    }
    let n = levels.len();
    if out.len() < n * words || bitmap.len() < n.div_ceil(8) {
        return Err(KernelError::invalid("the output or the bitmap is shorter than the levels need"));
    }
    let present = levels.iter().filter(|&&l| l == max).count();
    if values.len() < present * words {
        return Err(KernelError::invalid(format!("{present} levels hold a value but only {} values were given", values.len() / words)));
    }
    let values = &values[..present * words];
    let out = &mut out[..n * words];
    #[cfg(target_arch = "x86_64")]
    if level == crate::simd::SimdLevel::Avx2 && crate::simd::avx2_available() {
        // SAFETY: AVX2 was detected.
        return Ok(unsafe { scatter_avx2(levels, max, values, words, out, bitmap) });
    }
    let _ = level;
    Ok(scatter_from(levels, max, values, words, out, bitmap, 0, 0))
}

/// The scalar loops from slot `i` (a multiple of 8) and value `v` on: branch-free, since whether a
/// slot holds a value is as unpredictable as the data's nulls. `values` holds exactly the values.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn scatter_from(levels: &[i32], max: i32, values: &[u32], words: usize, out: &mut [u32], bitmap: &mut [u8], i: usize, mut v: usize) -> usize {
    for (chunk, byte) in levels[i..].chunks(8).zip(bitmap[i / 8..].iter_mut()) {
        let mut bits = 0u8;
        for (j, &l) in chunk.iter().enumerate() {
            bits |= u8::from(l == max) << j;
        }
        *byte = bits;
    }
    let Some(last) = (values.len() / words).checked_sub(1) else {
        out[i * words..].fill(0);
        return v;
    };
    for (k, &l) in levels[i..].iter().enumerate() {
        let valid = usize::from(l == max);
        let mask = 0u32.wrapping_sub(valid as u32);
        // The value at v, or (past the last one) the last value, masked out: no branch.
        let from = v.min(last) * words;
        for w in 0..words {
            out[(i + k) * words + w] = values[from + w] & mask;
        }
        v += valid;
    }
    v
}

/// For each mask of 8 slots, the source lane of each slot (how many slots below it hold a value).
const EXPAND_1: [[u32; 8]; 256] = expand_table::<8>();
/// For each mask of 4 slots of two words, the source word of each output word.
const EXPAND_2: [[u32; 8]; 16] = expand_pairs_table();

const fn expand_table<const N: usize>() -> [[u32; 8]; 256] {
    let mut table = [[0u32; 8]; 256];
    let mut m = 0;
    while m < 256 {
        let mut below = 0;
        let mut j = 0;
        while j < N {
            table[m][j] = below;
            if m & (1 << j) != 0 {
                below += 1;
            }
            j += 1;
        }
        m += 1;
    }
    table
}

const fn expand_pairs_table() -> [[u32; 8]; 16] {
    let mut table = [[0u32; 8]; 16];
    let mut m = 0;
    while m < 16 {
        let mut below = 0;
        let mut j = 0;
        while j < 4 {
            table[m][2 * j] = 2 * below;
            table[m][2 * j + 1] = 2 * below + 1;
            if m & (1 << j) != 0 {
                below += 1;
            }
            j += 1;
        }
        m += 1;
    }
    table
}

/// Eight slots a step: the levels compared at once give the bitmap byte, and the next eight values
/// (or four pairs) move to their slots by one permutation from a table, zeroed where no value
/// goes. Steps run while eight values remain to load; the scalar loop does the rest.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn scatter_avx2(levels: &[i32], max: i32, values: &[u32], words: usize, out: &mut [u32], bitmap: &mut [u8]) -> usize {
    use std::arch::x86_64::*;
    let n = levels.len();
    let wanted = _mm256_set1_epi32(max);
    let (lp, vp, op) = (levels.as_ptr(), values.as_ptr(), out.as_mut_ptr());
    let mut i = 0;
    let mut v = 0;
    // SAFETY (loads and stores): i + 8 <= n levels; 8 words from value v (v * words + 8 <= values.len());
    // out holds n * words words.
    while i + 8 <= n && v * words + 8 <= values.len() {
        let eq = _mm256_cmpeq_epi32(_mm256_loadu_si256(lp.add(i) as *const __m256i), wanted);
        let m = _mm256_movemask_ps(_mm256_castsi256_ps(eq)) as usize;
        *bitmap.get_unchecked_mut(i / 8) = m as u8;
        if words == 1 {
            let lanes = _mm256_loadu_si256(EXPAND_1[m].as_ptr() as *const __m256i);
            let spread = _mm256_permutevar8x32_epi32(_mm256_loadu_si256(vp.add(v) as *const __m256i), lanes);
            _mm256_storeu_si256(op.add(i) as *mut __m256i, _mm256_and_si256(spread, eq));
            v += m.count_ones() as usize;
        } else {
            for half in 0..2 {
                let hm = (m >> (4 * half)) & 15;
                let keep = _mm256_cvtepi32_epi64(if half == 0 { _mm256_castsi256_si128(eq) } else { _mm256_extracti128_si256::<1>(eq) });
                let lanes = _mm256_loadu_si256(EXPAND_2[hm].as_ptr() as *const __m256i);
                let spread = _mm256_permutevar8x32_epi32(_mm256_loadu_si256(vp.add(2 * v) as *const __m256i), lanes);
                _mm256_storeu_si256(op.add(2 * (i + 4 * half)) as *mut __m256i, _mm256_and_si256(spread, keep));
                v += hm.count_ones() as usize;
                if half == 0 && 2 * v + 8 > values.len() {
                    // The second half's values may run past the end: the scalar loop takes them.
                    return scatter_half_rest(levels, max, values, out, bitmap, i, v);
                }
            }
        }
        i += 8;
    }
    scatter_from(levels, max, values, words, out, bitmap, i, v)
}

/// Two-word values whose second half-step (slots i + 4 .. i + 8) could not load eight words: those
/// four slots one by one (the bitmap byte for them is already written), then the scalar loop.
#[cfg(target_arch = "x86_64")]
fn scatter_half_rest(levels: &[i32], max: i32, values: &[u32], out: &mut [u32], bitmap: &mut [u8], i: usize, mut v: usize) -> usize {
    let last = values.len() / 2 - 1; // at least one value was placed in the first half-step or remains
    for s in i + 4..i + 8 {
        let valid = usize::from(levels[s] == max);
        let mask = 0u32.wrapping_sub(valid as u32);
        let from = v.min(last) * 2;
        out[2 * s] = values[from] & mask;
        out[2 * s + 1] = values[from + 1] & mask;
        v += valid;
    }
    scatter_from(levels, max, values, 2, out, bitmap, i + 8, v)
}
