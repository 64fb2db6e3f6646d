//! GZIP: one or more concatenated gzip members decode as one stream (some writers emit several). A
//! zlib-wrapped stream is accepted too, as Arrow C++ does, since old writers produced it.

use std::io::{self, Read, Write};

use flate2::read::{MultiGzDecoder, ZlibDecoder};
use flate2::write::GzEncoder;
use flate2::Compression;

use crate::output::{check_filled, check_room, corrupt, overflow, truncated};
use parquetry_kernels::{KernelError, Result};

const CODEC: &str = "GZIP";
pub const DEFAULT_LEVEL: u32 = 6;
/// gzip header (10) and trailer (8), plus slack for the encoder's final block.
const WRAPPER: usize = 18 + 64;

/// zlib's compressBound: stored blocks are the worst case.
pub fn max_compressed_len(n: usize) -> usize {
    n + (n >> 12) + (n >> 14) + (n >> 25) + 13 + WRAPPER
}

fn is_zlib_header(input: &[u8]) -> bool {
    input.len() >= 2 && input[0] & 0x0f == 8 && ((input[0] as u16) << 8 | input[1] as u16) % 31 == 0
}

fn map_io(e: io::Error, at: usize) -> KernelError {
    if e.kind() == io::ErrorKind::UnexpectedEof { truncated(CODEC, at) } else { corrupt(CODEC, e) }
}

/// Reads until `out` is full, then checks the stream has nothing more.
fn read_exact_declared(mut reader: impl Read, input_len: usize, out: &mut [u8]) -> Result<()> {
    let mut filled = 0;
    while filled < out.len() {
        match reader.read(&mut out[filled..]) {
            Ok(0) => return check_filled(CODEC, filled, out.len()),
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(map_io(e, input_len)),
        }
    }
    let mut probe = [0u8; 1];
    match reader.read(&mut probe) {
        Ok(0) => Ok(()),
        Ok(_) => Err(overflow(CODEC, out.len())),
        Err(e) => Err(map_io(e, input_len)),
    }
}

pub fn decompress_into(input: &[u8], out: &mut [u8]) -> Result<()> {
    if input.is_empty() {
        return check_filled(CODEC, 0, out.len());
    }
    if input.len() >= 2 && input[0] == 0x1f && input[1] == 0x8b {
        read_exact_declared(MultiGzDecoder::new(input), input.len(), out)
    } else if is_zlib_header(input) {
        read_exact_declared(ZlibDecoder::new(input), input.len(), out)
    } else {
        Err(KernelError::corrupt(0, "GZIP stream starts with neither a gzip nor a zlib header"))
    }
}

pub fn compress_into(input: &[u8], out: &mut [u8], level: u32) -> Result<usize> {
    if level > 9 {
        return Err(KernelError::invalid(format!("GZIP level {level} is outside 0..=9")));
    }
    check_room(CODEC, out.len(), max_compressed_len(input.len()))?;
    let capacity = out.len();
    let mut encoder = GzEncoder::new(io::Cursor::new(out), Compression::new(level));
    encoder.write_all(input).map_err(|e| corrupt(CODEC, e))?;
    let cursor = encoder.finish().map_err(|e| corrupt(CODEC, e))?;
    let written = cursor.position() as usize;
    debug_assert!(written <= capacity);
    Ok(written)
}
