//! Dictionary gathers: 4- and 8-byte values as words, other widths as bytes, byte arrays as
//! (offsets, bytes).

use napi::bindgen_prelude::{Float64ArraySlice, Int32ArraySlice, Uint8ArraySlice};
use napi::Result;
use napi_derive::napi;
use parquetry_kernels::dictionary;

use crate::{as_u32, as_u32_ref, to_js};

/// 4-byte values (any 4-byte type viewed as an Int32Array).
#[napi]
pub fn gather_dictionary_32(dictionary: Int32ArraySlice, indices: Int32ArraySlice, mut out: Int32ArraySlice) -> Result<()> {
    dictionary::gather_u32(as_u32_ref(&dictionary), &indices, as_u32(&mut out)).map_err(to_js)
}

/// 8-byte values (any 8-byte type viewed as a Float64Array: only bits are moved, never numbers).
#[napi]
pub fn gather_dictionary_64(dictionary: Float64ArraySlice, indices: Int32ArraySlice, mut out: Float64ArraySlice) -> Result<()> {
    // SAFETY: f64 and u64 share layout; JS cannot run during this synchronous call.
    let dict = unsafe { std::slice::from_raw_parts(dictionary.as_ptr().cast::<u64>(), dictionary.len()) };
    let out = unsafe { out.as_mut() };
    let out = unsafe { std::slice::from_raw_parts_mut(out.as_mut_ptr().cast::<u64>(), out.len()) };
    dictionary::gather_u64(dict, &indices, out).map_err(to_js)
}

#[napi]
pub fn gather_dictionary_fixed(dictionary: Uint8ArraySlice, width: u32, indices: Int32ArraySlice, mut out: Uint8ArraySlice) -> Result<()> {
    // SAFETY: as above.
    let out = unsafe { out.as_mut() };
    dictionary::gather_fixed_width(&dictionary, width as usize, &indices, out).map_err(to_js)
}

/// Fills `outOffsets` (indices.length + 1) and returns the bytes the gathered values take.
#[napi]
pub fn gather_dictionary_byte_array_offsets(
    dictionary_offsets: Int32ArraySlice,
    dictionary_byte_length: u32,
    indices: Int32ArraySlice,
    mut out_offsets: Int32ArraySlice,
) -> Result<u32> {
    // SAFETY: JS cannot run during this synchronous call.
    let out_offsets = unsafe { out_offsets.as_mut() };
    let total = dictionary::gather_byte_array_offsets(&dictionary_offsets, dictionary_byte_length as usize, &indices, out_offsets).map_err(to_js)?;
    Ok(total as u32)
}

/// Copies the gathered values into `out` (the total the offsets pass returned).
#[napi]
pub fn gather_dictionary_byte_array_bytes(
    dictionary_offsets: Int32ArraySlice,
    dictionary_bytes: Uint8ArraySlice,
    indices: Int32ArraySlice,
    mut out: Uint8ArraySlice,
) -> Result<()> {
    // SAFETY: as above.
    let out = unsafe { out.as_mut() };
    dictionary::gather_byte_array_bytes(&dictionary_offsets, &dictionary_bytes, &indices, out).map_err(to_js)
}

/// A dictionary-encoded page of 4-byte values: bit-width byte, indices, gather, in one call.
#[napi]
pub fn decode_dictionary_page_32(bytes: Uint8ArraySlice, dictionary: Int32ArraySlice, mut out: Int32ArraySlice) -> Result<()> {
    dictionary::decode_gather(&bytes, as_u32_ref(&dictionary), as_u32(&mut out)).map_err(to_js)
}

/// As decode_dictionary_page_32 for 8-byte values (viewed as a Float64Array: only bits move).
#[napi]
pub fn decode_dictionary_page_64(bytes: Uint8ArraySlice, dictionary: Float64ArraySlice, mut out: Float64ArraySlice) -> Result<()> {
    // SAFETY: f64 and u64 share layout; JS cannot run during this synchronous call.
    let dict = unsafe { std::slice::from_raw_parts(dictionary.as_ptr().cast::<u64>(), dictionary.len()) };
    let out = unsafe { out.as_mut() };
    let out = unsafe { std::slice::from_raw_parts_mut(out.as_mut_ptr().cast::<u64>(), out.len()) };
    dictionary::decode_gather(&bytes, dict, out).map_err(to_js)
}
