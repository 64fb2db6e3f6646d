//! PLAIN (Encodings.md "Plain") where a kernel pays: bit-packed BOOLEANs and length-prefixed
//! BYTE_ARRAYs. Fixed-width types are the values' little-endian bytes: the TypeScript side views
//! or copies them without a kernel.

use crate::error::{KernelError, Result};

/// Each input byte's 8 bits as 8 output bytes of 0/1, LSB first: one table lookup per 8 values.
const EXPAND: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        let mut v = 0u64;
        let mut k = 0;
        while k < 8 {
            v |= (((b >> k) & 1) as u64) << (8 * k);
            k += 1;
        }
        t[b] = v;
        b += 1;
    }
    t
};

/// Unpacks `out.len()` booleans starting at bit `bit_offset` of `input`; returns the bytes that
/// hold them (from the start of `input`).
pub fn decode_plain_booleans(input: &[u8], bit_offset: usize, out: &mut [u8]) -> Result<usize> {
    let count = out.len();
    let end_bit = bit_offset + count;
    let needed = end_bit.div_ceil(8);
    if needed > input.len() {
        return Err(KernelError::truncated(
            0,
            format!("{count} BOOLEAN values need {needed} bytes but {} remain", input.len()),
        ));
    }
    let mut i = 0;
    // Head: bits before the next byte boundary.
    while i < count && (bit_offset + i) % 8 != 0 {
        let bit = bit_offset + i;
        out[i] = (input[bit / 8] >> (bit % 8)) & 1;
        i += 1;
    }
    // Whole bytes: 8 values per lookup.
    let mut byte = (bit_offset + i) / 8;
    while count - i >= 8 {
        out[i..i + 8].copy_from_slice(&EXPAND[input[byte] as usize].to_le_bytes());
        i += 8;
        byte += 1;
    }
    while i < count {
        let bit = bit_offset + i;
        out[i] = (input[bit / 8] >> (bit % 8)) & 1;
        i += 1;
    }
    Ok(needed)
}

/// Packs 0/1 bytes LSB first, the last byte padded with zero bits.
pub fn encode_plain_booleans(values: &[u8]) -> Result<Vec<u8>> {
    if let Some(i) = values.iter().position(|&v| v > 1) {
        return Err(KernelError::invalid(format!("BOOLEAN value {} at index {i} is not 0 or 1", values[i])));
    }
    let mut out = vec![0u8; values.len().div_ceil(8)];
    for (chunk, byte) in values.chunks(8).zip(out.iter_mut()) {
        *byte = chunk.iter().enumerate().fold(0u8, |acc, (k, &v)| acc | (v << k));
    }
    Ok(out)
}

/// Scans `offsets.len() - 1` length-prefixed values: fills `offsets` with where each value's bytes
/// will start once copied out (offsets[0] = 0), checking every length against what remains.
/// Returns the input bytes the values span.
pub fn scan_plain_byte_arrays(input: &[u8], offsets: &mut [i32]) -> Result<usize> {
    if offsets.is_empty() {
        return Err(KernelError::invalid("offsets must hold count + 1 entries"));
    }
    let count = offsets.len() - 1;
    let mut pos = 0usize;
    let mut total = 0usize;
    offsets[0] = 0;
    for i in 0..count {
        let Some(prefix) = input.get(pos..pos + 4) else {
            return Err(KernelError::truncated(pos, format!("BYTE_ARRAY value {i} of {count}: length prefix cut off")));
        };
        let len = u32::from_le_bytes([prefix[0], prefix[1], prefix[2], prefix[3]]) as usize;
        pos += 4;
        if len > input.len() - pos {
            let code = if len > i32::MAX as usize { KernelError::corrupt } else { KernelError::truncated };
            return Err(code(pos - 4, format!("BYTE_ARRAY value {i} of {len} bytes but {} remain", input.len() - pos)));
        }
        pos += len;
        total += len;
        offsets[i + 1] = i32::try_from(total)
            .map_err(|_| KernelError::new(crate::ErrorCode::Limit, Some(pos), "BYTE_ARRAY values exceed 2 GiB in one batch"))?;
    }
    Ok(pos)
}

