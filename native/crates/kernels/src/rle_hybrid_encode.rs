//! Encoder for the RLE/bit-packing hybrid. The whole input is known, so runs are chosen by a
//! single scan: a stretch of equal values long enough to be worth an RLE run becomes one; the rest
//! goes into long bit-packed runs. Short RLE runs compress a little better but make every reader
//! switch run kinds often, which costs more than it saves; hence `MIN_RLE_RUN`.
//! The TypeScript encoder implements the same choices, so both produce identical bytes.

use crate::bitpack::packer_at;
use crate::simd::{simd_level, SimdLevel};
use crate::error::{KernelError, Result};

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
    let prefix = if length_prefixed { 4 } else { 0 };
    let mut out = vec![0u8; prefix + encoded_size_bound(values.len(), bit_width as usize)];
    let written = encode_rle_hybrid_into_at(level, values, bit_width, &mut out[prefix..])?;
    if length_prefixed {
        let len = u32::try_from(written)
            .map_err(|_| KernelError::new(crate::ErrorCode::Limit, None, "encoded levels exceed 4 GiB"))?;
        out[..4].copy_from_slice(&len.to_le_bytes());
    }
    out.truncate(prefix + written);
    Ok(out)
}

/// Encodes into a caller's buffer (a writer reuses one across pages: fresh memory costs a page
/// fault per 4 KiB) and returns the bytes written; `LIMIT` if `out` is too small.
pub fn encode_rle_hybrid_into(values: &[u32], bit_width: u32, out: &mut [u8]) -> Result<usize> {
    encode_rle_hybrid_into_at(simd_level(), values, bit_width, out)
}

pub fn encode_rle_hybrid_into_at(level: SimdLevel, values: &[u32], bit_width: u32, out: &mut [u8]) -> Result<usize> {
    if bit_width > 32 {
        return Err(KernelError::invalid(format!("bit width {bit_width} is over 32")));
    }
    let w = bit_width as usize;
    // An OR over all values vectorises; the index is looked for only when something is too wide.
    if w < 32 && values.iter().fold(0u32, |acc, &v| acc | v) >> w != 0 {
        if let Some(i) = values.iter().position(|&v| v >> w != 0) {
            return Err(KernelError::invalid(format!(
                "value {} at index {i} does not fit in {w} bits",
                values[i] as i32
            )));
        }
    }
    let mut sink = SliceWriter { buf: out, pos: 0 };
    let pack = packer_at(level, w);
    let value_bytes = w.div_ceil(8);
    let mut bp_start = 0usize;
    let mut from = 0usize;
    while let Some((s, e)) = next_long_stretch(values, from) {
        // The bit-packed run before must hold a multiple of 8 values: lend it the first values
        // of this stretch.
        let lend = (8 - (s - bp_start) % 8) % 8;
        if e - s - lend >= MIN_RLE_RUN {
            write_bit_packed(&mut sink, &values[bp_start..s + lend], w, pack)?;
            sink.uleb32(((e - s - lend) as u32) << 1)?;
            sink.bytes(&values[s].to_le_bytes()[..value_bytes])?;
            bp_start = e;
        }
        from = e;
    }
    // The last bit-packed run is padded with zero values to a whole group.
    write_bit_packed(&mut sink, &values[bp_start..], w, pack)?;
    Ok(sink.pos)
}

/// Bounds-checked appends to a caller's buffer.
struct SliceWriter<'a> {
    buf: &'a mut [u8],
    pos: usize,
}

impl SliceWriter<'_> {
    fn reserve(&mut self, n: usize) -> Result<&mut [u8]> {
        if n > self.buf.len() - self.pos {
            return Err(KernelError::new(
                crate::ErrorCode::Limit,
                None,
                format!("output buffer of {} bytes is too small for the encoded values", self.buf.len()),
            ));
        }
        let start = self.pos;
        self.pos += n;
        Ok(&mut self.buf[start..start + n])
    }
    fn bytes(&mut self, b: &[u8]) -> Result<()> {
        self.reserve(b.len())?.copy_from_slice(b);
        Ok(())
    }
    fn uleb32(&mut self, mut value: u32) -> Result<()> {
        let mut tmp = [0u8; 5];
        let mut n = 0;
        while value >= 0x80 {
            tmp[n] = (value as u8 & 0x7f) | 0x80;
            value >>= 7;
            n += 1;
        }
        tmp[n] = value as u8;
        self.bytes(&tmp[..=n])
    }
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
        // No early exit: 8 compares without a branch beat a mispredicted one on random data.
        if values[block..block + 8].iter().fold(true, |all, &x| all & (x == v)) {
            let mut s = block;
            while s > from && values[s - 1] == v {
                s -= 1;
            }
            let mut e = block + 8;
            while e + 8 <= n && values[e..e + 8].iter().fold(true, |all, &x| all & (x == v)) {
                e += 8;
            }
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
fn write_bit_packed(sink: &mut SliceWriter, values: &[u32], w: usize, pack: crate::bitpack::PackFn) -> Result<()> {
    for chunk in values.chunks(MAX_BIT_PACKED_GROUPS * 8) {
        let groups = chunk.len().div_ceil(8);
        sink.uleb32(((groups as u32) << 1) | 1)?;
        // Whole groups of bytes: a final partial group is padded with zero bits.
        let dest = sink.reserve(groups * w)?;
        let packed = (chunk.len() * w).div_ceil(8);
        dest[packed..].fill(0);
        pack(chunk, dest);
    }
    Ok(())
}

/// Upper bound on the encoded size of `n` values of width `w`: everything bit-packed plus, at
/// worst, an RLE run (5-byte header + 4-byte value) for every `MIN_RLE_RUN` values.
pub fn encoded_size_bound(n: usize, w: usize) -> usize {
    n.div_ceil(8) * w + (n / MIN_RLE_RUN + 2) * 9 + (n / (MAX_BIT_PACKED_GROUPS * 8) + 2) * 5
}
