//! A DEFLATE compressor (RFC 1951), step for step the one of the TypeScript build
//! (packages/gzip/src/ts/deflate-compress.ts), so both backends write the same bytes for the same
//! input and level: zlib's design (hash chains in a 32 KiB window, positions found by their first
//! four bytes, lazy matching with zlib's good/lazy/nice parameters and shorter chains (see the
//! TypeScript file), length-3 matches farther than 4 KiB dropped); blocks of 16,384 symbols, each
//! stored, fixed or with its own codes, whichever takes fewest bits (ties: stored, then fixed).

use crate::deflate_huffman::{canonical_codes, huffman_lengths};
use crate::match_kernels::{load32, match_end};

const WINDOW: usize = 1 << 15;
const WINDOW_MASK: usize = WINDOW - 1;
const HASH_BITS: u32 = 15;
const MIN_MATCH: usize = 3;
/// Positions are found by their first four bytes (three match too often to search well).
const HASHED: usize = 4;
const MAX_MATCH: usize = 258;
const TOO_FAR: usize = 4096;
const BLOCK_SYMBOLS: usize = 1 << 14;
const STORED_MAX: usize = 65535;

/// (good, lazy, nice, chain) for levels 1..9 (level 0 stores).
const LEVELS: [(usize, usize, usize, usize); 10] = [
    (0, 0, 0, 0),
    (4, 4, 8, 4),
    (4, 5, 16, 8),
    (4, 6, 32, 16),
    (4, 4, 16, 16),
    (8, 16, 32, 24),
    (8, 16, 64, 32),
    (8, 32, 128, 64),
    (32, 128, 258, 256),
    (32, 258, 258, 1024),
];

const LENGTH_BASE: [u16; 29] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA: [u8; 29] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE: [u16; 30] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA: [u8; 30] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CL_ORDER: [usize; 19] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
const CL_EXTRA_BITS: [u8; 19] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7];

struct Tables {
    length_code: [u8; MAX_MATCH + 1],
    dist_code: [u8; 512],
    fixed_lit: [u8; 288],
    fixed_dist: [u8; 30],
    fixed_lit_codes: [u16; 288],
    fixed_dist_codes: [u16; 30],
}

fn tables() -> &'static Tables {
    static TABLES: std::sync::OnceLock<Tables> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| {
        let mut length_code = [0u8; MAX_MATCH + 1];
        for c in 0..29 {
            let end = if c == 28 { 259 } else { LENGTH_BASE[c + 1] as usize };
            for l in LENGTH_BASE[c] as usize..end {
                length_code[l] = c as u8;
            }
        }
        length_code[258] = 28;
        let mut dist_code = [0u8; 512];
        for c in 0..30 {
            let base = DIST_BASE[c] as usize;
            for d in base..base + (1 << DIST_EXTRA[c]) {
                dist_code[dist_index(d)] = c as u8;
            }
        }
        let mut fixed_lit = [8u8; 288];
        fixed_lit[144..256].fill(9);
        fixed_lit[256..280].fill(7);
        let fixed_dist = [5u8; 30];
        let mut fixed_lit_codes = [0u16; 288];
        let mut fixed_dist_codes = [0u16; 30];
        canonical_codes(&fixed_lit, &mut fixed_lit_codes);
        canonical_codes(&fixed_dist, &mut fixed_dist_codes);
        Tables { length_code, dist_code, fixed_lit, fixed_dist, fixed_lit_codes, fixed_dist_codes }
    })
}

#[inline(always)]
fn dist_index(d: usize) -> usize {
    if d <= 256 {
        d - 1
    } else {
        256 + ((d - 1) >> 7)
    }
}

struct BitWriter<'a> {
    out: &'a mut [u8],
    op: usize,
    bits: u64,
    count: u32,
}

impl BitWriter<'_> {
    #[inline(always)]
    fn put(&mut self, value: u32, n: u32) {
        self.bits |= (value as u64) << self.count;
        self.count += n;
        while self.count >= 8 {
            self.out[self.op] = self.bits as u8;
            self.op += 1;
            self.bits >>= 8;
            self.count -= 8;
        }
    }

    fn align(&mut self) {
        if self.count > 0 {
            self.out[self.op] = self.bits as u8;
            self.op += 1;
        }
        self.bits = 0;
        self.count = 0;
    }
}

