//! Min and max of a page's numbers for column statistics (NaN left out); false when none counts.

use napi::bindgen_prelude::{BigInt64ArraySlice, Float64ArraySlice, Int32ArraySlice, Uint8ArraySlice};
use napi::{Error, Result};
use napi_derive::napi;
use parquetry_kernels::value_range;

/// The bytes of a typed array as `T`s; its alignment is the typed array's own.
fn typed<T>(bytes: &[u8]) -> Result<&[T]> {
    // SAFETY: every bit pattern is a valid i32, u32, f32 or f64.
    let (head, body, tail) = unsafe { bytes.align_to::<T>() };
    if !head.is_empty() || !tail.is_empty() {
        return Err(Error::from_reason("INVALID_ARGUMENT@-: values are not whole, aligned numbers"));
    }
    Ok(body)
}

/// `out` when it holds a pair.
fn pair<T>(out: &mut [T]) -> Result<&mut [T]> {
    if out.len() < 2 {
        return Err(Error::from_reason("INVALID_ARGUMENT@-: the output holds fewer than 2 numbers"));
    }
    Ok(out)
}

/// Writes the range into `out`; false when there is none.
fn put<T>(out: &mut [T], range: Option<(T, T)>) -> bool {
    match range {
        Some((a, b)) => {
            out[0] = a;
            out[1] = b;
            true
        }
        None => false,
    }
}

fn wide<T: Into<f64>>(range: Option<(T, T)>) -> Option<(f64, f64)> {
    range.map(|(a, b)| (a.into(), b.into()))
}

/// `kind`: int32, uint32 (the same bytes read unsigned), float or double; `out` gets min and max.
#[napi]
pub fn value_range(kind: String, values: Uint8ArraySlice, mut out: Float64ArraySlice) -> Result<bool> {
    // SAFETY: JS cannot run during this synchronous call.
    let out = pair(unsafe { out.as_mut() })?;
    Ok(match kind.as_str() {
        "int32" => put(out, wide(value_range::range_i32(typed(&values)?))),
        "uint32" => put(out, wide(value_range::range_u32(typed(&values)?))),
        "float" => put(out, wide(value_range::range_f32(typed(&values)?))),
        "double" => put(out, value_range::range_f64(typed(&values)?)),
        _ => return Err(Error::from_reason(format!("INVALID_ARGUMENT@-: unknown kind {kind}"))),
    })
}

/// 64-bit integers, signed or unsigned; `out` gets min and max (as stored: unsigned ones wrap).
#[napi]
pub fn value_range64(values: BigInt64ArraySlice, unsigned: bool, mut out: BigInt64ArraySlice) -> Result<bool> {
    // SAFETY: as above.
    let out = pair(unsafe { out.as_mut() })?;
    let range = if unsigned {
        // SAFETY: i64 and u64 share size and alignment.
        let u = unsafe { std::slice::from_raw_parts(values.as_ptr().cast::<u64>(), values.len()) };
        value_range::range_u64(u).map(|(a, b)| (a as i64, b as i64))
    } else {
        value_range::range_i64(&values)
    };
    Ok(put(out, range))
}

/// Indices of the least and the greatest byte string (unsigned order) into `out`; false when none.
#[napi]
pub fn byte_array_range(offsets: Int32ArraySlice, bytes: Uint8ArraySlice, mut out: Int32ArraySlice) -> Result<bool> {
    // SAFETY: as above.
    let out = pair(unsafe { out.as_mut() })?;
    let range = value_range::range_byte_arrays(&offsets, &bytes).map_err(crate::to_js)?;
    Ok(put(out, range.map(|(a, b)| (a as i32, b as i32))))
}