/// Copies the bytes of the values scanned by `scan_plain_byte_arrays` into `out` (offsets[count] bytes).
pub fn gather_plain_byte_arrays(input: &[u8], offsets: &[i32], out: &mut [u8]) -> Result<()> {
    let count = offsets.len().saturating_sub(1);
    if out.len() != *offsets.last().unwrap_or(&0) as usize {
        return Err(KernelError::invalid("output size differs from the scanned total"));
    }
    // The values cover the output from its first byte: every byte is written (it may not be zeroed).
    if offsets.first().is_some_and(|&o| o != 0) {
        return Err(KernelError::invalid("offsets do not start at 0"));
    }
    let mut pos = 0usize;
    for i in 0..count {
        let (start, end) = (offsets[i], offsets[i + 1]);
        if start < 0 || end < start {
            return Err(KernelError::invalid(format!("offsets[{i}..{}] = {start}..{end} are not a range", i + 1)));
        }
        let (dst, len) = (start as usize, (end - start) as usize);
        pos += 4;
        // 16 bytes a move, past the value's end where both sides have room: the bytes past it are
        // the next value's (or prefix's) in the input, and in the output they are written over by
        // the values after it; one call to memcpy per value cost more than the copy (ids, codes).
        let padded = len.next_multiple_of(16);
        if padded <= input.len().saturating_sub(pos) && padded <= out.len().saturating_sub(dst) {
            for k in (0..padded).step_by(16) {
                out[dst + k..dst + k + 16].copy_from_slice(&input[pos + k..pos + k + 16]);
            }
        } else {
            let (Some(from), Some(to)) = (input.get(pos..pos + len), out.get_mut(dst..dst + len)) else {
                return Err(KernelError::invalid(format!("value {i} lies outside the input or the output")));
            };
            to.copy_from_slice(from);
        }
        pos += len;
    }
    Ok(())
}

/// Length-prefixed values from an (offsets, bytes) pair.
pub fn encode_plain_byte_arrays(offsets: &[i32], bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = vec![0u8; plain_byte_arrays_size(offsets, bytes)?];
    encode_plain_byte_arrays_into(offsets, bytes, &mut out)?;
    Ok(out)
}

/// The size of the length-prefixed encoding, with every offset checked against `bytes`.
fn plain_byte_arrays_size(offsets: &[i32], bytes: &[u8]) -> Result<usize> {
    if offsets.is_empty() {
        return Err(KernelError::invalid("offsets must hold count + 1 entries"));
    }
    let count = offsets.len() - 1;
    let mut size = 0usize;
    for i in 0..count {
        let (a, b) = (offsets[i], offsets[i + 1]);
        if a < 0 || b < a || b as usize > bytes.len() {
            return Err(KernelError::invalid(format!("offsets[{i}..{}] = {a}..{b} do not lie within {} bytes", i + 1, bytes.len())));
        }
        size += 4 + (b - a) as usize;
    }
    Ok(size)
}

/// The length-prefixed values written at the start of `out` (a buffer reused across pages);
/// returns the bytes written. INVALID_ARGUMENT when `out` is too small.
pub fn encode_plain_byte_arrays_into(offsets: &[i32], bytes: &[u8], out: &mut [u8]) -> Result<usize> {
    let size = plain_byte_arrays_size(offsets, bytes)?;
    if out.len() < size {
        return Err(KernelError::invalid(format!("the output holds {} bytes; the values take {size}", out.len())));
    }
    let mut pos = 0usize;
    for i in 0..offsets.len() - 1 {
        let (a, b) = (offsets[i] as usize, offsets[i + 1] as usize);
        out[pos..pos + 4].copy_from_slice(&((b - a) as u32).to_le_bytes());
        out[pos + 4..pos + 4 + (b - a)].copy_from_slice(&bytes[a..b]);
        pos += 4 + (b - a);
    }
    Ok(size)
}
