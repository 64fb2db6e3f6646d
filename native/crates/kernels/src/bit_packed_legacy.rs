//! The deprecated BIT_PACKED level encoding (Encodings.md, "Bit-packed (Deprecated)"): no header,
//! values packed from the most significant bit of each byte down. Only old files use it, so a
//! simple per-value loop is enough.

use crate::error::{KernelError, Result};

/// Decodes `out.len()` values and returns the bytes consumed, `ceil(count * bit_width / 8)`.
pub fn decode_bit_packed(input: &[u8], bit_width: u32, out: &mut [u32]) -> Result<usize> {
    if bit_width > 32 {
        return Err(KernelError::invalid(format!("bit width {bit_width} is over 32")));
    }
    let w = bit_width as usize;
    let total = (out.len() * w).div_ceil(8);
    if total > input.len() {
        return Err(KernelError::truncated(
            0,
            format!("{} BIT_PACKED values of {w} bits need {total} bytes but {} remain", out.len(), input.len()),
        ));
    }
    let mask: u64 = (1u64 << w) - 1;
    let mut acc: u64 = 0;
    let mut bits = 0usize;
    let mut p = 0usize;
    for slot in out.iter_mut() {
        while bits < w {
            acc = (acc << 8) | u64::from(input[p]);
            p += 1;
            bits += 8;
        }
        bits -= w;
        *slot = ((acc >> bits) & mask) as u32;
        acc &= (1u64 << bits) - 1;
    }
    Ok(total)
}

pub fn encode_bit_packed(values: &[u32], bit_width: u32) -> Result<Vec<u8>> {
    if bit_width > 32 {
        return Err(KernelError::invalid(format!("bit width {bit_width} is over 32")));
    }
    let w = bit_width as usize;
    let mut out = Vec::with_capacity((values.len() * w).div_ceil(8));
    let mut acc: u64 = 0;
    let mut bits = 0usize;
    for (i, &v) in values.iter().enumerate() {
        if w < 32 && v >> w != 0 {
            return Err(KernelError::invalid(format!("value {} at index {i} does not fit in {w} bits", v as i32)));
        }
        acc = (acc << w) | u64::from(v);
        bits += w;
        while bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
        acc &= (1u64 << bits) - 1;
    }
    if bits > 0 {
        out.push((acc << (8 - bits)) as u8);
    }
    Ok(out)
}
