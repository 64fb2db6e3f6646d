//! Split block Bloom filters and XXH64: a column chunk's values hashed in one call, its hashes
//! inserted or checked in one more, into buffers the caller allocated.

use napi::bindgen_prelude::{BigInt, BigUint64ArraySlice, Int32ArraySlice, Uint8ArraySlice};
use napi::Result;
use napi_derive::napi;
use parquetry_kernels::{bloom, xxhash64 as xxh, KernelError};

use crate::to_js;

fn seed_of(seed: &BigInt) -> Result<u64> {
    match seed.get_u64() {
        (false, value, true) => Ok(value),
        _ => Err(to_js(KernelError::invalid("the seed is not an integer in [0, 2^64)"))),
    }
}

/// XXH64 of `bytes` with `seed` (0 to 2^64 - 1).
#[napi]
pub fn xxhash64(bytes: Uint8ArraySlice, seed: BigInt) -> Result<BigInt> {
    Ok(BigInt::from(xxh::xxhash64(&bytes, seed_of(&seed)?)))
}

/// One XXH64 per `width`-byte value of `bytes` into `out` (exactly bytes.length / width).
#[napi]
pub fn xxhash64_fixed_width(bytes: Uint8ArraySlice, width: u32, seed: BigInt, mut out: BigUint64ArraySlice) -> Result<()> {
    let seed = seed_of(&seed)?;
    // SAFETY: JS cannot run during this synchronous call.
    let out = unsafe { out.as_mut() };
    xxh::xxhash64_fixed_width(&bytes, width as usize, seed, out).map_err(to_js)
}

/// One XXH64 per value of an (offsets, bytes) pair into `out` (offsets.length - 1).
#[napi]
pub fn xxhash64_byte_arrays(offsets: Int32ArraySlice, bytes: Uint8ArraySlice, seed: BigInt, mut out: BigUint64ArraySlice) -> Result<()> {
    let seed = seed_of(&seed)?;
    // SAFETY: as above.
    let out = unsafe { out.as_mut() };
    xxh::xxhash64_byte_arrays(&offsets, &bytes, seed, out).map_err(to_js)
}

/// Sets the bits of every hash in `bitset` (whole 32-byte blocks).
#[napi]
pub fn bloom_insert_hashes(mut bitset: Uint8ArraySlice, hashes: BigUint64ArraySlice) -> Result<()> {
    // SAFETY: as above.
    let bitset = unsafe { bitset.as_mut() };
    bloom::bloom_insert_hashes(bitset, &hashes).map_err(to_js)
}

/// `out[i]` = 1 where hash i may be in the filter, 0 where it is certainly not.
#[napi]
pub fn bloom_check_hashes(bitset: Uint8ArraySlice, hashes: BigUint64ArraySlice, mut out: Uint8ArraySlice) -> Result<()> {
    // SAFETY: as above.
    let out = unsafe { out.as_mut() };
    bloom::bloom_check_hashes(&bitset, &hashes, out).map_err(to_js)
}
