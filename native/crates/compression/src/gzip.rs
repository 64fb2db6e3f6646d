//! GZIP. Compression is Parquetry's own DEFLATE (crate::deflate), the algorithm the TypeScript
//! build runs too, so both write the same bytes. Decompression is libdeflate's whole-buffer inflate
//! straight into the caller's buffer, which is what a page is (2-3x zlib because it never streams). One or more concatenated gzip
//! members decode as one stream (each member's CRC-32 and length checked by libdeflate); a
//! zlib-wrapped stream is accepted too, as Arrow C++ does, since old writers produced it.

use std::cell::RefCell;
use std::ffi::c_void;
use std::ptr::NonNull;

use libdeflate_sys as ld;

use crate::output::{check_filled, check_room, corrupt, overflow};
use parquetry_kernels::{KernelError, Result};

const CODEC: &str = "GZIP";
pub const DEFAULT_LEVEL: u32 = 6;
pub const MAX_LEVEL: u32 = 9;

struct Decompressor(NonNull<ld::libdeflate_decompressor>);
impl Drop for Decompressor {
    fn drop(&mut self) {
        // SAFETY: allocated by libdeflate_alloc_decompressor and freed once.
        unsafe { ld::libdeflate_free_decompressor(self.0.as_ptr()) }
    }
}

thread_local! {
    static DECOMPRESSOR: RefCell<Option<Decompressor>> = const { RefCell::new(None) };
}

/// Stored blocks are the worst case: 5 bytes per block of up to 64 KiB and at most one block per
/// 16,384 input bytes (hence the generous n/1024), plus the gzip header and trailer.
pub fn max_compressed_len(n: usize) -> usize {
    n + (n >> 10) + 128
}

fn is_zlib_header(input: &[u8]) -> bool {
    input.len() >= 2 && input[0] & 0x0f == 8 && ((input[0] as u16) << 8 | input[1] as u16) % 31 == 0
}

type DecompressEx = unsafe extern "C" fn(*mut ld::libdeflate_decompressor, *const c_void, usize, *mut c_void, usize, *mut usize, *mut usize) -> ld::libdeflate_result;

fn with_decompressor<T>(f: impl FnOnce(*mut ld::libdeflate_decompressor) -> Result<T>) -> Result<T> {
    DECOMPRESSOR.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            // SAFETY: plain allocation; NULL means out of memory.
            let p = unsafe { ld::libdeflate_alloc_decompressor() };
            *slot = Some(Decompressor(NonNull::new(p).ok_or_else(|| corrupt(CODEC, "out of memory for a decompressor"))?));
        }
        f(slot.as_ref().unwrap().0.as_ptr())
    })
}

/// Decodes members of one wrapper (`decode`) from `input` until it is used up; returns the bytes
/// written. Each call is bounded by the room left in `out`.
fn decode_members(input: &[u8], out: &mut [u8], decode: DecompressEx, single: bool) -> Result<usize> {
    with_decompressor(|d| {
        let (mut at, mut produced) = (0usize, 0usize);
        while at < input.len() {
            let (mut used_in, mut used_out) = (0usize, 0usize);
            let rest = &input[at..];
            let room = &mut out[produced..];
            // SAFETY: pointers and lengths come from live slices; libdeflate writes at most
            // room.len() bytes and reads at most rest.len().
            let result = unsafe {
                decode(d, rest.as_ptr().cast(), rest.len(), room.as_mut_ptr().cast(), room.len(), &mut used_in, &mut used_out)
            };
            match result {
                ld::libdeflate_result_LIBDEFLATE_SUCCESS => {}
                ld::libdeflate_result_LIBDEFLATE_INSUFFICIENT_SPACE => return Err(overflow(CODEC, out.len())),
                _ => return Err(KernelError::corrupt(at, format!("{CODEC} member at byte {at} is corrupt (bad deflate data or checksum)"))),
            }
            if used_in == 0 {
                return Err(KernelError::corrupt(at, format!("{CODEC} member at byte {at} makes no progress")));
            }
            at += used_in;
            produced += used_out;
            if single && at < input.len() {
                return Err(KernelError::corrupt(at, format!("{CODEC} zlib stream has {} bytes after its end", input.len() - at)));
            }
            if at < input.len() && !(input.len() - at >= 2 && input[at] == 0x1f && input[at + 1] == 0x8b) {
                return Err(KernelError::corrupt(at, format!("{CODEC} stream has {} bytes after its last member", input.len() - at)));
            }
        }
        Ok(produced)
    })
}

pub fn decompress_into(input: &[u8], out: &mut [u8]) -> Result<()> {
    if input.is_empty() {
        return check_filled(CODEC, 0, out.len());
    }
    let written = if input.len() >= 2 && input[0] == 0x1f && input[1] == 0x8b {
        decode_members(input, out, ld::libdeflate_gzip_decompress_ex, false)?
    } else if is_zlib_header(input) {
        decode_members(input, out, ld::libdeflate_zlib_decompress_ex, true)?
    } else {
        return Err(KernelError::corrupt(0, "GZIP stream starts with neither a gzip nor a zlib header"));
    };
    check_filled(CODEC, written, out.len())
}

/// GZIP by Parquetry's own DEFLATE compressor (crate::deflate), byte for byte what the
/// TypeScript build writes: a 10-byte header (no name, mtime 0, XFL 0, OS 255), the raw stream,
/// then CRC-32 and the length mod 2^32, little endian.
pub fn compress_into(input: &[u8], out: &mut [u8], level: u32) -> Result<usize> {
    if level > MAX_LEVEL {
        return Err(KernelError::invalid(format!("GZIP level {level} is outside 0..={MAX_LEVEL}")));
    }
    check_room(CODEC, out.len(), max_compressed_len(input.len()))?;
    out[..10].copy_from_slice(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
    let end = crate::deflate::deflate_into(input, out, 10, level as usize);
    out[end..end + 4].copy_from_slice(&crc32(input).to_le_bytes());
    out[end + 4..end + 8].copy_from_slice(&(input.len() as u32).to_le_bytes());
    Ok(end + 8)
}

/// CRC-32 (IEEE, reflected) of `bytes`, by libdeflate's folding implementation: Parquet page CRCs.
pub fn crc32(bytes: &[u8]) -> u32 {
    // SAFETY: libdeflate reads exactly `bytes.len()` bytes from a valid slice.
    unsafe { ld::libdeflate_crc32(0, bytes.as_ptr().cast(), bytes.len()) }
}

#[cfg(test)]
mod crc_tests {
    #[test]
    fn crc32_of_known_strings() {
        assert_eq!(super::crc32(b""), 0);
        assert_eq!(super::crc32(b"123456789"), 0xcbf4_3926);
        assert_eq!(super::crc32(b"The quick brown fox jumps over the lazy dog"), 0x414f_a339);
    }
}
