//! The LZ4 block compressor, step for step the one of the TypeScript build
//! (packages/lz4/src/ts/block-compress.ts), so both backends write the same bytes: a greedy hash
//! matcher (up to 2^14 entries, a stride that grows after every 64 misses in a row), matches grown
//! backwards into the pending literals, and the block format's end rules.

use crate::match_kernels::{load32, match_end};

const LAST_LITERALS: usize = 5;
const MF_LIMIT: usize = 12;
const MIN_MATCH: usize = 4;
const MAX_OFFSET: usize = 0xffff;
const MAX_HASH_BITS: u32 = 14;
const MIN_HASH_BITS: u32 = 8;
const SKIP_TRIGGER: u32 = 6;

/// The worst case of this compressor (the TypeScript build's bound).
pub fn max_len(n: usize) -> usize {
    n + n / 255 + 16
}

#[inline(always)]
fn hash(word: u32, shift: u32) -> usize {
    (word.wrapping_mul(0x9e37_79b1) >> shift) as usize
}

/// Compresses `input` as one block into `out` (at least `max_len(input.len())` bytes).
pub fn compress(input: &[u8], out: &mut [u8]) -> usize {
    assert!(out.len() >= max_len(input.len()), "LZ4 output below the bound");
    let n = input.len();
    let mut op = 0;
    let mut anchor = 0;
    if n > MF_LIMIT {
        let mf_limit = n - MF_LIMIT;
        let match_limit = n - LAST_LITERALS;
        let mut bits = MIN_HASH_BITS;
        while bits < MAX_HASH_BITS && (1usize << bits) < n {
            bits += 1;
        }
        let shift = 32 - bits;
        let mut table = vec![0u32; 1 << bits];
        let mut ip = 1;
        'search: loop {
            let mut attempts: usize = 1 << SKIP_TRIGGER;
            let mut candidate;
            loop {
                if ip > mf_limit {
                    break 'search;
                }
                let word = load32(input, ip);
                let h = hash(word, shift);
                // SAFETY: `h < 1 << bits == table.len()` (a 32-bit hash shifted right by 32 - bits).
                let slot = unsafe { table.get_unchecked_mut(h) };
                candidate = *slot as usize;
                *slot = ip as u32;
                if ip - candidate <= MAX_OFFSET && load32(input, candidate) == word {
                    break;
                }
                ip += attempts >> SKIP_TRIGGER;
                attempts += 1;
            }
            // Grow the match backwards into the pending literals, then forwards.
            while ip > anchor && candidate > 0 && input[ip - 1] == input[candidate - 1] {
                ip -= 1;
                candidate -= 1;
            }
            let b = match_end(input, candidate + MIN_MATCH, ip + MIN_MATCH, match_limit);
            op = emit_sequence(input, anchor, ip - anchor, ip - candidate, b - ip, out, op);
            ip = b;
            anchor = ip;
            if ip > mf_limit {
                break;
            }
            // Hash a position inside the match so the next one can start right after it.
            table[hash(load32(input, ip - 2), shift)] = (ip - 2) as u32;
        }
    }
    emit_last_literals(input, anchor, n - anchor, out, op)
}

/// A length nibble of 15 continues in bytes of 255 and a final byte below 255.
fn write_length_tail(out: &mut [u8], mut op: usize, mut rest: usize) -> usize {
    while rest >= 255 {
        out[op] = 255;
        op += 1;
        rest -= 255;
    }
    out[op] = rest as u8;
    op + 1
}

fn emit_sequence(src: &[u8], start: usize, lit: usize, offset: usize, match_len: usize, out: &mut [u8], mut op: usize) -> usize {
    let token_at = op;
    op += 1;
    let lit_nibble = lit.min(15);
    if lit >= 15 {
        op = write_length_tail(out, op, lit - 15);
    }
    out[op..op + lit].copy_from_slice(&src[start..start + lit]);
    op += lit;
    out[op] = offset as u8;
    out[op + 1] = (offset >> 8) as u8;
    op += 2;
    let m = match_len - MIN_MATCH;
    let match_nibble = m.min(15);
    if m >= 15 {
        op = write_length_tail(out, op, m - 15);
    }
    out[token_at] = ((lit_nibble << 4) | match_nibble) as u8;
    op
}

fn emit_last_literals(src: &[u8], start: usize, lit: usize, out: &mut [u8], mut op: usize) -> usize {
    if lit < 15 {
        out[op] = (lit << 4) as u8;
        op += 1;
    } else {
        out[op] = 0xf0;
        op = write_length_tail(out, op + 1, lit - 15);
    }
    out[op..op + lit].copy_from_slice(&src[start..start + lit]);
    op + lit
}
