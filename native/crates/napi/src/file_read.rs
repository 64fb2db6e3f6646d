//! Reads that the page cache can satisfy, done on the calling thread: a point lookup makes a few
//! small reads, and each through Node's thread pool costs a round trip to a pool thread and back
//! that is longer than the copy. preadv2 with RWF_NOWAIT copies what is cached and never waits for
//! the disk: it fails with EAGAIN instead, and the caller goes through the pool.

use napi::bindgen_prelude::Uint8ArraySlice;
use napi::{Error, Result};
use napi_derive::napi;

/// `readCached` could not read now (nothing cached at `position`, or an error the thread-pool
/// read will report): read through the pool.
const NOT_NOW: f64 = -1.0;
/// This system or file cannot read without waiting (no RWF_NOWAIT): stop asking.
const UNSUPPORTED: f64 = -2.0;

/// Reads into all of `out` from file descriptor `fd` at `position` what the page cache holds,
/// without waiting for the disk. Returns the bytes read (0 at the end of the file; fewer than
/// asked when only the first part is cached), -1 when nothing can be read now, -2 when the
/// system cannot read this way at all.
#[napi]
pub fn read_cached(fd: i32, mut out: Uint8ArraySlice, position: f64) -> Result<f64> {
    if fd < 0 || !(position >= 0.0 && position <= 9_007_199_254_740_991.0) || position.fract() != 0.0 {
        return Err(Error::from_reason(format!(
            "INVALID_ARGUMENT@-: readCached needs a descriptor and a position, got {fd} and {position}"
        )));
    }
    // SAFETY: JS cannot run during this synchronous call.
    let out = unsafe { out.as_mut() };
    Ok(read_nowait(fd, out, position as i64))
}

#[cfg(target_os = "linux")]
fn read_nowait(fd: i32, out: &mut [u8], position: i64) -> f64 {
    if out.is_empty() {
        return 0.0;
    }
    let iov = libc::iovec {
        iov_base: out.as_mut_ptr().cast(),
        iov_len: out.len(),
    };
    // SAFETY: the iovec names `out`, which outlives the call; the kernel writes at most its length.
    let n = unsafe { libc::preadv2(fd, &iov, 1, position, libc::RWF_NOWAIT) };
    if n >= 0 {
        return n as f64;
    }
    match std::io::Error::last_os_error().raw_os_error() {
        Some(libc::EOPNOTSUPP) | Some(libc::ENOSYS) => UNSUPPORTED,
        _ => NOT_NOW,
    }
}

#[cfg(not(target_os = "linux"))]
fn read_nowait(_fd: i32, _out: &mut [u8], _position: i64) -> f64 {
    UNSUPPORTED
}