struct Symbols {
    lit_len: Vec<u16>,
    dist: Vec<u16>,
    lit_freq: [u32; 286],
    dist_freq: [u32; 30],
}

impl Symbols {
    #[inline(always)]
    fn literal(&mut self, byte: u8) {
        self.lit_len.push(byte as u16);
        self.dist.push(0);
        self.lit_freq[byte as usize] += 1;
    }

    #[inline(always)]
    fn matched(&mut self, t: &Tables, length: usize, distance: usize) {
        self.lit_len.push(length as u16);
        self.dist.push(distance as u16);
        self.lit_freq[257 + t.length_code[length] as usize] += 1;
        self.dist_freq[t.dist_code[dist_index(distance)] as usize] += 1;
    }

    fn clear(&mut self) {
        self.lit_len.clear();
        self.dist.clear();
        self.lit_freq = [0; 286];
        self.dist_freq = [0; 30];
    }
}

#[inline(always)]
fn hash_at(input: &[u8], p: usize) -> usize {
    let x = u32::from_le_bytes(input[p..p + 4].try_into().unwrap());
    (x.wrapping_mul(0x9e37_79b1) >> (32 - HASH_BITS)) as usize
}

/// Raw DEFLATE of `input` at `level` (0..=9) into `out` from `at` (`deflate_bound` bytes of room);
/// returns the end.
pub fn deflate_into(input: &[u8], out: &mut [u8], at: usize, level: usize) -> usize {
    let t = tables();
    let mut w = BitWriter { out, op: at, bits: 0, count: 0 };
    let n = input.len();
    if level == 0 {
        write_stored(&mut w, input, 0, n, true);
        w.align();
        return w.op;
    }
    let (good, lazy, nice, max_chain) = LEVELS[level];
    let mut head = vec![0u32; 1 << HASH_BITS];
    let mut prev = vec![0u32; WINDOW];
    let mut syms = Symbols { lit_len: Vec::with_capacity(BLOCK_SYMBOLS), dist: Vec::with_capacity(BLOCK_SYMBOLS), lit_freq: [0; 286], dist_freq: [0; 30] };
    let mut block_start = 0;

    let mut prev_length = MIN_MATCH - 1;
    let mut prev_distance = 0;
    let mut pending = false;
    let mut p = 0;
    while p < n {
        let mut length = MIN_MATCH - 1;
        let mut distance = 0;
        if p + HASHED <= n {
            let h = hash_at(input, p);
            let candidate = head[h] as usize;
            prev[p & WINDOW_MASK] = head[h];
            head[h] = (p + 1) as u32;
            if candidate > 0 && prev_length < lazy {
                let chain = if prev_length >= good { max_chain >> 2 } else { max_chain };
                (length, distance) = longest(input, &prev, p, candidate, chain, prev_length, nice);
                if length == MIN_MATCH && distance > TOO_FAR {
                    length = MIN_MATCH - 1;
                }
            }
        }
        if prev_length >= MIN_MATCH && length <= prev_length {
            syms.matched(t, prev_length, prev_distance);
            let end = p - 1 + prev_length;
            for q in p + 1..end {
                if q + HASHED <= n {
                    let h = hash_at(input, q);
                    prev[q & WINDOW_MASK] = head[h];
                    head[h] = (q + 1) as u32;
                }
            }
            p = end;
            pending = false;
            prev_length = MIN_MATCH - 1;
            if syms.lit_len.len() == BLOCK_SYMBOLS {
                write_block(&mut w, t, &mut syms, input, block_start, p, false);
                block_start = p;
            }
        } else {
            if pending {
                syms.literal(input[p - 1]);
                if syms.lit_len.len() == BLOCK_SYMBOLS {
                    write_block(&mut w, t, &mut syms, input, block_start, p, false);
                    block_start = p;
                }
            }
            pending = true;
            prev_length = length;
            prev_distance = distance;
            p += 1;
        }
    }
    if pending {
        syms.literal(input[n - 1]);
    }
    write_block(&mut w, t, &mut syms, input, block_start, n, true);
    w.align();
    w.op
}

