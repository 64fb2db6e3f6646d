//! PLAIN: bit-packed booleans and length-prefixed byte arrays.

use napi::bindgen_prelude::{Int32ArraySlice, Uint8Array, Uint8ArraySlice};
use napi::Result;
use napi_derive::napi;
use parquetry_kernels::plain;

use crate::to_js;

/// Unpacks `out.length` booleans (0/1 bytes) from bit `bitOffset`; returns the bytes spanned.
#[napi]
pub fn decode_plain_booleans(bytes: Uint8ArraySlice, bit_offset: u32, mut out: Uint8ArraySlice) -> Result<u32> {
    // SAFETY: JS cannot run during this synchronous call.
    let out = unsafe { out.as_mut() };
    Ok(plain::decode_plain_booleans(&bytes, bit_offset as usize, out).map_err(to_js)? as u32)
}

#[napi]
pub fn encode_plain_booleans(values: Uint8ArraySlice) -> Result<Uint8Array> {
    Ok(Uint8Array::new(plain::encode_plain_booleans(&values).map_err(to_js)?))
}

/// Fills `offsets` (count + 1) from the length prefixes; returns the input bytes spanned.
#[napi]
pub fn scan_plain_byte_arrays(bytes: Uint8ArraySlice, mut offsets: Int32ArraySlice) -> Result<u32> {
    // SAFETY: as above.
    let offsets = unsafe { offsets.as_mut() };
    Ok(plain::scan_plain_byte_arrays(&bytes, offsets).map_err(to_js)? as u32)
}

/// Copies the scanned values' bytes into `out` (offsets[count] bytes).
#[napi]
pub fn gather_plain_byte_arrays(bytes: Uint8ArraySlice, offsets: Int32ArraySlice, mut out: Uint8ArraySlice) -> Result<()> {
    // SAFETY: as above.
    let out = unsafe { out.as_mut() };
    plain::gather_plain_byte_arrays(&bytes, &offsets, out).map_err(to_js)
}

#[napi]
pub fn encode_plain_byte_arrays(offsets: Int32ArraySlice, bytes: Uint8ArraySlice) -> Result<Uint8Array> {
    Ok(Uint8Array::new(plain::encode_plain_byte_arrays(&offsets, &bytes).map_err(to_js)?))
}

/// Encodes into `out` from `offset` (a buffer reused across pages); returns the bytes written.
#[napi]
pub fn encode_plain_byte_arrays_into(offsets: Int32ArraySlice, bytes: Uint8ArraySlice, mut out: Uint8ArraySlice, offset: u32) -> Result<u32> {
    // SAFETY: as above.
    let out = unsafe { out.as_mut() };
    let offset = offset as usize;
    if offset > out.len() {
        return Err(napi::Error::from_reason(format!("INVALID_ARGUMENT@-: offset {offset} is past the output's {} bytes", out.len())));
    }
    Ok(plain::encode_plain_byte_arrays_into(&offsets, &bytes, &mut out[offset..]).map_err(to_js)? as u32)
}
