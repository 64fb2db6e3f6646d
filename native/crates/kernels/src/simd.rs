//! Run-time choice of the instruction set. Detected once and cached; `PARQUETRY_SIMD=scalar` or
//! `force_scalar(true)` pins the scalar kernels so tests cover both paths. The build machine's
//! CPU flags never decide: shipped binaries are compiled for the baseline target.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SimdLevel {
    Scalar,
    Avx2,
}

impl SimdLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            SimdLevel::Scalar => "scalar",
            SimdLevel::Avx2 => "avx2",
        }
    }
}

static DETECTED: OnceLock<SimdLevel> = OnceLock::new();
static FORCED_SCALAR: AtomicBool = AtomicBool::new(false);

fn detect() -> SimdLevel {
    if std::env::var("PARQUETRY_SIMD").map(|v| v.eq_ignore_ascii_case("scalar")).unwrap_or(false) {
        return SimdLevel::Scalar;
    }
    if avx2_available() {
        SimdLevel::Avx2
    } else {
        SimdLevel::Scalar
    }
}

/// Whether this CPU runs AVX2 (the standard library caches the CPUID answer).
pub fn avx2_available() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::is_x86_feature_detected!("avx2")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// Every level this CPU can run, scalar first (tests run each).
pub fn available_levels() -> Vec<SimdLevel> {
    let mut levels = vec![SimdLevel::Scalar];
    if avx2_available() {
        levels.push(SimdLevel::Avx2);
    }
    levels
}

/// The level the kernels use now.
pub fn simd_level() -> SimdLevel {
    if FORCED_SCALAR.load(Ordering::Relaxed) {
        SimdLevel::Scalar
    } else {
        *DETECTED.get_or_init(detect)
    }
}

/// Pins (or releases) the scalar kernels for every later call in this process.
pub fn force_scalar(on: bool) {
    FORCED_SCALAR.store(on, Ordering::Relaxed);
}
