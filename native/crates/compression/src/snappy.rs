//! SNAPPY: the raw block format (a varint length, then literals and copies), as Parquet uses it.

use crate::output::{check_filled, check_room, corrupt, overflow};
use crate::snappy_decompress;
use parquetry_kernels::Result;

const CODEC: &str = "SNAPPY";

pub fn max_compressed_len(n: usize) -> usize {
    crate::snappy_compress::max_len(n)
}

/// Our own decoder (snappy_decompress.rs), into `out` of exactly the declared length.
pub fn decompress_into(input: &[u8], out: &mut [u8]) -> Result<()> {
    let (declared, start) = snappy_decompress::preamble(input).map_err(|e| corrupt(CODEC, e))?;
    if declared > out.len() {
        return Err(overflow(CODEC, out.len()));
    }
    check_filled(CODEC, declared, out.len())?;
    snappy_decompress::decompress_elements(input, start, out).map_err(|e| corrupt(CODEC, e))
}

/// Our own compressor (snappy_compress.rs): the same bytes as the TypeScript build writes.
pub fn compress_into(input: &[u8], out: &mut [u8]) -> Result<usize> {
    check_room(CODEC, out.len(), max_compressed_len(input.len()))?;
    if input.len() > u32::MAX as usize {
        return Err(corrupt(CODEC, "an input of 4 GiB or more"));
    }
    Ok(crate::snappy_compress::compress(input, out))
}
