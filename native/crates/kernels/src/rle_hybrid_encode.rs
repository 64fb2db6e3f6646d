//! Encoder for the RLE/bit-packing hybrid. The whole input is known, so runs are chosen by a
//! single scan: a stretch of equal values long enough to be worth an RLE run becomes one; the rest
//! goes into long bit-packed runs. Short RLE runs compress a little better but make every reader
//! switch run kinds often, which costs more than it saves; hence `MIN_RLE_RUN`.
//! The TypeScript encoder implements the same choices, so both produce identical bytes.

use crate::bitpack::packer_at;
use crate::simd::{simd_level, SimdLevel};
use crate::error::{KernelError, Result};
use crate::varint::write_uleb32;

/// The shortest stretch of equal values written as an RLE run (after aligning the bit-packed run
/// before it to a multiple of 8 values).
pub const MIN_RLE_RUN: usize = 16;
/// The longest bit-packed run, in groups of 8 values: long enough that headers cost nothing,
/// short enough that a reader buffering one run stays small.
pub const MAX_BIT_PACKED_GROUPS: usize = 8192;

/// Encodes `values` (each must fit in `bit_width` bits) as the hybrid; with `length_prefixed`,
/// the 4-byte little-endian length of data page v1 levels comes first.
pub fn encode_rle_hybrid(values: &[u32], bit_width: u32, length_prefixed: bool) -> Result<Vec<u8>> {
    encode_rle_hybrid_at(simd_level(), values, bit_width, length_prefixed)
}

/// As `encode_rle_hybrid`, with the kernels of a given SIMD level (tests compare levels).
pub fn encode_rle_hybrid_at(level: SimdLevel, values: &[u32], bit_width: u32, length_prefixed: bool) -> Result<Vec<u8>> {
    if bit_width > 32 {
        return Err(KernelError::invalid(format!("bit width {bit_width} is over 32")));
    }
    let w = bit_width as usize;
    if w < 32 {
        if let Some(i) = values.iter().position(|&v| v >> w != 0) {
            return Err(KernelError::invalid(format!(
                "value {} at index {i} does not fit in {w} bits",
                values[i] as i32
            )));
        }
    }
    let n = values.len();
    let mut out = Vec::with_capacity(encoded_size_bound(n, w) + 4);
    if length_prefixed {
        out.extend_from_slice(&[0; 4]);
    }
    let pack = packer_at(level, w);
    let value_bytes = w.div_ceil(8);
    let mut bp_start = 0usize;
    let mut from = 0usize;
    while let Some((s, e)) = next_long_stretch(values, from) {
        // The bit-packed run before must hold a multiple of 8 values: lend it the first values
        // of this stretch.
        let lend = (8 - (s - bp_start) % 8) % 8;
        if e - s - lend >= MIN_RLE_RUN {
            write_bit_packed(&mut out, &values[bp_start..s + lend], w, pack);
            write_uleb32(&mut out, ((e - s - lend) as u32) << 1);
            out.extend_from_slice(&values[s].to_le_bytes()[..value_bytes]);
            bp_start = e;
        }
        from = e;
    }
    // The last bit-packed run is padded with zero values to a whole group.
    write_bit_packed(&mut out, &values[bp_start..n], w, pack);
    if length_prefixed {
        let len = u32::try_from(out.len() - 4)
            .map_err(|_| KernelError::new(crate::ErrorCode::Limit, None, "encoded levels exceed 4 GiB"))?;
        out[..4].copy_from_slice(&len.to_le_bytes());
    }
    Ok(out)
}

/// The next maximal stretch `[s, e)` of at least `MIN_RLE_RUN` equal values with `s >= from`
/// (`from` is 0 or the end of a maximal stretch). Such a stretch covers a whole aligned block of 8,
/// so only blocks whose 8 values are all equal are looked at closely: random data costs about one
/// comparison per 8 values. Finds exactly the stretches a value-by-value scan would.
fn next_long_stretch(values: &[u32], from: usize) -> Option<(usize, usize)> {
    let n = values.len();
    let mut block = from.div_ceil(8) * 8;
    while block + 8 <= n {
        let v = values[block];
        if values[block + 1..block + 8].iter().all(|&x| x == v) {
            let mut s = block;
            while s > from && values[s - 1] == v {
                s -= 1;
            }
            let mut e = block + 8;
            while e < n && values[e] == v {
                e += 1;
            }
            if e - s >= MIN_RLE_RUN {
                return Some((s, e));
            }
            block = e.div_ceil(8) * 8;
        } else {
            block += 8;
        }
    }
    None
}

/// Bit-packed runs of at most `MAX_BIT_PACKED_GROUPS` groups for `values` (empty writes nothing).
fn write_bit_packed(out: &mut Vec<u8>, values: &[u32], w: usize, pack: crate::bitpack::PackFn) {
    for chunk in values.chunks(MAX_BIT_PACKED_GROUPS * 8) {
        let groups = chunk.len().div_ceil(8);
        write_uleb32(out, ((groups as u32) << 1) | 1);
        let start = out.len();
        // Whole groups of bytes: a final partial group is padded with zero bits.
        out.resize(start + groups * w, 0);
        pack(chunk, &mut out[start..]);
    }
}

/// Upper bound on the encoded size of `n` values of width `w`: everything bit-packed plus, at
/// worst, an RLE run (5-byte header + 4-byte value) for every `MIN_RLE_RUN` values.
pub fn encoded_size_bound(n: usize, w: usize) -> usize {
    n.div_ceil(8) * w + (n / MIN_RLE_RUN + 2) * 9 + (n / (MAX_BIT_PACKED_GROUPS * 8) + 2) * 5
}
