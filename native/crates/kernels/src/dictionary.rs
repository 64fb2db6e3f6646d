//! Dictionary decoding (Encodings.md "Dictionary Encoding"): indices turned into values by a gather.
//! Indices are checked in one pass (a vectorised min/max) before the gather runs unchecked.

use crate::error::{KernelError, Result};
#[cfg(target_arch = "x86_64")]
use crate::simd::{simd_level, SimdLevel};

fn check_indices(indices: &[i32], size: usize) -> Result<()> {
    let (min, max) = indices.iter().fold((i32::MAX, i32::MIN), |(lo, hi), &v| (lo.min(v), hi.max(v)));
    if !indices.is_empty() && (min < 0 || max as usize >= size) {
        let at = indices.iter().position(|&v| v < 0 || v as usize >= size).unwrap_or(0);
        return Err(KernelError::new(
            crate::ErrorCode::Corrupt,
            None,
            format!("dictionary index {} at position {at} is outside a dictionary of {size} values", indices[at]),
        ));
    }
    Ok(())
}

#[inline(always)]
fn gather_words<T: Copy>(dict: &[T], indices: &[i32], out: &mut [T]) {
    for (o, &i) in out.iter_mut().zip(indices) {
        // SAFETY: check_indices proved 0 <= i < dict.len().
        *o = unsafe { *dict.get_unchecked(i as usize) };
    }
}

/// Fixed-width values: `dict` holds `dict.len() / width` values, `out` receives
/// `indices.len() * width` bytes.
pub fn gather_fixed_width(dict: &[u8], width: usize, indices: &[i32], out: &mut [u8]) -> Result<()> {
    if width == 0 || dict.len() % width != 0 {
        return Err(KernelError::invalid(format!("dictionary of {} bytes is not whole {width}-byte values", dict.len())));
    }
    if out.len() != indices.len() * width {
        return Err(KernelError::invalid(format!("output holds {} bytes, {} are needed", out.len(), indices.len() * width)));
    }
    let size = dict.len() / width;
    check_indices(indices, size)?;
    for (o, &i) in out.chunks_exact_mut(width).zip(indices) {
        let i = i as usize;
        o.copy_from_slice(&dict[i * width..(i + 1) * width]);
    }
    Ok(())
}

/// As `gather_fixed_width` for 4-byte values already viewed as words (no byte shuffling).
pub fn gather_u32(dict: &[u32], indices: &[i32], out: &mut [u32]) -> Result<()> {
    if out.len() != indices.len() {
        return Err(KernelError::invalid("output length differs from the index count"));
    }
    check_indices(indices, dict.len())?;
    #[cfg(target_arch = "x86_64")]
    if simd_level() == SimdLevel::Avx2 {
        // SAFETY: AVX2 was detected; every index was checked above.
        unsafe { avx2::gather_u32(dict, indices, out) };
        return Ok(());
    }
    gather_words(dict, indices, out);
    Ok(())
}

/// As `gather_fixed_width` for 8-byte values viewed as words.
pub fn gather_u64(dict: &[u64], indices: &[i32], out: &mut [u64]) -> Result<()> {
    if out.len() != indices.len() {
        return Err(KernelError::invalid("output length differs from the index count"));
    }
    check_indices(indices, dict.len())?;
    #[cfg(target_arch = "x86_64")]
    if simd_level() == SimdLevel::Avx2 {
        // SAFETY: as above.
        unsafe { avx2::gather_u64(dict, indices, out) };
        return Ok(());
    }
    gather_words(dict, indices, out);
    Ok(())
}

/// AVX2 hardware gathers: 8 four-byte or 4 eight-byte values per instruction.
#[cfg(target_arch = "x86_64")]
mod avx2 {
    use core::arch::x86_64::*;

    /// # Safety
    /// AVX2 must be available and every index in `0..dict.len()`.
    #[target_feature(enable = "avx2")]
    pub unsafe fn gather_u32(dict: &[u32], indices: &[i32], out: &mut [u32]) {
        let n = indices.len();
        let base = dict.as_ptr() as *const i32;
        let mut k = 0;
        while k + 8 <= n {
            let idx = _mm256_loadu_si256(indices.as_ptr().add(k) as *const __m256i);
            let v = _mm256_i32gather_epi32::<4>(base, idx);
            _mm256_storeu_si256(out.as_mut_ptr().add(k) as *mut __m256i, v);
            k += 8;
        }
        for j in k..n {
            out[j] = *dict.get_unchecked(indices[j] as usize);
        }
    }

