//! The checks every codec applies to the caller's output buffer.

use parquetry_kernels::{ErrorCode, KernelError, Result};

/// A decoder produced `written` bytes into a buffer of the declared size `declared`.
pub fn check_filled(codec: &str, written: usize, declared: usize) -> Result<()> {
    if written == declared {
        return Ok(());
    }
    Err(KernelError::new(
        ErrorCode::Corrupt,
        None,
        format!("{codec} stream holds {written} bytes but the page declares {declared}"),
    ))
}

/// An encoder is given `given` bytes of output where the worst case needs `bound`.
pub fn check_room(codec: &str, given: usize, bound: usize) -> Result<()> {
    if given >= bound {
        return Ok(());
    }
    Err(KernelError::invalid(format!(
        "{codec} output holds {given} bytes but compressing may need {bound}"
    )))
}

/// More output than declared: what a decompression bomb looks like from here.
pub fn overflow(codec: &str, declared: usize) -> KernelError {
    KernelError::new(
        ErrorCode::Corrupt,
        None,
        format!("{codec} stream decompresses to more than the declared {declared} bytes"),
    )
}

pub fn corrupt(codec: &str, detail: impl std::fmt::Display) -> KernelError {
    KernelError::new(ErrorCode::Corrupt, None, format!("{codec} stream is corrupt: {detail}"))
}

pub fn truncated(codec: &str, at: usize) -> KernelError {
    KernelError::truncated(at, format!("{codec} stream ends early"))
}
