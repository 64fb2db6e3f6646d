//! The dictionary encoder's hash-table loops over the TypeScript encoder's buffers. `state` is
//! [count, plainBytes, limit, stop] in and out: stop 0 when done or stopped for a buffer to grow,
//! 1 when the value at the returned index took the dictionary past the limit. Each returns the
//! index of the first value not done (the value count when all are).

use napi::bindgen_prelude::{Float64ArraySlice, Int32ArraySlice, Uint8ArraySlice};
use napi::{Error, Result};
use napi_derive::napi;
use parquetry_kernels::distinct::{self, Stop, Table};

use crate::to_js;

fn run(state: &mut Float64ArraySlice, slots: &mut Int32ArraySlice, hashes: &mut Int32ArraySlice, f: impl FnOnce(&mut Table) -> Result<(usize, Stop)>) -> Result<u32> {
    // SAFETY: JS cannot run during this synchronous call; the buffers are distinct typed arrays.
    let state = unsafe { state.as_mut() };
    if state.len() < 4 || !(state[0] >= 0.0 && state[0] <= u32::MAX as f64) {
        return Err(Error::from_reason("INVALID_ARGUMENT@-: the dictionary state is [count, plainBytes, limit, stop]"));
    }
    let mut table = Table { slots: unsafe { slots.as_mut() }, hashes: unsafe { hashes.as_mut() }, count: state[0] as usize, plain_bytes: state[1], limit: state[2] };
    let (k, stop) = f(&mut table)?;
    state[0] = table.count as f64;
    state[1] = table.plain_bytes;
    state[3] = if matches!(stop, Stop::Limit(_)) { 1.0 } else { 0.0 };
    Ok(k as u32)
}

#[napi]
pub fn dictionary_add32(values: Int32ArraySlice, from: u32, mut slots: Int32ArraySlice, mut hashes: Int32ArraySlice, mut words: Int32ArraySlice, mut out: Int32ArraySlice, at: u32, mut state: Float64ArraySlice) -> Result<u32> {
    // SAFETY: as above.
    let (words, out) = unsafe { (words.as_mut(), out.as_mut()) };
    run(&mut state, &mut slots, &mut hashes, |t| distinct::add32(&values, from as usize, t, words, out, at as usize).map_err(to_js))
}

#[napi]
pub fn dictionary_add64(pairs: Int32ArraySlice, from: u32, mut slots: Int32ArraySlice, mut hashes: Int32ArraySlice, mut words: Int32ArraySlice, mut out: Int32ArraySlice, at: u32, mut state: Float64ArraySlice) -> Result<u32> {
    // SAFETY: as above.
    let (words, out) = unsafe { (words.as_mut(), out.as_mut()) };
    run(&mut state, &mut slots, &mut hashes, |t| distinct::add64(&pairs, from as usize, t, words, out, at as usize).map_err(to_js))
}

#[napi]
#[allow(clippy::too_many_arguments)]
pub fn dictionary_add_byte_arrays(
    offsets: Int32ArraySlice,
    bytes: Uint8ArraySlice,
    from: u32,
    mut slots: Int32ArraySlice,
    mut hashes: Int32ArraySlice,
    mut entry_offsets: Int32ArraySlice,
    mut store: Uint8ArraySlice,
    mut out: Int32ArraySlice,
    at: u32,
    mut state: Float64ArraySlice,
) -> Result<u32> {
    // SAFETY: as above.
    let (entry_offsets, store, out) = unsafe { (entry_offsets.as_mut(), store.as_mut(), out.as_mut()) };
    run(&mut state, &mut slots, &mut hashes, |t| distinct::add_byte_arrays(&offsets, &bytes, from as usize, t, entry_offsets, store, out, at as usize).map_err(to_js))
}
