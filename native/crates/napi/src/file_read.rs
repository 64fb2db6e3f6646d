//! Opens and reads that the kernel's caches can satisfy, done on the calling thread: a point lookup
//! opens a file and makes a few small reads, and each through Node's thread pool costs a round trip
//! to a pool thread and back that is longer than the work. Both calls here never wait for the disk
//! (they fail with EAGAIN instead, and the caller goes through the pool), as io_uring's inline
//! attempts do: openat2 with RESOLVE_CACHED and O_NONBLOCK, preadv2 with RWF_NOWAIT.

use napi::bindgen_prelude::{Float64ArraySlice, Uint8ArraySlice};
use napi::{Error, Result};
use napi_derive::napi;

/// `readCached` could not read now (nothing cached at `position`, or an error the thread-pool
/// read will report): read through the pool.
const NOT_NOW: f64 = -1.0;
/// This system cannot open or read without waiting (no openat2 RESOLVE_CACHED, no preadv2): stop asking.
const UNSUPPORTED: f64 = -2.0;
/// This file's file system cannot read without waiting (RWF_NOWAIT refused): stop asking for it.
const NOT_THIS_FILE: f64 = -3.0;

/// Reads into all of `out` from file descriptor `fd` at `position` what the page cache holds,
/// without waiting for the disk. Returns the bytes read (0 at the end of the file; fewer than
/// asked when only the first part is cached), -1 when nothing can be read now, -2 when the
/// system cannot read this way at all, -3 when this file's file system cannot.
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

/// Opens `path` read-only if every component of it is in the kernel's lookup cache and the open
/// need not wait (a FIFO without a writer, a lease to break). Returns the descriptor (close-on-exec,
/// blocking reads) of a regular file and writes its size to `size[0]`; -1 when it cannot be opened
/// now or is not a regular file (the pool's open says why), -2 when the system cannot open this way.
#[napi]
pub fn open_cached(path: String, mut size: Float64ArraySlice) -> Result<f64> {
    // SAFETY: JS cannot run during this synchronous call.
    let size = unsafe { size.as_mut() };
    if size.is_empty() {
        return Err(Error::from_reason("INVALID_ARGUMENT@-: openCached needs a Float64Array for the size"));
    }
    let (fd, bytes) = open_nowait(&path);
    size[0] = bytes;
    Ok(fd)
}

/// The kernel's `struct open_how` (libc's cannot be built outside libc).
#[cfg(target_os = "linux")]
#[repr(C)]
struct OpenHow {
    flags: u64,
    mode: u64,
    resolve: u64,
}

/// The descriptor (or NOT_NOW, UNSUPPORTED) and the file's size.
#[cfg(target_os = "linux")]
fn open_nowait(path: &str) -> (f64, f64) {
    let Ok(c_path) = std::ffi::CString::new(path) else {
        return (NOT_NOW, 0.0);
    };
    let how = OpenHow {
        flags: (libc::O_RDONLY | libc::O_CLOEXEC | libc::O_NOCTTY | libc::O_NONBLOCK) as u64,
        mode: 0,
        resolve: libc::RESOLVE_CACHED,
    };
    // SAFETY: a NUL-terminated path and an open_how of the size passed, both alive for the call.
    let fd = unsafe {
        libc::syscall(
            libc::SYS_openat2,
            libc::AT_FDCWD as libc::c_long,
            c_path.as_ptr(),
            &how as *const OpenHow,
            std::mem::size_of::<OpenHow>(),
        )
    };
    if fd < 0 {
        let why = match std::io::Error::last_os_error().raw_os_error() {
            // No openat2 (before Linux 5.6), or no RESOLVE_CACHED (before 5.12).
            Some(libc::ENOSYS) | Some(libc::EINVAL) | Some(libc::E2BIG) => UNSUPPORTED,
            _ => NOT_NOW,
        };
        return (why, 0.0);
    }
    let fd = fd as i32;
    // SAFETY: fstat and fcntl on the descriptor just opened; `stat` is plain data.
    unsafe {
        let mut stat: libc::stat = std::mem::zeroed();
        let regular = libc::fstat(fd, &mut stat) == 0 && (stat.st_mode & libc::S_IFMT) == libc::S_IFREG;
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if !regular || flags < 0 || libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) < 0 {
            libc::close(fd);
            return (NOT_NOW, 0.0);
        }
        (fd as f64, stat.st_size as f64)
    }
}

#[cfg(not(target_os = "linux"))]
fn open_nowait(_path: &str) -> (f64, f64) {
    (UNSUPPORTED, 0.0)
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
        Some(libc::ENOSYS) => UNSUPPORTED,
        Some(libc::EOPNOTSUPP) => NOT_THIS_FILE,
        _ => NOT_NOW,
    }
}

#[cfg(not(target_os = "linux"))]
fn read_nowait(_fd: i32, _out: &mut [u8], _position: i64) -> f64 {
    UNSUPPORTED
}
