//! BYTE_STREAM_SPLIT (Encodings.md): byte k of value i is stored at `k * count + i`. Encoding and
//! decoding are a transpose between `count` rows of `width` bytes and `width` streams of `count`.
//! Widths 4 and 8 (FLOAT, DOUBLE, INT32, INT64) have fixed-size inner loops the compiler unrolls
//! and vectorises; other widths (FLOAT16, decimals) take the generic loop.

use crate::error::{KernelError, Result};

/// Values are transposed in tiles of this many, so the `width` streams being read (or written)
/// stay in cache lines that are already loaded.
const TILE: usize = 256;

fn check(len: usize, width: usize, out_len: usize) -> Result<usize> {
    if width == 0 {
        return Err(KernelError::invalid("byte-stream-split width must be at least 1"));
    }
    if len % width != 0 {
        return Err(KernelError::corrupt(len, format!("{len} bytes are not a whole number of {width}-byte values")));
    }
    if out_len != len {
        return Err(KernelError::invalid(format!("output holds {out_len} bytes, {len} are needed")));
    }
    Ok(len / width)
}

#[inline(always)]
fn decode_fixed<const W: usize>(input: &[u8], out: &mut [u8], count: usize) {
    let mut start = 0;
    while start < count {
        let end = (start + TILE).min(count);
        for k in 0..W {
            let stream = &input[k * count + start..k * count + end];
            for (i, &b) in stream.iter().enumerate() {
                out[(start + i) * W + k] = b;
            }
        }
        start = end;
    }
}

#[inline(always)]
fn encode_fixed<const W: usize>(input: &[u8], out: &mut [u8], count: usize) {
    let mut start = 0;
    while start < count {
        let end = (start + TILE).min(count);
        for k in 0..W {
            let stream = &mut out[k * count + start..k * count + end];
            for (i, b) in stream.iter_mut().enumerate() {
                *b = input[(start + i) * W + k];
            }
        }
        start = end;
    }
}

fn decode_generic(input: &[u8], out: &mut [u8], count: usize, width: usize) {
    for k in 0..width {
        let stream = &input[k * count..(k + 1) * count];
        for (i, &b) in stream.iter().enumerate() {
            out[i * width + k] = b;
        }
    }
}

fn encode_generic(input: &[u8], out: &mut [u8], count: usize, width: usize) {
    for k in 0..width {
        let stream = &mut out[k * count..(k + 1) * count];
        for (i, b) in stream.iter_mut().enumerate() {
            *b = input[i * width + k];
        }
    }
}

/// Streams back into values: `out` receives the values' little-endian bytes.
pub fn decode_byte_stream_split(input: &[u8], width: usize, out: &mut [u8]) -> Result<()> {
    let count = check(input.len(), width, out.len())?;
    match width {
        2 => decode_fixed::<2>(input, out, count),
        4 => decode_fixed::<4>(input, out, count),
        8 => decode_fixed::<8>(input, out, count),
        _ => decode_generic(input, out, count, width),
    }
    Ok(())
}

/// Values (little-endian bytes, `width` each) into streams.
pub fn encode_byte_stream_split(input: &[u8], width: usize, out: &mut [u8]) -> Result<()> {
    let count = check(input.len(), width, out.len()).map_err(|e| KernelError::invalid(e.message))?;
    match width {
        2 => encode_fixed::<2>(input, out, count),
        4 => encode_fixed::<4>(input, out, count),
        8 => encode_fixed::<8>(input, out, count),
        _ => encode_generic(input, out, count, width),
    }
    Ok(())
}
