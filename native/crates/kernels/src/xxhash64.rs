//! XXH64, the hash of Parquet's Bloom filters (BloomFilter.md "Hash Function": XXH64, seed 0,
//! xxHash specification 0.1.1), written from that specification: four accumulators over 32-byte
//! stripes, then 8-, 4- and 1-byte tails, then the avalanche. The batch forms hash one value per
//! output slot, as a column chunk's values are hashed before they reach a filter.

use crate::error::{KernelError, Result};

const PRIME64_1: u64 = 0x9E37_79B1_85EB_CA87;
const PRIME64_2: u64 = 0xC2B2_AE3D_27D4_EB4F;
const PRIME64_3: u64 = 0x1656_67B1_9E37_79F9;
const PRIME64_4: u64 = 0x85EB_CA77_C2B2_AE63;
const PRIME64_5: u64 = 0x27D4_EB2F_1656_67C5;

#[inline(always)]
fn round(acc: u64, lane: u64) -> u64 {
    acc.wrapping_add(lane.wrapping_mul(PRIME64_2)).rotate_left(31).wrapping_mul(PRIME64_1)
}

#[inline(always)]
fn merge_accumulator(acc: u64, lane_acc: u64) -> u64 {
    (acc ^ round(0, lane_acc)).wrapping_mul(PRIME64_1).wrapping_add(PRIME64_4)
}

#[inline(always)]
fn avalanche(mut acc: u64) -> u64 {
    acc ^= acc >> 33;
    acc = acc.wrapping_mul(PRIME64_2);
    acc ^= acc >> 29;
    acc = acc.wrapping_mul(PRIME64_3);
    acc ^ (acc >> 32)
}

#[inline(always)]
fn read_u64(bytes: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap())
}

#[inline(always)]
fn read_u32(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap())
}

/// The tail steps that consume one 8-byte lane, one 4-byte lane and one byte.
#[inline(always)]
fn consume_u64(acc: u64, lane: u64) -> u64 {
    (acc ^ round(0, lane)).rotate_left(27).wrapping_mul(PRIME64_1).wrapping_add(PRIME64_4)
}

#[inline(always)]
fn consume_u32(acc: u64, lane: u32) -> u64 {
    (acc ^ (lane as u64).wrapping_mul(PRIME64_1)).rotate_left(23).wrapping_mul(PRIME64_2).wrapping_add(PRIME64_3)
}

#[inline(always)]
fn consume_u8(acc: u64, lane: u8) -> u64 {
    (acc ^ (lane as u64).wrapping_mul(PRIME64_5)).rotate_left(11).wrapping_mul(PRIME64_1)
}

/// XXH64 of `input` with `seed`.
#[inline]
pub fn xxhash64(input: &[u8], seed: u64) -> u64 {
    let len = input.len();
    let mut at = 0;
    let mut acc = if len >= 32 {
        let mut v = [
            seed.wrapping_add(PRIME64_1).wrapping_add(PRIME64_2),
            seed.wrapping_add(PRIME64_2),
            seed,
            seed.wrapping_sub(PRIME64_1),
        ];
        while at + 32 <= len {
            for (i, lane) in v.iter_mut().enumerate() {
                *lane = round(*lane, read_u64(input, at + 8 * i));
            }
            at += 32;
        }
        let mut acc = v[0].rotate_left(1).wrapping_add(v[1].rotate_left(7)).wrapping_add(v[2].rotate_left(12)).wrapping_add(v[3].rotate_left(18));
        for lane in v {
            acc = merge_accumulator(acc, lane);
        }
        acc
    } else {
        seed.wrapping_add(PRIME64_5)
    };
    acc = acc.wrapping_add(len as u64);
    while at + 8 <= len {
        acc = consume_u64(acc, read_u64(input, at));
        at += 8;
    }
    if at + 4 <= len {
        acc = consume_u32(acc, read_u32(input, at));
        at += 4;
    }
    for &byte in &input[at..] {
        acc = consume_u8(acc, byte);
    }
    avalanche(acc)
}

/// XXH64 of the 4 little-endian bytes of `value`: the INT32 and FLOAT path, without a slice.
#[inline(always)]
pub fn xxhash64_u32(value: u32, seed: u64) -> u64 {
    avalanche(consume_u32(seed.wrapping_add(PRIME64_5).wrapping_add(4), value))
}

/// XXH64 of the 8 little-endian bytes of `value`: the INT64 and DOUBLE path.
#[inline(always)]
pub fn xxhash64_u64(value: u64, seed: u64) -> u64 {
    avalanche(consume_u64(seed.wrapping_add(PRIME64_5).wrapping_add(8), value))
}

/// One hash per `width`-byte value of `bytes` into `out` (exactly `bytes.len() / width` slots).
pub fn xxhash64_fixed_width(bytes: &[u8], width: usize, seed: u64, out: &mut [u64]) -> Result<()> {
    if width == 0 || !bytes.len().is_multiple_of(width) {
        return Err(KernelError::invalid(format!("{} bytes are not whole {width}-byte values", bytes.len())));
    }
    if out.len() != bytes.len() / width {
        return Err(KernelError::invalid(format!("output holds {} hashes but there are {} values", out.len(), bytes.len() / width)));
    }
    match width {
        4 => {
            for (o, v) in out.iter_mut().zip(bytes.chunks_exact(4)) {
                *o = xxhash64_u32(u32::from_le_bytes(v.try_into().unwrap()), seed);
            }
        }
        8 => {
            for (o, v) in out.iter_mut().zip(bytes.chunks_exact(8)) {
                *o = xxhash64_u64(u64::from_le_bytes(v.try_into().unwrap()), seed);
            }
        }
        _ => {
            for (o, v) in out.iter_mut().zip(bytes.chunks_exact(width)) {
                *o = xxhash64(v, seed);
            }
        }
    }
    Ok(())
}

/// One hash per value of an (offsets, bytes) pair: value i is `bytes[offsets[i]..offsets[i + 1]]`,
/// hashed without a length prefix, as Parquet hashes BYTE_ARRAY values.
pub fn xxhash64_byte_arrays(offsets: &[i32], bytes: &[u8], seed: u64, out: &mut [u64]) -> Result<()> {
    if offsets.len() != out.len() + 1 {
        return Err(KernelError::invalid(format!("{} offsets for {} hashes: offsets must hold count + 1 entries", offsets.len(), out.len())));
    }
    for (i, o) in out.iter_mut().enumerate() {
        let (a, b) = (offsets[i], offsets[i + 1]);
        if a < 0 || b < a || b as usize > bytes.len() {
            return Err(KernelError::invalid(format!("offsets[{i}..{}] = {a}..{b} do not lie within {} bytes", i + 1, bytes.len())));
        }
        *o = xxhash64(&bytes[a as usize..b as usize], seed);
    }
    Ok(())
}
