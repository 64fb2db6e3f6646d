//! DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY.

use napi::bindgen_prelude::{BigInt64ArraySlice, Int32ArraySlice, Uint8Array, Uint8ArraySlice};
use napi::Result;
use napi_derive::napi;
use parquetry_kernels::delta;

use crate::to_js;

/// The value count a stream's header declares, checked against what the input can hold.
#[napi]
pub fn delta_binary_packed_count(bytes: Uint8ArraySlice) -> Result<u32> {
    Ok(delta::read_delta_header(&bytes).map_err(to_js)?.count as u32)
}

/// Decodes into `out` (exactly the header's count); returns the bytes consumed.
#[napi]
pub fn decode_delta_binary_packed_32(bytes: Uint8ArraySlice, mut out: Int32ArraySlice) -> Result<u32> {
    // SAFETY: JS cannot run during this synchronous call.
    let out = unsafe { out.as_mut() };
    Ok(delta::decode_delta_binary_packed_i32(&bytes, out).map_err(to_js)? as u32)
}

#[napi]
pub fn decode_delta_binary_packed_64(bytes: Uint8ArraySlice, mut out: BigInt64ArraySlice) -> Result<u32> {
    // SAFETY: as above.
    let out = unsafe { out.as_mut() };
    Ok(delta::decode_delta_binary_packed_i64(&bytes, out).map_err(to_js)? as u32)
}

#[napi]
pub fn encode_delta_binary_packed_32(values: Int32ArraySlice) -> Uint8Array {
    let mut out = Vec::new();
    delta::encode_delta_binary_packed_i32(&values, &mut out);
    Uint8Array::new(out)
}

#[napi]
pub fn encode_delta_binary_packed_64(values: BigInt64ArraySlice) -> Uint8Array {
    let mut out = Vec::new();
    delta::encode_delta_binary_packed_i64(&values, &mut out);
    Uint8Array::new(out)
}

/// Fills `offsets` (count + 1) from the lengths; returns [start, end) of the value bytes.
#[napi]
pub fn decode_delta_length_byte_array(bytes: Uint8ArraySlice, mut offsets: Int32ArraySlice) -> Result<Vec<u32>> {
    // SAFETY: as above.
    let offsets = unsafe { offsets.as_mut() };
    let (start, end) = delta::decode_delta_length_byte_array(&bytes, offsets).map_err(to_js)?;
    Ok(vec![start as u32, end as u32])
}

#[napi]
pub fn encode_delta_length_byte_array(offsets: Int32ArraySlice, bytes: Uint8ArraySlice) -> Result<Uint8Array> {
    let mut out = Vec::new();
    delta::encode_delta_length_byte_array(&offsets, &bytes, &mut out).map_err(to_js)?;
    Ok(Uint8Array::new(out))
}

/// The bytes `count` values take once rebuilt: the output to allocate before decodeDeltaByteArrayInto.
#[napi]
pub fn delta_byte_array_size(bytes: Uint8ArraySlice, count: u32) -> Result<u32> {
    Ok(delta::delta_byte_array_size(&bytes, count as usize).map_err(to_js)? as u32)
}

/// Rebuilds the values into `out` and `offsets` (count + 1); returns the input bytes consumed.
#[napi]
pub fn decode_delta_byte_array_into(bytes: Uint8ArraySlice, mut offsets: Int32ArraySlice, mut out: Uint8ArraySlice) -> Result<u32> {
    // SAFETY: JS cannot run during this synchronous call.
    let (offsets, out) = unsafe { (offsets.as_mut(), out.as_mut()) };
    Ok(delta::decode_delta_byte_array_into(&bytes, offsets, out).map_err(to_js)? as u32)
}

#[napi]
pub fn encode_delta_byte_array(offsets: Int32ArraySlice, bytes: Uint8ArraySlice) -> Result<Uint8Array> {
    let mut out = Vec::new();
    delta::encode_delta_byte_array(&offsets, &bytes, &mut out).map_err(to_js)?;
    Ok(Uint8Array::new(out))
}
