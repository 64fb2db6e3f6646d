//! The napi-rs binding: thin wrappers that move whole buffers across the boundary and turn a
//! `KernelError` into a JS Error whose message the TypeScript side parses back into a
//! ParquetryError. No logic lives here.

use napi::bindgen_prelude::Int32ArraySlice;
use napi::Error;
use napi_derive::napi;
use parquetry_kernels as kernels;

mod bloom;
mod byte_stream_split;
mod compression;
mod delta;
mod dictionary;
mod distinct;
mod file_read;
mod levels;
mod plain;
mod rle;
mod value_range;

pub(crate) fn to_js(e: kernels::KernelError) -> Error {
    Error::from_reason(e.to_string())
}

/// The i32 output as the u32 slice the kernels write; same size and alignment.
pub(crate) fn as_u32<'a>(out: &'a mut Int32ArraySlice<'_>) -> &'a mut [u32] {
    // SAFETY: JS cannot run while this synchronous call holds the slice; i32 and u32 share layout.
    let s = unsafe { out.as_mut() };
    unsafe { std::slice::from_raw_parts_mut(s.as_mut_ptr().cast::<u32>(), s.len()) }
}

pub(crate) fn as_u32_ref<'a>(values: &'a Int32ArraySlice<'_>) -> &'a [u32] {
    // SAFETY: as above, read-only.
    unsafe { std::slice::from_raw_parts(values.as_ptr().cast::<u32>(), values.len()) }
}

/// The instruction set the kernels use now: `avx2` or `scalar`.
#[napi]
pub fn simd_level() -> &'static str {
    kernels::simd_level().as_str()
}

/// Pins the scalar kernels (true) or returns to the detected level (false).
#[napi]
pub fn force_scalar(on: bool) {
    kernels::force_scalar(on)
}
