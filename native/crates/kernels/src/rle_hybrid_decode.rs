//! Decoder for the RLE/bit-packing hybrid (Encodings.md, "Run Length Encoding / Bit-Packing
//! Hybrid"): a sequence of runs, each a ULEB128 header whose low bit says bit-packed (1) or RLE (0).

use crate::bitpack::unpacker_at;
use crate::simd::{simd_level, SimdLevel};
use crate::error::{KernelError, Result};
use crate::varint::read_uleb32;

/// Decodes exactly `out.len()` values of `bit_width` bits and returns the bytes consumed.
///
/// The last run may reach past `out.len()` values, as Arrow C++ reads it (writers pad bit-packed runs
/// to whole groups; DuckDB writes runs of 256 levels past a page's count): values past the count are
/// ignored and a bit-packed run's bytes past them may be missing. A run that needs more bytes than
/// remain for the values taken is `TRUNCATED`.
pub fn decode_rle_hybrid(input: &[u8], bit_width: u32, out: &mut [u32]) -> Result<usize> {
    decode_rle_hybrid_at(simd_level(), input, bit_width, out)
}

/// As `decode_rle_hybrid`, with the kernels of a given SIMD level (tests compare levels).
pub fn decode_rle_hybrid_at(level: SimdLevel, input: &[u8], bit_width: u32, out: &mut [u32]) -> Result<usize> {
    if bit_width > 32 {
        return Err(KernelError::invalid(format!("bit width {bit_width} is over 32")));
    }
    let w = bit_width as usize;
    let value_bytes = w.div_ceil(8);
    let unpack = unpacker_at(level, w);
    let count = out.len();
    let mut pos = 0usize;
    let mut filled = 0usize;
    while filled < count {
        let header_at = pos;
        let header = read_uleb32(input, &mut pos)?;
        let remaining = count - filled;
        if header & 1 == 1 {
            let groups = (header >> 1) as usize;
            let n = groups * 8;
            let take = n.min(remaining);
            let needed = (take * w).div_ceil(8);
            let available = input.len() - pos;
            if needed > available {
                return Err(KernelError::truncated(
                    header_at,
                    format!("bit-packed run of {n} values needs {needed} bytes but {available} remain"),
                ));
            }
            // A slice to the end of the input lets the SIMD kernel load whole lanes near the run's end.
            unpack(&input[pos..], &mut out[filled..filled + take]);
            pos += (groups * w).min(available);
            filled += take;
        } else {
            let n = ((header >> 1) as usize).min(remaining);
            if value_bytes > input.len() - pos {
                return Err(KernelError::truncated(header_at, "RLE run ends before its value"));
            }
            let mut value = 0u32;
            for (i, &b) in input[pos..pos + value_bytes].iter().enumerate() {
                value |= u32::from(b) << (8 * i);
            }
            if w < 32 && value >> w != 0 {
                return Err(KernelError::corrupt(pos, format!("RLE value {value} does not fit in {w} bits")));
            }
            pos += value_bytes;
            out[filled..filled + n].fill(value);
            filled += n;
        }
    }
    Ok(pos)
}
