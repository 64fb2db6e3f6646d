//! BYTE_STREAM_SPLIT: the transpose both ways, into a buffer the caller allocated.

use napi::bindgen_prelude::Uint8ArraySlice;
use napi::Result;
use napi_derive::napi;
use parquetry_kernels::byte_stream_split;

use crate::to_js;

#[napi]
pub fn decode_byte_stream_split(bytes: Uint8ArraySlice, width: u32, mut out: Uint8ArraySlice) -> Result<()> {
    // SAFETY: JS cannot run during this synchronous call.
    let out = unsafe { out.as_mut() };
    byte_stream_split::decode_byte_stream_split(&bytes, width as usize, out).map_err(to_js)
}

#[napi]
pub fn encode_byte_stream_split(bytes: Uint8ArraySlice, width: u32, mut out: Uint8ArraySlice) -> Result<()> {
    // SAFETY: as above.
    let out = unsafe { out.as_mut() };
    byte_stream_split::encode_byte_stream_split(&bytes, width as usize, out).map_err(to_js)
}
