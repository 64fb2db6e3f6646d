//! BROTLI: decoded by driving the stream decoder once over the whole input into the caller's
//! buffer, so output stops at the declared size. Large-window streams (a non-standard extension
//! that can ask for a 1 GiB window) are refused: no Parquet writer makes them.

use std::io::Cursor;

use brotli::{BrotliDecompressStream, BrotliResult, BrotliState, HeapAlloc};

use crate::output::{check_filled, check_room, corrupt, overflow, truncated};
use parquetry_kernels::{KernelError, Result};

const CODEC: &str = "BROTLI";
pub const DEFAULT_LEVEL: u32 = 5;
const LGWIN: u32 = 22;

pub fn max_compressed_len(n: usize) -> usize {
    // BrotliEncoderMaxCompressedSize returns 0 when it overflows; the crate's writer also needs
    // room for its final empty meta-block.
    brotli::enc::encode::BrotliEncoderMaxCompressedSize(n).max(n + 1024) + 16
}

pub fn decompress_into(input: &[u8], out: &mut [u8]) -> Result<()> {
    if input.is_empty() {
        return check_filled(CODEC, 0, out.len());
    }
    let mut state = BrotliState::new(HeapAlloc::<u8>::default(), HeapAlloc::<u32>::default(), HeapAlloc::default());
    state.large_window = false;
    let (mut available_in, mut input_offset) = (input.len(), 0usize);
    let (mut available_out, mut output_offset, mut total_out) = (out.len(), 0usize, 0usize);
    let result = BrotliDecompressStream(
        &mut available_in,
        &mut input_offset,
        input,
        &mut available_out,
        &mut output_offset,
        out,
        &mut total_out,
        &mut state,
    );
    match result {
        BrotliResult::ResultSuccess if input_offset == input.len() => check_filled(CODEC, output_offset, out.len()),
        BrotliResult::ResultSuccess => Err(KernelError::corrupt(input_offset, "BROTLI stream has bytes after its end")),
        BrotliResult::NeedsMoreOutput => Err(overflow(CODEC, out.len())),
        BrotliResult::NeedsMoreInput => Err(truncated(CODEC, input.len())),
        BrotliResult::ResultFailure => Err(corrupt(CODEC, format!("decoder failed near byte {input_offset}"))),
    }
}

pub fn compress_into(input: &[u8], out: &mut [u8], level: u32) -> Result<usize> {
    if level > 11 {
        return Err(KernelError::invalid(format!("BROTLI level {level} is outside 0..=11")));
    }
    check_room(CODEC, out.len(), max_compressed_len(input.len()))?;
    let params = brotli::enc::BrotliEncoderParams {
        quality: level as i32,
        lgwin: LGWIN as i32,
        size_hint: input.len(),
        ..Default::default()
    };
    let mut cursor = Cursor::new(out);
    let mut reader = input;
    brotli::BrotliCompress(&mut reader, &mut cursor, &params).map_err(|e| corrupt(CODEC, e))?;
    Ok(cursor.position() as usize)
}
