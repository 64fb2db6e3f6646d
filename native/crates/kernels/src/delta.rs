//! DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY (Encodings.md).
//!
//! DELTA_BINARY_PACKED: header <block size> <miniblocks per block> <total count> <first value>
//! (ULEB128, first value zigzag), then blocks of <min delta (zigzag)> <one bit-width byte per
//! miniblock> <miniblocks>. INT32 arithmetic wraps mod 2^32, INT64 mod 2^64.
//!
//! The encoder's choices (the TypeScript encoder makes the same, so both write identical bytes):
//! block size 128, 4 miniblocks of 32 values; per block the minimum of its deltas; per miniblock
//! the bits of its largest (delta - min); a miniblock with no values gets width 0 and no bytes;
//! a partly filled miniblock is padded with zero values to 32.

use crate::bitpack::{packer, unpacker};
use crate::bitpack64::{packer64, unpacker64};
use crate::delta_prefix::{add_deltas_u32, add_deltas_u64, add_deltas_widening, unpack_add_u32, unpack_add_widening};
use crate::error::{ErrorCode, KernelError, Result};

pub const BLOCK_SIZE: usize = 128;
pub const MINIBLOCKS: usize = 4;

fn read_uleb64(input: &[u8], pos: &mut usize) -> Result<u64> {
    let start = *pos;
    let mut value = 0u64;
    for i in 0..10 {
        let Some(&b) = input.get(*pos) else {
            return Err(KernelError::truncated(start, "varint ends before its last byte"));
        };
        *pos += 1;
        if i == 9 && b > 1 {
            return Err(KernelError::corrupt(start, "varint does not fit in 64 bits"));
        }
        value |= u64::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            return Ok(value);
        }
    }
    Err(KernelError::corrupt(start, "varint is longer than 10 bytes"))
}

fn read_zigzag(input: &[u8], pos: &mut usize) -> Result<i64> {
    let v = read_uleb64(input, pos)?;
    Ok((v >> 1) as i64 ^ -((v & 1) as i64))
}

