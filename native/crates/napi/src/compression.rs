//! Compression: one call per page, named by the Parquet codec, into buffers JS allocated.

use napi::bindgen_prelude::Uint8ArraySlice;
use napi::{Error, Result};
use napi_derive::napi;
use parquetry_compression::{brotli, gzip, lz4, snappy, zstd};

use crate::to_js;

fn unknown(codec: &str) -> Error {
    Error::from_reason(format!("INVALID_ARGUMENT@-: no native codec {codec}"))
}

fn level_u32(codec: &str, level: i32) -> Result<u32> {
    u32::try_from(level).map_err(|_| Error::from_reason(format!("INVALID_ARGUMENT@-: {codec} level {level} is negative")))
}

/// The worst-case compressed size of `n` bytes: the output to allocate before compressInto.
#[napi]
pub fn max_compressed_length(codec: String, n: u32) -> Result<f64> {
    let n = n as usize;
    let bound = match codec.as_str() {
        "SNAPPY" => snappy::max_compressed_len(n),
        "LZ4_RAW" => lz4::max_compressed_len(n),
        "LZ4" => lz4::max_compressed_len_hadoop(n),
        "ZSTD" => zstd::max_compressed_len(n),
        "GZIP" => gzip::max_compressed_len(n),
        "BROTLI" => brotli::max_compressed_len(n),
        _ => return Err(unknown(&codec)),
    };
    Ok(bound as f64)
}

/// Compresses `input` into `out` (at least maxCompressedLength bytes); returns the bytes written.
/// `level` is ignored by SNAPPY and LZ4.
#[napi]
pub fn compress_into(codec: String, input: Uint8ArraySlice, mut out: Uint8ArraySlice, level: i32) -> Result<u32> {
    // SAFETY: JS cannot run during this synchronous call.
    let out = unsafe { out.as_mut() };
    let written = match codec.as_str() {
        "SNAPPY" => snappy::compress_into(&input, out),
        "LZ4_RAW" => lz4::compress_into(&input, out),
        "LZ4" => lz4::compress_hadoop_into(&input, out),
        "ZSTD" => zstd::compress_into(&input, out, level),
        "GZIP" => gzip::compress_into(&input, out, level_u32(&codec, level)?),
        "BROTLI" => brotli::compress_into(&input, out, level_u32(&codec, level)?),
        _ => return Err(unknown(&codec)),
    }
    .map_err(to_js)?;
    Ok(written as u32)
}

/// Decompresses `input` into `out`, whose length is the page's declared uncompressed size; a
/// stream that holds more or fewer bytes is an error. LZ4 is the deprecated codec (Hadoop framing
/// or a bare block).
#[napi]
pub fn decompress_into(codec: String, input: Uint8ArraySlice, mut out: Uint8ArraySlice) -> Result<()> {
    // SAFETY: as above.
    let out = unsafe { out.as_mut() };
    match codec.as_str() {
        "SNAPPY" => snappy::decompress_into(&input, out),
        "LZ4_RAW" => lz4::decompress_into(&input, out),
        "LZ4" => lz4::decompress_legacy_into(&input, out),
        "ZSTD" => zstd::decompress_into(&input, out),
        "GZIP" => gzip::decompress_into(&input, out),
        "BROTLI" => brotli::decompress_into(&input, out),
        _ => return Err(unknown(&codec)),
    }
    .map_err(to_js)
}

/// CRC-32 (IEEE) of `input`: page checksums, one call per page.
#[napi]
pub fn crc32(input: Uint8ArraySlice) -> u32 {
    gzip::crc32(input.as_ref())
}