/// The longest match at `p` longer than `previous` along the chain from `candidate` (position + 1):
/// (length, distance), or (2, 0) when there is none. A candidate can only beat `best` if its bytes
/// 0..=best all agree, so two 4-byte compares (the start, and the four bytes ending at `best`) turn
/// most candidates away before any byte-wise work; they reject nothing the byte test would accept.
#[inline(always)]
fn longest(input: &[u8], prev: &[u32], p: usize, candidate: usize, mut chain: usize, previous: usize, nice: usize) -> (usize, usize) {
    let limit = MAX_MATCH.min(input.len() - p);
    if previous >= limit {
        return (MIN_MATCH - 1, 0);
    }
    let mut best = previous;
    let mut best_distance = 0;
    // While best is 2 only bytes 0..=2 must agree: both compares look at those three bytes.
    let window = |best: usize| if best >= 3 { (best - 3, u32::MAX) } else { (0, 0x00ff_ffff) };
    let (mut end_at, mut mask) = window(best);
    let start = load32(input, p);
    let mut end = load32(input, p + end_at);
    let mut c = candidate;
    while c > 0 && p - (c - 1) <= WINDOW && chain > 0 {
        chain -= 1;
        let cu = c - 1;
        // In bounds: cu < p, and p + end_at + 4 <= p + best + 1 <= input.len() (best < limit).
        if (load32(input, cu + end_at) ^ end) & mask == 0 && (load32(input, cu) ^ start) & mask == 0 {
            let l = match_end(input, cu + 2, p + 2, p + limit) - p;
            if l > best {
                best = l;
                best_distance = p - cu;
                if l >= nice || l >= limit {
                    break;
                }
                (end_at, mask) = window(best);
                end = load32(input, p + end_at);
            }
        }
        // SAFETY: cu & WINDOW_MASK < WINDOW == prev.len().
        c = unsafe { *prev.get_unchecked(cu & WINDOW_MASK) } as usize;
    }
    if best_distance > 0 {
        (best, best_distance)
    } else {
        (MIN_MATCH - 1, 0)
    }
}

fn write_stored(w: &mut BitWriter, input: &[u8], start: usize, end: usize, last: bool) {
    let mut at = start;
    loop {
        let len = STORED_MAX.min(end - at);
        let fin = last && at + len == end;
        w.put(fin as u32, 3);
        w.align();
        let op = w.op;
        w.out[op..op + 2].copy_from_slice(&(len as u16).to_le_bytes());
        w.out[op + 2..op + 4].copy_from_slice(&(!(len as u16)).to_le_bytes());
        w.out[op + 4..op + 4 + len].copy_from_slice(&input[at..at + len]);
        w.op = op + 4 + len;
        at += len;
        if at >= end {
            break;
        }
    }
}

fn stored_bits(len: usize, count: u32) -> u64 {
    let chunks = len.div_ceil(STORED_MAX).max(1) as u64;
    3 + ((8 - ((count + 3) & 7)) & 7) as u64 + 32 + (chunks - 1) * 40 + 8 * len as u64
}

fn run_lengths(lengths: &[u8], symbols: &mut Vec<u8>, extras: &mut Vec<u8>) {
    let n = lengths.len();
    let mut i = 0;
    while i < n {
        let cur = lengths[i];
        let mut run = 1;
        while i + run < n && lengths[i + run] == cur {
            run += 1;
        }
        i += run;
        if cur == 0 {
            while run >= 11 {
                let r = run.min(138);
                symbols.push(18);
                extras.push((r - 11) as u8);
                run -= r;
            }
            if run >= 3 {
                symbols.push(17);
                extras.push((run - 3) as u8);
                run = 0;
            }
        } else {
            symbols.push(cur);
            extras.push(0);
            run -= 1;
            while run >= 3 {
                let r = run.min(6);
                symbols.push(16);
                extras.push((r - 3) as u8);
                run -= r;
            }
        }
        for _ in 0..run {
            symbols.push(cur);
            extras.push(0);
        }
    }
}

fn data_bits(syms: &Symbols, lit: &[u8], dist: &[u8]) -> u64 {
    let mut bits = 0u64;
    for s in 0..286 {
        bits += syms.lit_freq[s] as u64 * (lit[s] as u64 + if s > 256 { LENGTH_EXTRA[s - 257] as u64 } else { 0 });
    }
    for d in 0..30 {
        bits += syms.dist_freq[d] as u64 * (dist[d] as u64 + DIST_EXTRA[d] as u64);
    }
    bits
}

