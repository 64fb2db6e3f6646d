//! The dictionary encoder's hash-table loops, run over the TypeScript encoder's own buffers
//! (packages/dictionary/src/ts/distinct-values.ts): the same hashes, the same linear probing and
//! the same entry order, so either side can go on where the other stopped. A loop stops before a
//! new value that needs a buffer to grow (the TypeScript side grows it and adds that value), or
//! right after the entry that takes the dictionary past its byte limit.

use crate::error::{KernelError, Result};

/// The table: entry number + 1 per slot (0 = empty; a power-of-two count), each entry's hash,
/// the entries in use and their PLAIN size, and the PLAIN size a dictionary may reach.
pub struct Table<'a> {
    pub slots: &'a mut [i32],
    pub hashes: &'a mut [i32],
    pub count: usize,
    pub plain_bytes: f64,
    pub limit: f64,
}

/// Where a loop stopped: at value `k`, for one of three reasons.
#[derive(Debug, PartialEq, Eq)]
pub enum Stop {
    /// Every value has its index.
    Done,
    /// Value `k` is new and a buffer must grow first; nothing was done for it.
    Grow(usize),
    /// Value `k` was added and took the dictionary past the limit (its index not written).
    Limit(usize),
}

#[inline(always)]
pub fn fmix32(mut h: u32) -> u32 {
    h ^= h >> 16;
    h = h.wrapping_mul(0x85eb_ca6b);
    h ^= h >> 13;
    h = h.wrapping_mul(0xc2b2_ae35);
    h ^ (h >> 16)
}

#[inline(always)]
fn hash64(lo: u32, hi: u32) -> u32 {
    fmix32(hi.wrapping_mul(0x9e37_79b1) ^ lo)
}

const C1: u32 = 0xcc9e_2d51;
const C2: u32 = 0x1b87_3593;

/// MurmurHash3 (x86, 32-bit, seed 0).
#[inline(always)]
pub fn hash_bytes(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0;
    let mut chunks = bytes.chunks_exact(4);
    for c in &mut chunks {
        let k = u32::from_le_bytes([c[0], c[1], c[2], c[3]]).wrapping_mul(C1).rotate_left(15).wrapping_mul(C2);
        h = (h ^ k).rotate_left(13).wrapping_mul(5).wrapping_add(0xe654_6b64);
    }
    let tail = chunks.remainder();
    if !tail.is_empty() {
        let mut k = tail[0] as u32;
        if tail.len() > 1 {
            k |= (tail[1] as u32) << 8;
        }
        if tail.len() > 2 {
            k |= (tail[2] as u32) << 16;
        }
        h ^= k.wrapping_mul(C1).rotate_left(15).wrapping_mul(C2);
    }
    fmix32(h ^ bytes.len() as u32)
}

impl Table<'_> {
    fn check(&self) -> Result<()> {
        if !self.slots.len().is_power_of_two() || self.count > self.hashes.len() || self.count >= self.slots.len() {
            return Err(KernelError::invalid("the dictionary table's buffers do not fit its state"));
        }
        Ok(())
    }

    /// The entry of `hash` that `same` accepts, or the empty slot where it would go.
    #[inline(always)]
    fn find(&self, hash: u32, mut same: impl FnMut(usize) -> bool) -> Result<std::result::Result<usize, usize>> {
        let mask = self.slots.len() - 1;
        let mut s = hash as usize & mask;
        loop {
            let e = self.slots[s];
            if e == 0 {
                return Ok(Err(s));
            }
            let e = (e - 1) as usize;
            if e >= self.count {
                return Err(KernelError::invalid("a dictionary slot names an entry past the count"));
            }
            if same(e) {
                return Ok(Ok(e));
            }
            s = (s + 1) & mask;
        }
    }

    /// Whether a new entry fits the table and the hashes (the table stays at most half full).
    fn has_room(&self) -> bool {
        (self.count + 1) * 2 <= self.slots.len() && self.count < self.hashes.len()
    }

    fn insert(&mut self, slot: usize, hash: u32) -> usize {
        let e = self.count;
        self.hashes[e] = hash as i32;
        self.slots[slot] = (e + 1) as i32;
        self.count = e + 1;
        e
    }
}

fn check_out(out: &[i32], at: usize, n: usize) -> Result<()> {
    if at.checked_add(n).map_or(true, |end| end > out.len()) {
        return Err(KernelError::invalid("the index output is too short"));
    }
    Ok(())
}

/// 4-byte values as their bit patterns, kept one word per entry in `words`.
pub fn add32(values: &[i32], from: usize, t: &mut Table, words: &mut [i32], out: &mut [i32], at: usize) -> Result<(usize, Stop)> {
    t.check()?;
    check_out(out, at, values.len())?;
    for k in from..values.len() {
        let x = values[k];
        let h = fmix32(x as u32);
        let e = match t.find(h, |e| words.get(e) == Some(&x))? {
            Ok(e) => e,
            Err(slot) => {
                if !t.has_room() || t.count >= words.len() {
                    return Ok((k, Stop::Grow(k)));
                }
                let e = t.insert(slot, h);
                words[e] = x;
                t.plain_bytes += 4.0;
                if t.plain_bytes > t.limit {
                    return Ok((k, Stop::Limit(k)));
                }
                e
            }
        };
        out[at + k] = e as i32;
    }
    Ok((values.len(), Stop::Done))
}

