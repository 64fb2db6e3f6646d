//! Dictionary decoding (Encodings.md "Dictionary Encoding"): indices turned into values by a gather.
//! Indices are checked by a vectorised min/max (of the whole page, or of each 2,048 for the
//! word-sized gathers) before the gather runs unchecked.
//! The gather itself is a scalar loop: on the AMD EPYC this was measured on, AVX2's hardware gathers
//! ran 1.4x slower than it for 8-byte values and 1.15x for 4-byte ones (and Intel's microcode for
//! the 2023 gather data-sampling flaw makes them slower still there).

use crate::error::{KernelError, Result};
#[cfg(target_arch = "x86_64")]
use crate::simd::{simd_level, SimdLevel};

#[inline(always)]
fn index_range(indices: &[i32]) -> (i32, i32) {
    indices.iter().fold((i32::MAX, i32::MIN), |(lo, hi), &v| (lo.min(v), hi.max(v)))
}

/// The same loop compiled for AVX2, where min/max of eight lanes is one instruction (the baseline
/// target has no 32-bit min/max before SSE4.1, so its loop runs about 6x slower).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn index_range_avx2(indices: &[i32]) -> (i32, i32) {
    index_range(indices)
}

fn check_indices(indices: &[i32], size: usize) -> Result<()> {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: AVX2 was detected.
    let (min, max) = if simd_level() == SimdLevel::Avx2 { unsafe { index_range_avx2(indices) } } else { index_range(indices) };
    #[cfg(not(target_arch = "x86_64"))]
    let (min, max) = index_range(indices);
    if !indices.is_empty() && (min < 0 || max as usize >= size) {
        return Err(bad_index(indices, 0, size));
    }
    Ok(())
}

/// CORRUPT naming the first index from `from` on that lies outside a dictionary of `size` values.
fn bad_index(indices: &[i32], from: usize, size: usize) -> KernelError {
    let at = indices[from..].iter().position(|&v| v < 0 || v as usize >= size).map_or(from, |p| from + p);
    KernelError::new(
        crate::ErrorCode::Corrupt,
        None,
        format!("dictionary index {} at position {at} is outside a dictionary of {size} values", indices[at]),
    )
}

/// The word-sized values the gathers move (4 and 8 bytes), each with its own unchecked loop.
pub trait GatherWord: Copy {
    /// `out[k] = dict[indices[k]]` for every k.
    ///
    /// # Safety
    /// Every index is in `0..dict.len()` and `out` is as long as `indices`.
    unsafe fn gather_unchecked(dict: &[Self], indices: &[i32], out: &mut [Self]);
}

/// Two indices from one 8-byte load, the first in the low half on a little-endian machine.
#[inline(always)]
unsafe fn index_pair(indices: &[i32], pair: usize) -> (usize, usize) {
    let w = indices.as_ptr().cast::<u64>().add(pair).read_unaligned();
    let (first, second) = if cfg!(target_endian = "little") { (w as u32, (w >> 32) as u32) } else { ((w >> 32) as u32, w as u32) };
    (first as usize, second as usize)
}

/// The scalar loop spends one index load, one value load and one store a value, and loads and
/// stores are what bound it; two indices a load (and, for 4-byte values, two values a store)
/// take a third of them away: 1.1x for 4-byte values, 1.2x for 8-byte ones (medians of 8 runs
/// of 100k and 1M indices into 1,000 values, a Rust harness on an Intel Xeon at 2.5 GHz).
impl GatherWord for u32 {
    #[inline(always)]
    unsafe fn gather_unchecked(dict: &[u32], indices: &[i32], out: &mut [u32]) {
        let out_pairs = out.as_mut_ptr().cast::<u64>();
        for pair in 0..indices.len() / 2 {
            let (a, b) = index_pair(indices, pair);
            let (a, b) = (u64::from(*dict.get_unchecked(a)), u64::from(*dict.get_unchecked(b)));
            let both = if cfg!(target_endian = "little") { a | b << 32 } else { a << 32 | b };
            out_pairs.add(pair).write_unaligned(both);
        }
        gather_last_odd(dict, indices, out);
    }
}

impl GatherWord for u64 {
    #[inline(always)]
    unsafe fn gather_unchecked(dict: &[u64], indices: &[i32], out: &mut [u64]) {
        for pair in 0..indices.len() / 2 {
            let (a, b) = index_pair(indices, pair);
            #[cfg(target_arch = "x86_64")]
            {
                // Both values into one 16-byte register, one store (SSE2, every x86-64 has it).
                use std::arch::x86_64::{_mm_castpd_si128, _mm_castsi128_pd, _mm_loadh_pd, _mm_loadl_epi64, _mm_storeu_si128};
                let low = _mm_loadl_epi64(dict.as_ptr().add(a).cast());
                let both = _mm_castpd_si128(_mm_loadh_pd(_mm_castsi128_pd(low), dict.as_ptr().add(b).cast()));
                _mm_storeu_si128(out.as_mut_ptr().add(2 * pair).cast(), both);
            }
            #[cfg(not(target_arch = "x86_64"))]
            {
                *out.get_unchecked_mut(2 * pair) = *dict.get_unchecked(a);
                *out.get_unchecked_mut(2 * pair + 1) = *dict.get_unchecked(b);
            }
        }
        gather_last_odd(dict, indices, out);
    }
}

