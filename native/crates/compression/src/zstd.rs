//! ZSTD: one or more frames, decompressed in one pass straight into the caller's buffer (no
//! window buffer is allocated in this mode, whatever window a frame declares).

use std::cell::RefCell;

use crate::output::{check_filled, check_room, corrupt, overflow};
use parquetry_kernels::{KernelError, Result};

const CODEC: &str = "ZSTD";
pub const DEFAULT_LEVEL: i32 = 3;

thread_local! {
    static DECOMPRESSOR: RefCell<Option<zstd::bulk::Decompressor<'static>>> = const { RefCell::new(None) };
    static COMPRESSOR: RefCell<Option<(i32, zstd::bulk::Compressor<'static>)>> = const { RefCell::new(None) };
}

pub fn max_compressed_len(n: usize) -> usize {
    zstd::zstd_safe::compress_bound(n)
}

pub fn level_range() -> (i32, i32) {
    let r = zstd::compression_level_range();
    (*r.start(), *r.end())
}

pub fn decompress_into(input: &[u8], out: &mut [u8]) -> Result<()> {
    if input.is_empty() {
        return check_filled(CODEC, 0, out.len());
    }
    let declared = out.len();
    let written = DECOMPRESSOR.with(|cell| -> Result<usize> {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = Some(zstd::bulk::Decompressor::new().map_err(|e| corrupt(CODEC, e))?);
        }
        slot.as_mut().unwrap().decompress_to_buffer(input, out).map_err(|e| {
            // zstd says "Destination buffer is too small" when the frames hold more than declared.
            if e.to_string().contains("too small") { overflow(CODEC, declared) } else { corrupt(CODEC, e) }
        })
    })?;
    check_filled(CODEC, written, declared)
}

pub fn compress_into(input: &[u8], out: &mut [u8], level: i32) -> Result<usize> {
    let (lo, hi) = level_range();
    if level < lo || level > hi {
        return Err(KernelError::invalid(format!("ZSTD level {level} is outside {lo}..={hi}")));
    }
    check_room(CODEC, out.len(), max_compressed_len(input.len()))?;
    COMPRESSOR.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.as_ref().map(|(l, _)| *l) != Some(level) {
            *slot = Some((level, zstd::bulk::Compressor::new(level).map_err(|e| corrupt(CODEC, e))?));
        }
        let compressor = &mut slot.as_mut().unwrap().1;
        compressor.compress_to_buffer(input, out).map_err(|e| corrupt(CODEC, e))
    })
}
