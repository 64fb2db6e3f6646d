//! LZ4_RAW (one LZ4 block) and the deprecated LZ4 codec, which real files carry in two forms:
//! Hadoop framing (parquet-mr, Arrow C++ since 0.17) or a bare block (older Arrow C++). Detection
//! follows Arrow C++: try the Hadoop framing, and fall back to a bare block when it does not fit.

use crate::output::{check_filled, check_room, corrupt, overflow};
use parquetry_kernels::Result;

const CODEC: &str = "LZ4_RAW";
const HADOOP_PREFIX: usize = 8;

pub fn max_compressed_len(n: usize) -> usize {
    lz4_flex::block::get_maximum_output_size(n)
}

/// Decodes one block into `out`; returns the bytes written (the caller checks the count).
fn decompress_block(input: &[u8], out: &mut [u8]) -> Result<usize> {
    lz4_flex::block::decompress_into(input, out).map_err(|e| match e {
        lz4_flex::block::DecompressError::OutputTooSmall { .. } => overflow(CODEC, out.len()),
        other => corrupt(CODEC, other),
    })
}

pub fn decompress_into(input: &[u8], out: &mut [u8]) -> Result<()> {
    let written = decompress_block(input, out)?;
    check_filled(CODEC, written, out.len())
}

/// Our own block compressor (lz4_compress.rs): the same bytes as the TypeScript build writes.
pub fn compress_into(input: &[u8], out: &mut [u8]) -> Result<usize> {
    check_room(CODEC, out.len(), max_compressed_len(input.len()))?;
    Ok(crate::lz4_compress::compress(input, out))
}

/// The Hadoop framing: blocks of (u32 BE uncompressed size, u32 BE compressed size, block).
/// `None` when the input does not parse as such, so the caller can try a bare block.
fn decompress_hadoop(input: &[u8], out: &mut [u8]) -> Option<()> {
    let (mut at, mut produced) = (0usize, 0usize);
    while input.len() - at >= HADOOP_PREFIX {
        let raw_len = u32::from_be_bytes(input[at..at + 4].try_into().unwrap()) as usize;
        let block_len = u32::from_be_bytes(input[at + 4..at + 8].try_into().unwrap()) as usize;
        at += HADOOP_PREFIX;
        if block_len > input.len() - at || raw_len > out.len() - produced {
            return None;
        }
        let target = &mut out[produced..produced + raw_len];
        match lz4_flex::block::decompress_into(&input[at..at + block_len], target) {
            Ok(n) if n == raw_len => {}
            _ => return None,
        }
        at += block_len;
        produced += raw_len;
    }
    (at == input.len() && produced == out.len()).then_some(())
}

/// The deprecated LZ4 codec: Hadoop framing when the input parses as such, else a bare block.
pub fn decompress_legacy_into(input: &[u8], out: &mut [u8]) -> Result<()> {
    if decompress_hadoop(input, out).is_some() {
        return Ok(());
    }
    decompress_into(input, out).map_err(|mut e| {
        e.message = format!("LZ4 (neither Hadoop-framed nor a bare block): {}", e.message);
        e
    })
}

pub fn max_compressed_len_hadoop(n: usize) -> usize {
    HADOOP_PREFIX + max_compressed_len(n)
}

/// Writes the Hadoop framing with one block, as Arrow C++ and parquet-mr do for a page.
pub fn compress_hadoop_into(input: &[u8], out: &mut [u8]) -> Result<usize> {
    check_room("LZ4", out.len(), max_compressed_len_hadoop(input.len()))?;
    let raw_len = u32::try_from(input.len()).map_err(|_| corrupt("LZ4", "a page over 4 GiB"))?;
    let n = crate::lz4_compress::compress(input, &mut out[HADOOP_PREFIX..]);
    out[0..4].copy_from_slice(&raw_len.to_be_bytes());
    out[4..8].copy_from_slice(&(n as u32).to_be_bytes());
    Ok(HADOOP_PREFIX + n)
}