/// The value an odd count leaves after the pairs.
#[inline(always)]
unsafe fn gather_last_odd<T: Copy>(dict: &[T], indices: &[i32], out: &mut [T]) {
    if indices.len() % 2 == 1 {
        let last = indices.len() - 1;
        *out.get_unchecked_mut(last) = *dict.get_unchecked(*indices.get_unchecked(last) as usize);
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
    gather_checked_words(dict, indices, out)
}

/// As `gather_fixed_width` for 8-byte values viewed as words.
pub fn gather_u64(dict: &[u64], indices: &[i32], out: &mut [u64]) -> Result<()> {
    gather_checked_words(dict, indices, out)
}

/// Indices per check-then-gather step: the gather reads them again from L1, not from memory.
const GATHER_CHUNK: usize = 2048;

fn gather_checked_words<T: GatherWord>(dict: &[T], indices: &[i32], out: &mut [T]) -> Result<()> {
    if out.len() != indices.len() {
        return Err(KernelError::invalid("output length differs from the index count"));
    }
    #[cfg(target_arch = "x86_64")]
    if simd_level() == SimdLevel::Avx2 {
        // SAFETY: AVX2 was detected.
        return unsafe { gather_chunks_avx2(dict, indices, out) };
    }
    gather_chunks(dict, indices, out)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn gather_chunks_avx2<T: GatherWord>(dict: &[T], indices: &[i32], out: &mut [T]) -> Result<()> {
    gather_chunks(dict, indices, out)
}

#[inline(always)]
fn gather_chunks<T: GatherWord>(dict: &[T], indices: &[i32], out: &mut [T]) -> Result<()> {
    for (chunk, (ic, oc)) in indices.chunks(GATHER_CHUNK).zip(out.chunks_mut(GATHER_CHUNK)).enumerate() {
        let (min, max) = index_range(ic);
        if min < 0 || max as usize >= dict.len() {
            return Err(bad_index(indices, chunk * GATHER_CHUNK, dict.len()));
        }
        // SAFETY: every index of the chunk was just checked; the chunks have equal lengths.
        unsafe { T::gather_unchecked(dict, ic, oc) };
    }
    Ok(())
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

/// A dictionary-encoded data page's values in one call: the bit-width byte, the RLE/bit-packed
/// hybrid indices (into a buffer of this call's own, not one the host allocates and collects),
/// then the gather from `dict` into `out` (one value per index, the page's value count). Errors
/// name offsets in `bytes` and index positions in the page; values before a bad index may already
/// be written.
pub fn decode_gather<T: GatherWord>(bytes: &[u8], dict: &[T], out: &mut [T]) -> Result<()> {
    if out.is_empty() {
        return Ok(());
    }
    let Some((&bit_width, runs)) = bytes.split_first() else {
        return Err(KernelError::truncated(0, "dictionary indices without their bit-width byte"));
    };
    if bit_width > 32 {
        return Err(KernelError::corrupt(0, format!("dictionary index bit width {bit_width} is over 32")));
    }
    if out.len() > MAX_KEPT_INDICES {
        return decode_gather_into(runs, bit_width, dict, &mut vec![0u32; out.len()], out);
    }
    // One index buffer per thread, reused page after page (the decoder overwrites what it uses): a
    // fresh zeroed one per page cost a pass over memory and, past the allocator's mmap threshold,
    // page faults.
    INDICES.with(|cell| {
        let mut indices = cell.borrow_mut();
        if indices.len() < out.len() {
            indices.resize(out.len(), 0);
        }
        decode_gather_into(runs, bit_width, dict, &mut indices[..out.len()], out)
    })
}

/// Pages of more values than this decode their indices into a buffer of their own (what a thread
/// keeps between pages: 4 MiB).
const MAX_KEPT_INDICES: usize = 1 << 20;

fn decode_gather_into<T: GatherWord>(runs: &[u8], bit_width: u8, dict: &[T], indices: &mut [u32], out: &mut [T]) -> Result<()> {
    // Offsets within the runs, after the bit-width byte.
    crate::decode_rle_hybrid(runs, u32::from(bit_width), indices).map_err(|e| KernelError { offset: e.offset.map(|o| o + 1), ..e })?;
    // SAFETY: u32 and i32 share layout; an index of 2^31 or more reads negative and is refused.
    let indices: &[i32] = unsafe { std::slice::from_raw_parts(indices.as_ptr().cast::<i32>(), indices.len()) };
    gather_checked_words(dict, indices, out)
}

thread_local! {
    static INDICES: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
}