/// 8-byte values as (low, high) word pairs, kept two words per entry in `words`.
pub fn add64(pairs: &[i32], from: usize, t: &mut Table, words: &mut [i32], out: &mut [i32], at: usize) -> Result<(usize, Stop)> {
    t.check()?;
    let n = pairs.len() / 2;
    check_out(out, at, n)?;
    for k in from..n {
        let (lo, hi) = (pairs[2 * k], pairs[2 * k + 1]);
        let h = hash64(lo as u32, hi as u32);
        let e = match t.find(h, |e| words.get(2 * e) == Some(&lo) && words.get(2 * e + 1) == Some(&hi))? {
            Ok(e) => e,
            Err(slot) => {
                if !t.has_room() || (t.count + 1) * 2 > words.len() {
                    return Ok((k, Stop::Grow(k)));
                }
                let e = t.insert(slot, h);
                words[2 * e] = lo;
                words[2 * e + 1] = hi;
                t.plain_bytes += 8.0;
                if t.plain_bytes > t.limit {
                    return Ok((k, Stop::Limit(k)));
                }
                e
            }
        };
        out[at + k] = e as i32;
    }
    Ok((n, Stop::Done))
}

/// Byte strings `bytes[offsets[k]..offsets[k + 1]]`, kept back to back in `store`, entry e at
/// `store[entry_offsets[e]..entry_offsets[e + 1]]`.
#[allow(clippy::too_many_arguments)]
pub fn add_byte_arrays(offsets: &[i32], bytes: &[u8], from: usize, t: &mut Table, entry_offsets: &mut [i32], store: &mut [u8], out: &mut [i32], at: usize) -> Result<(usize, Stop)> {
    t.check()?;
    let n = offsets.len().saturating_sub(1);
    check_out(out, at, n)?;
    if entry_offsets.len() <= t.count || entry_offsets[t.count] < 0 || entry_offsets[t.count] as usize > store.len() {
        return Err(KernelError::invalid("the dictionary's entry offsets do not fit its store"));
    }
    for k in from..n {
        let (a, b) = (offsets[k], offsets[k + 1]);
        if a < 0 || b < a || b as usize > bytes.len() {
            return Err(KernelError::invalid(format!("offsets[{k}..{}] = {a}..{b} do not lie within {} bytes", k + 1, bytes.len())));
        }
        let value = &bytes[a as usize..b as usize];
        let h = hash_bytes(value);
        let found = {
            let hashes = &*t.hashes;
            let (eo, st) = (&*entry_offsets, &*store);
            t.find(h, |e| hashes[e] == h as i32 && matches!((eo.get(e), eo.get(e + 1)), (Some(&x), Some(&y)) if st.get(x as usize..y as usize) == Some(value)))?
        };
        let e = match found {
            Ok(e) => e,
            Err(slot) => {
                let start = entry_offsets[t.count] as usize;
                if !t.has_room() || t.count + 2 > entry_offsets.len() || start + value.len() > store.len() {
                    return Ok((k, Stop::Grow(k)));
                }
                let e = t.insert(slot, h);
                store[start..start + value.len()].copy_from_slice(value);
                entry_offsets[e + 1] = (start + value.len()) as i32;
                t.plain_bytes += 4.0 + value.len() as f64;
                if t.plain_bytes > t.limit {
                    return Ok((k, Stop::Limit(k)));
                }
                e
            }
        };
        out[at + k] = e as i32;
    }
    Ok((n, Stop::Done))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn murmur3_vectors() {
        // MurmurHash3_x86_32 with seed 0.
        assert_eq!(hash_bytes(b""), 0);
        assert_eq!(hash_bytes(b"hello"), 0x248b_fa47);
        assert_eq!(hash_bytes(b"The quick brown fox jumps over the lazy dog"), 0x2e4f_f723);
    }

    #[test]
    fn first_seen_order_growth_and_limit() {
        let mut slots = vec![0i32; 8];
        let mut hashes = vec![0i32; 3];
        let mut words = vec![0i32; 3];
        let mut out = vec![-1i32; 6];
        let values = [7, 9, 7, 5, 1, 9];
        let mut t = Table { slots: &mut slots, hashes: &mut hashes, count: 0, plain_bytes: 0.0, limit: f64::INFINITY };
        // Three distinct values fit the three hashes; the table of 8 slots takes 4 at most.
        let (k, stop) = add32(&values, 0, &mut t, &mut words, &mut out, 0).unwrap();
        assert_eq!((k, stop), (4, Stop::Grow(4)));
        assert_eq!(&out[..4], &[0, 1, 0, 2]);
        assert_eq!(t.count, 3);
        t.limit = 12.0;
        let mut words4 = vec![7, 9, 5, 0];
        let mut hashes4 = vec![0i32; 4];
        hashes4[..3].copy_from_slice(&t.hashes[..3]);
        let mut t2 = Table { slots: t.slots, hashes: &mut hashes4, count: 3, plain_bytes: 12.0, limit: 12.0 };
        assert_eq!(add32(&values, 4, &mut t2, &mut words4, &mut out, 0).unwrap(), (4, Stop::Limit(4)));
    }
}
