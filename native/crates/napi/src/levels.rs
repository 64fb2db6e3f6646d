//! Definition levels of a column without repetition: the count of values, and the values spread
//! over every slot with a validity bitmap.

use napi::bindgen_prelude::{Int32ArraySlice, Uint8ArraySlice};
use napi::Result;
use napi_derive::napi;
use parquetry_kernels::levels;

use crate::{as_u32, as_u32_ref, to_js};

/// How many levels equal `value`; CORRUPT naming the first level outside 0..=max (`what` names the levels).
#[napi]
pub fn levels_count_at(levels: Int32ArraySlice, max: i32, value: i32, what: String) -> Result<u32> {
    Ok(levels::count_at(&levels, max, value, &what).map_err(to_js)? as u32)
}

/// Positions of the levels that are 0, into `out` while it has room; returns how many there are.
#[napi]
pub fn levels_zero_positions(levels: Int32ArraySlice, mut out: Int32ArraySlice) -> u32 {
    // SAFETY: JS cannot run during this synchronous call.
    levels::zero_positions(&levels, unsafe { out.as_mut() }) as u32
}

/// Spreads `values` (`words` 32-bit words each) over one slot per level into `out`, zero where the
/// level is below `max`, and fills `bitmap`; returns the values placed.
#[napi]
pub fn scatter_by_levels(levels: Int32ArraySlice, max: i32, values: Int32ArraySlice, words: u32, mut out: Int32ArraySlice, mut bitmap: Uint8ArraySlice) -> Result<u32> {
    // SAFETY: JS cannot run during this synchronous call.
    let bitmap = unsafe { bitmap.as_mut() };
    Ok(levels::scatter_by_levels(&levels, max, as_u32_ref(&values), words as usize, as_u32(&mut out), bitmap).map_err(to_js)? as u32)
}
