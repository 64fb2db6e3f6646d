//! LSB-first bit packing of up to 64 bits per value (DELTA_BINARY_PACKED miniblocks of INT64).
//! One const-generic body per width, unrolled by the compiler, chosen from a table once per miniblock.

/// Unpacks `out.len()` values of width W from `input` (at least `ceil(len * W / 8)` bytes).
pub type Unpack64Fn = fn(&[u8], &mut [u64]);
/// Packs `input.len()` values (each fitting W bits) into `ceil(len * W / 8)` bytes.
pub type Pack64Fn = fn(&[u64], &mut [u8]);

#[inline(always)]
const fn mask64(w: usize) -> u64 {
    if w >= 64 {
        u64::MAX
    } else {
        (1u64 << w) - 1
    }
}

/// 32 values from the first 4*W bytes of a block padded to at least 4*W + 8 bytes, so every
/// value is one unaligned 8-byte read plus, when it straddles, one more byte.
#[inline(always)]
fn unpack32<const W: usize>(block: &[u8], out: &mut [u64]) {
    let out = &mut out[..32];
    if W == 0 {
        out.fill(0);
        return;
    }
    let block = &block[..4 * W + 8];
    for (i, slot) in out.iter_mut().enumerate() {
        let bit = i * W;
        let (byte, shift) = (bit / 8, bit % 8);
        let word = u64::from_le_bytes(block[byte..byte + 8].try_into().unwrap());
        let mut v = word >> shift;
        if shift + W > 64 {
            v |= u64::from(block[byte + 8]) << (64 - shift);
        }
        *slot = v & mask64(W);
    }
}

#[inline(always)]
fn pack32<const W: usize>(input: &[u64], out: &mut [u8]) {
    if W == 0 {
        return;
    }
    let mut words = [0u64; 33];
    for (i, &v) in input[..32].iter().enumerate() {
        let bit = i * W;
        let (k, s) = (bit / 64, bit % 64);
        words[k] |= v << s;
        if s + W > 64 {
            words[k + 1] |= v >> (64 - s);
        }
    }
    for (k, chunk) in out[..4 * W].chunks_mut(8).enumerate() {
        chunk.copy_from_slice(&words[k].to_le_bytes()[..chunk.len()]);
    }
}

fn unpack_entry<const W: usize>(input: &[u8], out: &mut [u64]) {
    let n = out.len();
    let mut block = [0u8; 4 * 64 + 8];
    let mut done = 0;
    while done < n {
        let take = (n - done).min(32);
        let start = done / 8 * W;
        let bytes = (take * W).div_ceil(8);
        block[..bytes].copy_from_slice(&input[start..start + bytes]);
        block[bytes..4 * W + 8].fill(0);
        if take == 32 {
            unpack32::<W>(&block, &mut out[done..done + 32]);
        } else {
            let mut tmp = [0u64; 32];
            unpack32::<W>(&block, &mut tmp);
            out[done..].copy_from_slice(&tmp[..take]);
        }
        done += take;
    }
}

fn pack_entry<const W: usize>(input: &[u64], out: &mut [u8]) {
    let n = input.len();
    let mut done = 0;
    while done < n {
        let take = (n - done).min(32);
        let mut values = [0u64; 32];
        values[..take].copy_from_slice(&input[done..done + take]);
        let mut packed = [0u8; 4 * 64];
        pack32::<W>(&values, &mut packed);
        let start = done / 8 * W;
        let bytes = (take * W).div_ceil(8);
        out[start..start + bytes].copy_from_slice(&packed[..bytes]);
        done += take;
    }
}

macro_rules! table64 {
    ($f:ident) => {
        [
            $f::<0>, $f::<1>, $f::<2>, $f::<3>, $f::<4>, $f::<5>, $f::<6>, $f::<7>, $f::<8>, $f::<9>, $f::<10>,
            $f::<11>, $f::<12>, $f::<13>, $f::<14>, $f::<15>, $f::<16>, $f::<17>, $f::<18>, $f::<19>, $f::<20>,
            $f::<21>, $f::<22>, $f::<23>, $f::<24>, $f::<25>, $f::<26>, $f::<27>, $f::<28>, $f::<29>, $f::<30>,
            $f::<31>, $f::<32>, $f::<33>, $f::<34>, $f::<35>, $f::<36>, $f::<37>, $f::<38>, $f::<39>, $f::<40>,
            $f::<41>, $f::<42>, $f::<43>, $f::<44>, $f::<45>, $f::<46>, $f::<47>, $f::<48>, $f::<49>, $f::<50>,
            $f::<51>, $f::<52>, $f::<53>, $f::<54>, $f::<55>, $f::<56>, $f::<57>, $f::<58>, $f::<59>, $f::<60>,
            $f::<61>, $f::<62>, $f::<63>, $f::<64>,
        ]
    };
}

static UNPACK: [Unpack64Fn; 65] = table64!(unpack_entry);
static PACK: [Pack64Fn; 65] = table64!(pack_entry);

pub fn unpacker64(width: usize) -> Unpack64Fn {
    UNPACK[width]
}

pub fn packer64(width: usize) -> Pack64Fn {
    PACK[width]
}