fn write_block(w: &mut BitWriter, t: &Tables, syms: &mut Symbols, input: &[u8], start: usize, end: usize, last: bool) {
    syms.lit_freq[256] += 1;
    let mut lit = [0u8; 286];
    let mut dist = [0u8; 30];
    huffman_lengths(&syms.lit_freq, 15, &mut lit);
    huffman_lengths(&syms.dist_freq, 15, &mut dist);
    let mut hlit = 286;
    while hlit > 257 && lit[hlit - 1] == 0 {
        hlit -= 1;
    }
    let mut hdist = 30;
    while hdist > 1 && dist[hdist - 1] == 0 {
        hdist -= 1;
    }
    let mut cl_symbols = Vec::new();
    let mut cl_extras = Vec::new();
    run_lengths(&lit[..hlit], &mut cl_symbols, &mut cl_extras);
    run_lengths(&dist[..hdist], &mut cl_symbols, &mut cl_extras);
    let mut cl_freq = [0u32; 19];
    for &s in &cl_symbols {
        cl_freq[s as usize] += 1;
    }
    let mut cl = [0u8; 19];
    huffman_lengths(&cl_freq, 7, &mut cl);
    let mut hclen = 19;
    while hclen > 4 && cl[CL_ORDER[hclen - 1]] == 0 {
        hclen -= 1;
    }
    let mut header_bits = 3 + 14 + 3 * hclen as u64;
    for s in 0..19 {
        header_bits += cl_freq[s] as u64 * (cl[s] as u64 + CL_EXTRA_BITS[s] as u64);
    }
    let dynamic_bits = header_bits + data_bits(syms, &lit, &dist);
    let fixed_bits = 3 + data_bits(syms, &t.fixed_lit, &t.fixed_dist);
    let stored = stored_bits(end - start, w.count);
    if stored < dynamic_bits.min(fixed_bits) {
        write_stored(w, input, start, end, last);
        syms.clear();
        return;
    }
    let mut lit_codes_own = [0u16; 286];
    let mut dist_codes_own = [0u16; 30];
    let (lit_codes, lit_lens, dist_codes, dist_lens): (&[u16], &[u8], &[u16], &[u8]) = if fixed_bits <= dynamic_bits {
        w.put(last as u32, 1);
        w.put(1, 2);
        (&t.fixed_lit_codes, &t.fixed_lit, &t.fixed_dist_codes, &t.fixed_dist)
    } else {
        w.put(last as u32, 1);
        w.put(2, 2);
        w.put((hlit - 257) as u32, 5);
        w.put((hdist - 1) as u32, 5);
        w.put((hclen - 4) as u32, 4);
        for &s in &CL_ORDER[..hclen] {
            w.put(cl[s] as u32, 3);
        }
        let mut cl_codes = [0u16; 19];
        canonical_codes(&cl, &mut cl_codes);
        for (k, &s) in cl_symbols.iter().enumerate() {
            let s = s as usize;
            w.put(cl_codes[s] as u32, cl[s] as u32);
            if s >= 16 {
                w.put(cl_extras[k] as u32, CL_EXTRA_BITS[s] as u32);
            }
        }
        canonical_codes(&lit, &mut lit_codes_own);
        canonical_codes(&dist, &mut dist_codes_own);
        (&lit_codes_own, &lit, &dist_codes_own, &dist)
    };
    for k in 0..syms.lit_len.len() {
        let d = syms.dist[k] as usize;
        let v = syms.lit_len[k] as usize;
        if d == 0 {
            w.put(lit_codes[v] as u32, lit_lens[v] as u32);
            continue;
        }
        let lc = t.length_code[v] as usize;
        w.put(lit_codes[257 + lc] as u32, lit_lens[257 + lc] as u32);
        if LENGTH_EXTRA[lc] > 0 {
            w.put((v - LENGTH_BASE[lc] as usize) as u32, LENGTH_EXTRA[lc] as u32);
        }
        let dc = t.dist_code[dist_index(d)] as usize;
        w.put(dist_codes[dc] as u32, dist_lens[dc] as u32);
        if DIST_EXTRA[dc] > 0 {
            w.put((d - DIST_BASE[dc] as usize) as u32, DIST_EXTRA[dc] as u32);
        }
    }
    w.put(lit_codes[256] as u32, lit_lens[256] as u32);
    syms.clear();
}