fn write_uleb64(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn write_zigzag(out: &mut Vec<u8>, v: i64) {
    write_uleb64(out, ((v << 1) ^ (v >> 63)) as u64);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeltaHeader {
    pub block_size: usize,
    pub miniblocks: usize,
    pub count: usize,
    pub first: i64,
    /// Bytes the header takes.
    pub len: usize,
}

/// Reads and checks the header. `count` is bounded by the input: every block after the first
/// value takes at least 1 + miniblocks bytes, so a count the input cannot hold is refused here,
/// before anyone allocates for it.
pub fn read_delta_header(input: &[u8]) -> Result<DeltaHeader> {
    let mut pos = 0;
    let block_size = read_uleb64(input, &mut pos)?;
    let miniblocks = read_uleb64(input, &mut pos)?;
    let count = read_uleb64(input, &mut pos)?;
    let first = read_zigzag(input, &mut pos)?;
    if block_size == 0 || block_size % 128 != 0 || block_size > 1 << 20 {
        return Err(KernelError::corrupt(0, format!("block size {block_size} is not a positive multiple of 128")));
    }
    if miniblocks == 0 || block_size % miniblocks != 0 || (block_size / miniblocks) % 32 != 0 {
        return Err(KernelError::corrupt(0, format!("{miniblocks} miniblocks do not split a block of {block_size} into multiples of 32")));
    }
    let (block_size, miniblocks) = (block_size as usize, miniblocks as usize);
    let blocks_possible = (input.len() - pos) / (1 + miniblocks);
    let max_count = 1 + blocks_possible as u64 * block_size as u64;
    if count > max_count || count > i32::MAX as u64 {
        return Err(KernelError::truncated(0, format!("header declares {count} values but the input holds at most {max_count}")));
    }
    Ok(DeltaHeader { block_size, miniblocks, count: count as usize, first, len: pos })
}

/// Walks the blocks of a stream whose header is `h`, handing each miniblock's unpack job to `run`:
/// (bytes holding its values, bit width, output index, value count, min delta). Returns the bytes
/// consumed.
fn walk_blocks(
    input: &[u8],
    h: &DeltaHeader,
    max_width: u8,
    mut run: impl FnMut(&[u8], usize, usize, usize, i64),
) -> Result<usize> {
    let mut pos = h.len;
    let mut filled = 1usize.min(h.count);
    let per_miniblock = h.block_size / h.miniblocks;
    while filled < h.count {
        let block_at = pos;
        let min_delta = read_zigzag(input, &mut pos)?;
        let Some(widths) = input.get(pos..pos + h.miniblocks) else {
            return Err(KernelError::truncated(block_at, "block ends before its miniblock bit widths"));
        };
        pos += h.miniblocks;
        for &w in widths {
            if filled >= h.count {
                break; // widths of unneeded miniblocks may hold anything
            }
            if w > max_width {
                return Err(KernelError::corrupt(pos, format!("miniblock bit width {w} is over {max_width}")));
            }
            let w = w as usize;
            let n = per_miniblock.min(h.count - filled);
            let needed = (n * w).div_ceil(8);
            let available = input.len() - pos;
            if needed > available {
                return Err(KernelError::truncated(pos, format!("miniblock needs {needed} bytes but {available} remain")));
            }
            // The unpackers read only the bytes of `n` values, but a slice reaching further lets the
            // SIMD kernel load whole 16-byte lanes up to the miniblock's last value.
            run(&input[pos..], w, filled, n, min_delta);
            // A full miniblock's bytes, though the last one's padding may be cut off.
            pos += (per_miniblock * w / 8).min(available);
            filled += n;
        }
    }
    Ok(pos)
}

/// The header of a stream decoded into an output of `out_len` values, which must be its count;
/// None when there are no values to decode.
fn header_for(input: &[u8], out_len: usize) -> Result<Option<DeltaHeader>> {
    let h = read_delta_header(input)?;
    if out_len != h.count {
        return Err(KernelError::invalid(format!("output holds {out_len} values, the stream {}", h.count)));
    }
    Ok((h.count > 0).then_some(h))
}

/// Decodes an INT32 stream into `out` (exactly the header's count); returns the bytes consumed.
pub fn decode_delta_binary_packed_i32(input: &[u8], out: &mut [i32]) -> Result<usize> {
    let Some(h) = header_for(input, out.len())? else {
        return Ok(read_delta_header(input)?.len);
    };
    // SAFETY: i32 and u32 have the same layout.
    let out = unsafe { std::slice::from_raw_parts_mut(out.as_mut_ptr().cast::<u32>(), out.len()) };
    out[0] = h.first as u32;
    let used = walk_blocks(input, &h, 32, |bytes, w, at, n, min| {
        let prev = out[at - 1];
        let dst = &mut out[at..at + n];
        let (done, prev) = unpack_add_u32(bytes, w, min as u32, prev, dst);
        if done < n {
            unpacker(w)(&bytes[done * w / 8..], &mut dst[done..]);
            add_deltas_u32(&mut dst[done..], min as u32, prev);
        }
    })?;
    Ok(used)
}

/// Decodes an INT64 stream into `out` (exactly the header's count); returns the bytes consumed.
pub fn decode_delta_binary_packed_i64(input: &[u8], out: &mut [i64]) -> Result<usize> {
    let Some(h) = header_for(input, out.len())? else {
        return Ok(read_delta_header(input)?.len);
    };
    // SAFETY: i64 and u64 have the same layout.
    let out = unsafe { std::slice::from_raw_parts_mut(out.as_mut_ptr().cast::<u64>(), out.len()) };
    out[0] = h.first as u64;
    // Zeroed once a call, not once a miniblock: zeroing its 1 KiB for each 32-value miniblock was
    // a quarter of the decode's time.
    let mut narrow = [0u32; 256];
    walk_blocks(input, &h, 64, |bytes, w, at, n, min| {
        let min = min as u64;
        let mut prev = out[at - 1];
        if w <= 32 {
            // Deltas that fit 32 bits (timestamps, ids) take the 32-bit unpackers: the one-pass
            // AVX2 kernel for the whole 8-value groups it can read, then whatever it left in
            // chunks of 256 values (a multiple of 8, so every chunk starts on a byte).
            let (mut done, summed) = unpack_add_widening(bytes, w, min, prev, &mut out[at..at + n]);
            prev = summed;
            let unpack = unpacker(w);
            while done < n {
                let m = (n - done).min(256);
                unpack(&bytes[done * w / 8..], &mut narrow[..m]);
                prev = add_deltas_widening(&narrow[..m], min, prev, &mut out[at + done..at + done + m]);
                done += m;
            }
        } else {
            unpacker64(w)(bytes, &mut out[at..at + n]);
            add_deltas_u64(&mut out[at..at + n], min, prev);
        }
    })
}

fn bits_u64(v: u64) -> usize {
    64 - v.leading_zeros() as usize
}

/// One encoder body for both widths: `$t` the value type, `$u` its unsigned twin, `$pack` the
/// packer table for miniblocks of `$u`.
macro_rules! delta_binary_packed_encoder {
    ($(#[$doc:meta])* $name:ident, $t:ty, $u:ty, $pack:ident) => {
        $(#[$doc])*
        pub fn $name(values: &[$t], out: &mut Vec<u8>) {
            encode_header(values.len(), values.first().map_or(0, |&v| v as i64), out);
            let per = BLOCK_SIZE / MINIBLOCKS;
            let mut deltas = [0 as $u; BLOCK_SIZE];
            let mut start = 1;
            while start < values.len() {
                let n = BLOCK_SIZE.min(values.len() - start);
                let mut min = <$t>::MAX;
                for (j, d) in deltas[..n].iter_mut().enumerate() {
                    let delta = values[start + j].wrapping_sub(values[start + j - 1]);
                    min = min.min(delta);
                    *d = delta as $u;
                }
                for d in &mut deltas[..n] {
                    *d = d.wrapping_sub(min as $u);
                }
                deltas[n..].fill(0);
                write_zigzag(out, min as i64);
                let mut widths = [0usize; MINIBLOCKS];
                for (m, w) in widths.iter_mut().enumerate() {
                    *w = deltas[(m * per).min(n)..((m + 1) * per).min(n)].iter().map(|&d| bits_u64(d as u64)).max().unwrap_or(0);
                }
                out.extend(widths.iter().map(|&w| w as u8));
                for (m, &w) in widths.iter().enumerate().take(n.div_ceil(per)) {
                    let at = out.len();
                    out.resize(at + per * w / 8, 0);
                    $pack(w)(&deltas[m * per..(m + 1) * per], &mut out[at..]);
                }
                start += n;
            }
        }
    };
}

delta_binary_packed_encoder!(
    /// Encodes INT32 values (deltas wrap mod 2^32).
    encode_delta_binary_packed_i32, i32, u32, packer
);
delta_binary_packed_encoder!(
    /// Encodes INT64 values (deltas wrap mod 2^64).
    encode_delta_binary_packed_i64, i64, u64, packer64
);

fn encode_header(count: usize, first: i64, out: &mut Vec<u8>) {
    write_uleb64(out, BLOCK_SIZE as u64);
    write_uleb64(out, MINIBLOCKS as u64);
    write_uleb64(out, count as u64);
    write_zigzag(out, first);
}

/// Lengths stream of `count` values into `offsets` (count + 1, from 0): returns where the value
/// bytes start and end in `input`.
pub fn decode_delta_length_byte_array(input: &[u8], offsets: &mut [i32]) -> Result<(usize, usize)> {
    let count = offsets.len().checked_sub(1).ok_or_else(|| KernelError::invalid("offsets must hold count + 1 entries"))?;
    let h = read_delta_header(input)?;
    if h.count != count {
        return Err(KernelError::corrupt(0, format!("lengths stream holds {} values, {count} expected", h.count)));
    }
    let start = decode_delta_binary_packed_i32(input, &mut offsets[1..])?;
    let mut total: i64 = 0;
    offsets[0] = 0;
    for i in 1..=count {
        let len = offsets[i];
        if len < 0 {
            return Err(KernelError::corrupt(0, format!("value {} has negative length {len}", i - 1)));
        }
        total += i64::from(len);
        if total > (input.len() - start) as i64 {
            return Err(KernelError::truncated(start, format!("lengths add up to {total} bytes but {} remain", input.len() - start)));
        }
        offsets[i] = total as i32;
    }
    Ok((start, start + total as usize))
}

pub fn encode_delta_length_byte_array(offsets: &[i32], bytes: &[u8], out: &mut Vec<u8>) -> Result<()> {
    let lengths = lengths_of(offsets, bytes)?;
    encode_delta_binary_packed_i32(&lengths, out);
    let (a, b) = (offsets[0] as usize, *offsets.last().unwrap() as usize);
    out.extend_from_slice(&bytes[a..b]);
    Ok(())
}

fn lengths_of(offsets: &[i32], bytes: &[u8]) -> Result<Vec<i32>> {
    if offsets.is_empty() {
        return Err(KernelError::invalid("offsets must hold count + 1 entries"));
    }
    if offsets[0] < 0 || offsets[0] as usize > bytes.len() {
        return Err(KernelError::invalid(format!("offsets[0] = {} does not lie within {} bytes", offsets[0], bytes.len())));
    }
    let mut lengths = Vec::with_capacity(offsets.len() - 1);
    for (i, w) in offsets.windows(2).enumerate() {
        if w[0] < 0 || w[1] < w[0] || w[1] as usize > bytes.len() {
            return Err(KernelError::invalid(format!("offsets[{i}..{}] = {}..{} do not lie within {} bytes", i + 1, w[0], w[1], bytes.len())));
        }
        lengths.push(w[1] - w[0]);
    }
    Ok(lengths)
}

/// The two streams of a DELTA_BYTE_ARRAY of `count` values, checked: prefix lengths, suffix
/// offsets, where the suffix bytes lie, the bytes the values take and the input bytes consumed.
struct DeltaByteArrayParts {
    prefixes: Vec<i32>,
    suffix_offsets: Vec<i32>,
    suffixes: (usize, usize),
    total: usize,
    consumed: usize,
}

fn delta_byte_array_parts(input: &[u8], count: usize) -> Result<DeltaByteArrayParts> {
    let h = read_delta_header(input)?;
    if h.count != count {
        return Err(KernelError::corrupt(0, format!("prefix lengths stream holds {} values, {count} expected", h.count)));
    }
    let mut prefixes = vec![0i32; count];
    let suffix_at = decode_delta_binary_packed_i32(input, &mut prefixes)?;
    let mut suffix_offsets = vec![0i32; count + 1];
    let (s0, end) = decode_delta_length_byte_array(&input[suffix_at..], &mut suffix_offsets)
        .map_err(|e| KernelError { offset: e.offset.map(|o| o + suffix_at), ..e })?;
    let mut total: usize = 0;
    let mut previous_len = 0usize;
    for i in 0..count {
        let prefix = prefixes[i];
        if prefix < 0 || prefix as usize > previous_len {
            return Err(KernelError::corrupt(0, format!("value {i}: prefix of {prefix} bytes is longer than the previous value ({previous_len})")));
        }
        previous_len = prefix as usize + (suffix_offsets[i + 1] - suffix_offsets[i]) as usize;
        total += previous_len;
        if total > i32::MAX as usize {
            return Err(KernelError::new(ErrorCode::Limit, None, "values exceed 2 GiB in one batch"));
        }
    }
    Ok(DeltaByteArrayParts { prefixes, suffix_offsets, suffixes: (suffix_at + s0, suffix_at + end), total, consumed: suffix_at + end })
}

/// The bytes `count` DELTA_BYTE_ARRAY values take once rebuilt (checking both streams), so a
/// caller can allocate the output before `decode_delta_byte_array_into`.
pub fn delta_byte_array_size(input: &[u8], count: usize) -> Result<usize> {
    Ok(delta_byte_array_parts(input, count)?.total)
}

/// Rebuilds the values into `out` (exactly `delta_byte_array_size` bytes) and `offsets`
/// (count + 1, from 0); returns the input bytes consumed.
pub fn decode_delta_byte_array_into(input: &[u8], offsets: &mut [i32], out: &mut [u8]) -> Result<usize> {
    let count = offsets.len().checked_sub(1).ok_or_else(|| KernelError::invalid("offsets must hold count + 1 entries"))?;
    let parts = delta_byte_array_parts(input, count)?;
    if out.len() != parts.total {
        return Err(KernelError::invalid(format!("output holds {} bytes, the values {}", out.len(), parts.total)));
    }
    let suffixes = &input[parts.suffixes.0..parts.suffixes.1];
    offsets[0] = 0;
    let (mut pos, mut prev_start) = (0usize, 0usize);
    for i in 0..count {
        let prefix = parts.prefixes[i] as usize;
        let suffix = &suffixes[parts.suffix_offsets[i] as usize..parts.suffix_offsets[i + 1] as usize];
        out.copy_within(prev_start..prev_start + prefix, pos);
        out[pos + prefix..pos + prefix + suffix.len()].copy_from_slice(suffix);
        prev_start = pos;
        pos += prefix + suffix.len();
        offsets[i + 1] = pos as i32;
    }
    Ok(parts.consumed)
}

/// Prefix lengths + suffixes (DELTA_LENGTH_BYTE_ARRAY) of `count` values: fills `offsets`
/// (count + 1, from 0) and returns the values' bytes and the input bytes consumed.
pub fn decode_delta_byte_array(input: &[u8], offsets: &mut [i32]) -> Result<(Vec<u8>, usize)> {
    let count = offsets.len().checked_sub(1).ok_or_else(|| KernelError::invalid("offsets must hold count + 1 entries"))?;
    let total = delta_byte_array_size(input, count)?;
    let mut out = vec![0u8; total];
    let consumed = decode_delta_byte_array_into(input, offsets, &mut out)?;
    Ok((out, consumed))
}

pub fn encode_delta_byte_array(offsets: &[i32], bytes: &[u8], out: &mut Vec<u8>) -> Result<()> {
    let lengths = lengths_of(offsets, bytes)?;
    let count = lengths.len();
    let mut prefixes = Vec::with_capacity(count);
    let mut suffix_offsets = Vec::with_capacity(count + 1);
    let mut suffixes = Vec::new();
    suffix_offsets.push(0i32);
    let mut previous: &[u8] = &[];
    for i in 0..count {
        let value = &bytes[offsets[i] as usize..offsets[i + 1] as usize];
        let prefix = previous.iter().zip(value).take_while(|(a, b)| a == b).count();
        prefixes.push(prefix as i32);
        suffixes.extend_from_slice(&value[prefix..]);
        suffix_offsets.push(suffixes.len() as i32);
        previous = value;
    }
    encode_delta_binary_packed_i32(&prefixes, out);
    encode_delta_length_byte_array(&suffix_offsets, &suffixes, out)
}
