//! LSB-first bit packing (the RLE/bit-packing hybrid's bit-packed runs): picks the kernel for a bit
//! width at the SIMD level in force, once per run, not per value.

pub use crate::bitpack_scalar::{PackFn, UnpackFn};
use crate::simd::{simd_level, SimdLevel};

/// The unpacker for `width` (0..=32) at the SIMD level in force.
pub fn unpacker(width: usize) -> UnpackFn {
    unpacker_at(simd_level(), width)
}

/// The unpacker for `width` at a given level; a level this CPU lacks falls back to scalar.
pub fn unpacker_at(level: SimdLevel, width: usize) -> UnpackFn {
    match level {
        #[cfg(target_arch = "x86_64")]
        SimdLevel::Avx2 if crate::simd::avx2_available() => crate::bitpack_avx2::UNPACK[width],
        _ => crate::bitpack_scalar::UNPACK[width],
    }
}

/// The packer for `width` (0..=32) at the SIMD level in force.
pub fn packer(width: usize) -> PackFn {
    packer_at(simd_level(), width)
}

pub fn packer_at(level: SimdLevel, width: usize) -> PackFn {
    match level {
        #[cfg(target_arch = "x86_64")]
        SimdLevel::Avx2 if crate::simd::avx2_available() => crate::bitpack_avx2::PACK[width],
        _ => crate::bitpack_scalar::PACK[width],
    }
}
