//! Parquetry's encoding kernels. Plain Rust over slices: no napi types here, so the kernels are
//! tested with `cargo test` and can be bound to other hosts. Every function checks its input and
//! returns a `KernelError` instead of panicking.

pub mod bit_packed_legacy;
pub mod bitpack;
pub mod bitpack64;
pub mod bloom;
pub mod byte_stream_split;
pub mod delta;
mod delta_prefix;
pub mod dictionary;
pub mod distinct;
#[cfg(target_arch = "x86_64")]
mod bitpack_avx2;
mod bitpack_scalar;
pub mod error;
pub mod levels;
pub mod plain;
pub mod rle_hybrid_decode;
pub mod rle_hybrid_encode;
pub mod simd;
pub mod value_range;
mod varint;
pub mod xxhash64;

pub use bit_packed_legacy::{decode_bit_packed, encode_bit_packed};
pub use error::{ErrorCode, KernelError, Result};
pub use rle_hybrid_decode::{decode_rle_hybrid, decode_rle_hybrid_at};
pub use rle_hybrid_encode::{
    encode_rle_hybrid, encode_rle_hybrid_at, encode_rle_hybrid_into, encode_rle_hybrid_into_at, encoded_size_bound, MAX_BIT_PACKED_GROUPS, MIN_RLE_RUN};
pub use simd::{available_levels, force_scalar, simd_level, SimdLevel};
