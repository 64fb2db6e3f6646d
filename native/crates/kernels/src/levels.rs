//! Definition levels turned into what Arrow wants for a column without repetition: the count of
//! values (levels at the maximum), and the values spread over every slot with a validity bitmap.
//! One pass each, in place of the reader's per-slot loops in JavaScript.

use crate::error::{KernelError, Result};
#[cfg(target_arch = "x86_64")]
use crate::simd::{simd_level, SimdLevel};

#[inline(always)]
fn summary(levels: &[i32], max: i32) -> (i32, i32, usize) {
    // Branch-free: min, max and the count at `max`, which the compiler vectorises.
    levels.iter().fold((i32::MAX, i32::MIN, 0usize), |(lo, hi, n), &l| (lo.min(l), hi.max(l), n + usize::from(l == max)))
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn summary_avx2(levels: &[i32], max: i32) -> (i32, i32, usize) {
    summary(levels, max)
}

/// How many levels equal `max`; CORRUPT naming the first level outside `0..=max`.
pub fn count_at_max(levels: &[i32], max: i32, what: &str) -> Result<usize> {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: AVX2 was detected.
    let (lo, hi, n) = if simd_level() == SimdLevel::Avx2 { unsafe { summary_avx2(levels, max) } } else { summary(levels, max) };
    #[cfg(not(target_arch = "x86_64"))]
    let (lo, hi, n) = summary(levels, max);
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

/// Spreads `values` (`words` 32-bit words each, one per level at `max`) over one slot per level
/// into `out` (`levels.len() * words` words, zero where the level is below `max`), and sets bit i of
/// `bitmap` (at least `ceil(levels / 8)` bytes, overwritten) where slot i holds a value.
/// Returns how many values were placed; INVALID_ARGUMENT when `values` holds fewer than the levels
/// at `max` or an output is short.
pub fn scatter_by_levels(levels: &[i32], max: i32, values: &[u32], words: usize, out: &mut [u32], bitmap: &mut [u8]) -> Result<usize> {
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
    let mut v = 0;
    for (chunk, byte) in levels.chunks(8).zip(bitmap.iter_mut()) {
        let mut bits = 0u8;
        for (j, &l) in chunk.iter().enumerate() {
            if l == max {
                bits |= 1 << j;
            }
        }
        *byte = bits;
    }
    if words == 1 {
        for (i, &l) in levels.iter().enumerate() {
            if l == max {
                out[i] = values[v];
                v += 1;
            } else {
                out[i] = 0;
            }
        }
    } else {
        for (i, &l) in levels.iter().enumerate() {
            if l == max {
                out[2 * i] = values[2 * v];
                out[2 * i + 1] = values[2 * v + 1];
                v += 1;
            } else {
                out[2 * i] = 0;
                out[2 * i + 1] = 0;
            }
        }
    }
    Ok(v)
}
