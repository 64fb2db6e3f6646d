//! RLE/bit-packing hybrid and BIT_PACKED.

use napi::bindgen_prelude::{Int32ArraySlice, Uint8Array, Uint8ArraySlice};
use napi::{Error, Result};
use napi_derive::napi;
use parquetry_kernels as kernels;

use crate::{as_u32, as_u32_ref, to_js};

/// Decodes `out.length` values into `out`; returns the bytes consumed.
#[napi]
pub fn decode_rle_hybrid(bytes: Uint8ArraySlice, bit_width: u32, mut out: Int32ArraySlice) -> Result<u32> {
    let used = kernels::decode_rle_hybrid(&bytes, bit_width, as_u32(&mut out)).map_err(to_js)?;
    Ok(used as u32)
}

#[napi]
pub fn encode_rle_hybrid(values: Int32ArraySlice, bit_width: u32, length_prefixed: bool) -> Result<Uint8Array> {
    let bytes = kernels::encode_rle_hybrid(as_u32_ref(&values), bit_width, length_prefixed).map_err(to_js)?;
    Ok(Uint8Array::new(bytes))
}

/// Encodes into `out` from `offset` (a buffer reused across pages); returns the bytes written.
#[napi]
pub fn encode_rle_hybrid_into(values: Int32ArraySlice, bit_width: u32, mut out: Uint8ArraySlice, offset: u32) -> Result<u32> {
    // SAFETY: as in `as_u32`.
    let out = unsafe { out.as_mut() };
    let offset = offset as usize;
    if offset > out.len() {
        return Err(Error::from_reason(format!("INVALID_ARGUMENT@-: offset {offset} is past the output's {} bytes", out.len())));
    }
    let written = kernels::encode_rle_hybrid_into(as_u32_ref(&values), bit_width, &mut out[offset..]).map_err(to_js)?;
    Ok(written as u32)
}

/// Decodes `out.length` deprecated BIT_PACKED values; returns the bytes consumed.
#[napi]
pub fn decode_bit_packed(bytes: Uint8ArraySlice, bit_width: u32, mut out: Int32ArraySlice) -> Result<u32> {
    let used = kernels::decode_bit_packed(&bytes, bit_width, as_u32(&mut out)).map_err(to_js)?;
    Ok(used as u32)
}

#[napi]
pub fn encode_bit_packed(values: Int32ArraySlice, bit_width: u32) -> Result<Uint8Array> {
    let bytes = kernels::encode_bit_packed(as_u32_ref(&values), bit_width).map_err(to_js)?;
    Ok(Uint8Array::new(bytes))
}

