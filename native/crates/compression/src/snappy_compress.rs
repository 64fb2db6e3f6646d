//! The snappy compressor, step for step the one of the TypeScript build
//! (packages/snappy/src/ts/snappy-compress.ts), so both backends write the same bytes: the
//! reference encoder's greedy matcher over 64 KiB fragments with a fresh hash table of up to 2^14
//! entries per fragment, and its skip heuristic (each miss adds 1/32 to the stride).

use crate::match_kernels::{load32, match_end};

const FRAGMENT_SIZE: usize = 1 << 16;
const MAX_HASH_BITS: u32 = 14;
const MIN_HASH_BITS: u32 = 8;
/// Matching stops this far before a fragment's end, so 4-byte loads never run past it.
const INPUT_MARGIN: usize = 15;

/// The reference bound on a raw stream's size.
pub fn max_len(n: usize) -> usize {
    32 + n + n / 6
}

#[inline(always)]
fn hash(word: u32, shift: u32) -> usize {
    (word.wrapping_mul(0x1e35_a7bd) >> shift) as usize
}

/// Compresses `input` into `out` (at least `max_len(input.len())` bytes); returns the length.
pub fn compress(input: &[u8], out: &mut [u8]) -> usize {
    assert!(out.len() >= max_len(input.len()), "snappy output below the bound");
    let mut op = 0;
    let mut n = input.len() as u64;
    while n >= 0x80 {
        out[op] = (n as u8) | 0x80;
        op += 1;
        n >>= 7;
    }
    out[op] = n as u8;
    op += 1;
    let mut table = [0u16; 1 << MAX_HASH_BITS];
    let mut base = 0;
    while base < input.len() {
        let end = (base + FRAGMENT_SIZE).min(input.len());
        op = compress_fragment(input, base, end, out, op, &mut table);
        base = end;
    }
    op
}

fn compress_fragment(src: &[u8], base: usize, end: usize, out: &mut [u8], mut op: usize, table: &mut [u16; 1 << MAX_HASH_BITS]) -> usize {
    let len = end - base;
    if len < INPUT_MARGIN {
        return emit_literal(src, base, len, out, op);
    }
    let mut bits = MIN_HASH_BITS;
    while bits < MAX_HASH_BITS && (1usize << bits) < len {
        bits += 1;
    }
    let shift = 32 - bits;
    table[..1 << bits].fill(0);
    let ip_limit = end - INPUT_MARGIN;
    let mut next_emit = base;
    let mut ip = base + 1;
    let mut next_hash = hash(load32(src, ip), shift);
    'search: loop {
        let mut skip: usize = 32;
        let mut next_ip = ip;
        let mut candidate;
        loop {
            ip = next_ip;
            let h = next_hash;
            next_ip = ip + (skip >> 5);
            skip += 1;
            if next_ip > ip_limit {
                break 'search;
            }
            next_hash = hash(load32(src, next_ip), shift);
            // SAFETY: `h < 1 << bits <= table.len()` (a 32-bit hash shifted right by 32 - bits).
            let slot = unsafe { table.get_unchecked_mut(h) };
            candidate = base + *slot as usize;
            *slot = (ip - base) as u16;
            if load32(src, ip) == load32(src, candidate) {
                break;
            }
        }
        op = emit_literal(src, next_emit, ip - next_emit, out, op);
        // Emit the match, then keep going while the next position matches straight away.
        loop {
            let b = match_end(src, candidate + 4, ip + 4, end);
            op = emit_copy(out, op, ip - candidate, b - ip);
            ip = b;
            next_emit = ip;
            if ip >= ip_limit {
                break 'search;
            }
            table[hash(load32(src, ip - 1), shift)] = (ip - 1 - base) as u16;
            let h = hash(load32(src, ip), shift);
            candidate = base + table[h] as usize;
            table[h] = (ip - base) as u16;
            if load32(src, ip) != load32(src, candidate) {
                break;
            }
        }
        ip += 1;
        next_hash = hash(load32(src, ip), shift);
    }
    if next_emit < end {
        op = emit_literal(src, next_emit, end - next_emit, out, op);
    }
    op
}

/// Literal element: the tag holds length-1 below 60; 60/61 mean 1 or 2 length bytes follow.
fn emit_literal(src: &[u8], start: usize, len: usize, out: &mut [u8], mut op: usize) -> usize {
    if len == 0 {
        return op;
    }
    let m = len - 1;
    if m < 60 {
        out[op] = (m << 2) as u8;
        op += 1;
    } else if m < 0x100 {
        out[op] = 60 << 2;
        out[op + 1] = m as u8;
        op += 2;
    } else {
        // Fragments are at most 64 KiB, so two length bytes always suffice.
        out[op] = 61 << 2;
        out[op + 1] = m as u8;
        out[op + 2] = (m >> 8) as u8;
        op += 3;
    }
    out[op..op + len].copy_from_slice(&src[start..start + len]);
    op + len
}

/// Copies of at most 64 bytes; a long match is split so every piece keeps 4 bytes or more.
fn emit_copy(out: &mut [u8], mut op: usize, offset: usize, mut len: usize) -> usize {
    while len >= 68 {
        op = emit_copy2(out, op, offset, 64);
        len -= 64;
    }
    if len > 64 {
        op = emit_copy2(out, op, offset, 60);
        len -= 60;
    }
    if len < 12 && offset < 2048 {
        out[op] = (1 | ((len - 4) << 2) | ((offset >> 8) << 5)) as u8;
        out[op + 1] = offset as u8;
        return op + 2;
    }
    emit_copy2(out, op, offset, len)
}

fn emit_copy2(out: &mut [u8], op: usize, offset: usize, len: usize) -> usize {
    out[op] = (2 | ((len - 1) << 2)) as u8;
    out[op + 1] = offset as u8;
    out[op + 2] = (offset >> 8) as u8;
    op + 3
}
