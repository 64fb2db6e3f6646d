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
        4 => {
            let done = sse2::decode_4(input, out, count);
            decode_tail::<4>(input, out, count, done);
        }
        8 => {
            let done = sse2::decode_8(input, out, count);
            decode_tail::<8>(input, out, count, done);
        }
        _ => decode_generic(input, out, count, width),
    }
    Ok(())
}

/// Values `done..count` one byte at a time (what the 16-value SIMD steps left).
fn decode_tail<const W: usize>(input: &[u8], out: &mut [u8], count: usize, done: usize) {
    for i in done..count {
        for k in 0..W {
            out[i * W + k] = input[k * count + i];
        }
    }
}

/// 16 values per step with SSE2 unpack instructions: byte streams are interleaved pairwise into
/// 2-, then 4-, then 8-byte values. SSE2 is part of every x86-64 CPU, so no detection is needed.
#[cfg(target_arch = "x86_64")]
mod sse2 {
    use core::arch::x86_64::*;

    pub fn decode_4(input: &[u8], out: &mut [u8], count: usize) -> usize {
        let steps = count / 16;
        // SAFETY: every load reads 16 bytes of stream k at i < steps * 16 <= count, inside `input`
        // (4 * count bytes); every store writes 64 bytes at 4 * i, inside `out` (4 * count bytes).
        unsafe {
            let s = input.as_ptr();
            let o = out.as_mut_ptr();
            for step in 0..steps {
                let i = step * 16;
                let a = _mm_loadu_si128(s.add(i) as *const __m128i);
                let b = _mm_loadu_si128(s.add(count + i) as *const __m128i);
                let c = _mm_loadu_si128(s.add(2 * count + i) as *const __m128i);
                let d = _mm_loadu_si128(s.add(3 * count + i) as *const __m128i);
                let (ab_lo, ab_hi) = (_mm_unpacklo_epi8(a, b), _mm_unpackhi_epi8(a, b));
                let (cd_lo, cd_hi) = (_mm_unpacklo_epi8(c, d), _mm_unpackhi_epi8(c, d));
                let dst = o.add(4 * i) as *mut __m128i;
                _mm_storeu_si128(dst, _mm_unpacklo_epi16(ab_lo, cd_lo));
                _mm_storeu_si128(dst.add(1), _mm_unpackhi_epi16(ab_lo, cd_lo));
                _mm_storeu_si128(dst.add(2), _mm_unpacklo_epi16(ab_hi, cd_hi));
                _mm_storeu_si128(dst.add(3), _mm_unpackhi_epi16(ab_hi, cd_hi));
            }
        }
        steps * 16
    }

    pub fn decode_8(input: &[u8], out: &mut [u8], count: usize) -> usize {
        let steps = count / 16;
        // SAFETY: as in decode_4, with 8 streams and 128 bytes stored per step.
        unsafe {
            let s = input.as_ptr();
            let o = out.as_mut_ptr();
            for step in 0..steps {
                let i = step * 16;
                let load = |k: usize| _mm_loadu_si128(s.add(k * count + i) as *const __m128i);
                let (s0, s1, s2, s3) = (load(0), load(1), load(2), load(3));
                let (s4, s5, s6, s7) = (load(4), load(5), load(6), load(7));
                // byte pairs: values 0..7 (lo) and 8..15 (hi)
                let (p01l, p01h) = (_mm_unpacklo_epi8(s0, s1), _mm_unpackhi_epi8(s0, s1));
                let (p23l, p23h) = (_mm_unpacklo_epi8(s2, s3), _mm_unpackhi_epi8(s2, s3));
                let (p45l, p45h) = (_mm_unpacklo_epi8(s4, s5), _mm_unpackhi_epi8(s4, s5));
                let (p67l, p67h) = (_mm_unpacklo_epi8(s6, s7), _mm_unpackhi_epi8(s6, s7));
                // 4-byte halves: values 0..3, 4..7, 8..11, 12..15
                let lo = [
                    _mm_unpacklo_epi16(p01l, p23l),
                    _mm_unpackhi_epi16(p01l, p23l),
                    _mm_unpacklo_epi16(p01h, p23h),
                    _mm_unpackhi_epi16(p01h, p23h),
                ];
                let hi = [
                    _mm_unpacklo_epi16(p45l, p67l),
                    _mm_unpackhi_epi16(p45l, p67l),
                    _mm_unpacklo_epi16(p45h, p67h),
                    _mm_unpackhi_epi16(p45h, p67h),
                ];
                let dst = o.add(8 * i) as *mut __m128i;
                for q in 0..4 {
                    _mm_storeu_si128(dst.add(2 * q), _mm_unpacklo_epi32(lo[q], hi[q]));
                    _mm_storeu_si128(dst.add(2 * q + 1), _mm_unpackhi_epi32(lo[q], hi[q]));
                }
            }
        }
        steps * 16
    }
}

#[cfg(not(target_arch = "x86_64"))]
mod sse2 {
    pub fn decode_4(_: &[u8], _: &mut [u8], _: usize) -> usize {
        0
    }
    pub fn decode_8(_: &[u8], _: &mut [u8], _: usize) -> usize {
        0
    }
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