    /// # Safety
    /// As `gather_u32`.
    #[target_feature(enable = "avx2")]
    pub unsafe fn gather_u64(dict: &[u64], indices: &[i32], out: &mut [u64]) {
        let n = indices.len();
        let base = dict.as_ptr() as *const i64;
        let mut k = 0;
        while k + 4 <= n {
            let idx = _mm_loadu_si128(indices.as_ptr().add(k) as *const __m128i);
            let v = _mm256_i32gather_epi64::<8>(base, idx);
            _mm256_storeu_si256(out.as_mut_ptr().add(k) as *mut __m256i, v);
            k += 4;
        }
        for j in k..n {
            out[j] = *dict.get_unchecked(indices[j] as usize);
        }
    }
}

fn check_dictionary_offsets(dict_offsets: &[i32], dict_len: usize) -> Result<usize> {
    let size = dict_offsets.len().saturating_sub(1);
    for i in 0..size {
        let (a, b) = (dict_offsets[i], dict_offsets[i + 1]);
        if a < 0 || b < a || b as usize > dict_len {
            return Err(KernelError::invalid(format!("dictionary offsets[{i}..{}] = {a}..{b} are not within its bytes", i + 1)));
        }
    }
    Ok(size)
}

/// Byte-array values, first pass: fills `out_offsets` (indices.len() + 1, from 0) from the
/// selected lengths and returns the bytes they take, so the caller can allocate the output.
pub fn gather_byte_array_offsets(dict_offsets: &[i32], dict_len: usize, indices: &[i32], out_offsets: &mut [i32]) -> Result<usize> {
    if out_offsets.len() != indices.len() + 1 {
        return Err(KernelError::invalid("output offsets must hold count + 1 entries"));
    }
    let size = check_dictionary_offsets(dict_offsets, dict_len)?;
    check_indices(indices, size)?;
    let mut total = 0usize;
    out_offsets[0] = 0;
    for (k, &i) in indices.iter().enumerate() {
        let i = i as usize;
        total += (dict_offsets[i + 1] - dict_offsets[i]) as usize;
        out_offsets[k + 1] = i32::try_from(total)
            .map_err(|_| KernelError::new(crate::ErrorCode::Limit, None, "gathered values exceed 2 GiB in one batch"))?;
    }
    Ok(total)
}

/// Second pass: copies the selected values into `out` (exactly the first pass's total). Checks
/// everything again, as it goes: the arrays cross the boundary twice and JS may have changed them
/// between, so no index, offset or output position is trusted.
pub fn gather_byte_array_bytes(dict_offsets: &[i32], dict_bytes: &[u8], indices: &[i32], out: &mut [u8]) -> Result<()> {
    let size = check_dictionary_offsets(dict_offsets, dict_bytes.len())?;
    let mut pos = 0;
    for (at, &i) in indices.iter().enumerate() {
        if i < 0 || i as usize >= size {
            return Err(KernelError::new(crate::ErrorCode::Corrupt, None, format!("dictionary index {i} at position {at} is outside a dictionary of {size} values")));
        }
        let (a, b) = (dict_offsets[i as usize] as usize, dict_offsets[i as usize + 1] as usize);
        let len = b - a;
        if pos + 16 <= out.len() && a + 16 <= dict_bytes.len() && len <= 16 {
            // Short values (most ids and codes) as one 16-byte copy; the bytes past `len` are
            // written over by the next value, or by the last ones, which take the exact path.
            out[pos..pos + 16].copy_from_slice(&dict_bytes[a..a + 16]);
        } else {
            if pos + len > out.len() {
                return Err(KernelError::invalid(format!("output holds {} bytes, fewer than the values need", out.len())));
            }
            out[pos..pos + len].copy_from_slice(&dict_bytes[a..b]);
        }
        pos += len;
    }
    if pos != out.len() {
        return Err(KernelError::invalid(format!("output holds {} bytes, the values {pos}", out.len())));
    }
    Ok(())
}

/// Byte-array values in one call: fills `out_offsets` and returns the gathered bytes.
pub fn gather_byte_arrays(dict_offsets: &[i32], dict_bytes: &[u8], indices: &[i32], out_offsets: &mut [i32]) -> Result<Vec<u8>> {
    let total = gather_byte_array_offsets(dict_offsets, dict_bytes.len(), indices, out_offsets)?;
    let mut out = vec![0u8; total];
    gather_byte_array_bytes(dict_offsets, dict_bytes, indices, &mut out)?;
    Ok(out)
}
