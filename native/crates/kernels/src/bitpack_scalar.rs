//! Scalar LSB-first bit packing: one function per bit width, generated from a const-generic body.
//! The AVX2 module compiles the same bodies with AVX2 enabled for the widths it does not special-case.

/// Unpacks `out.len()` values of width W; `input` holds at least `ceil(out.len() * W / 8)` bytes.
pub type UnpackFn = fn(&[u8], &mut [u32]);
/// Packs `input.len()` values of width W (already known to fit) into `ceil(len * W / 8)` bytes.
pub type PackFn = fn(&[u32], &mut [u8]);

#[inline(always)]
pub(crate) const fn mask(width: usize) -> u32 {
    if width >= 32 {
        u32::MAX
    } else {
        (1u32 << width) - 1
    }
}

/// 32 values from 4*W bytes. Fully unrolled for each W by the compiler.
#[inline(always)]
pub(crate) fn unpack32<const W: usize>(input: &[u8], out: &mut [u32]) {
    let out = &mut out[..32];
    if W == 0 {
        out.fill(0);
        return;
    }
    let input = &input[..4 * W];
    let mut words = [0u32; 32];
    for k in 0..W {
        words[k] = u32::from_le_bytes([input[4 * k], input[4 * k + 1], input[4 * k + 2], input[4 * k + 3]]);
    }
    for (i, slot) in out.iter_mut().enumerate() {
        let bit = i * W;
        let (k, s) = (bit / 32, bit % 32);
        let mut v = words[k] >> s;
        if s + W > 32 {
            v |= words[k + 1] << (32 - s);
        }
        *slot = v & mask(W);
    }
}

/// 32 values into 4*W bytes.
#[inline(always)]
pub(crate) fn pack32<const W: usize>(input: &[u32], out: &mut [u8]) {
    if W == 0 {
        return;
    }
    let input = &input[..32];
    let out = &mut out[..4 * W];
    let mut words = [0u32; 32];
    for (i, &v) in input.iter().enumerate() {
        let bit = i * W;
        let (k, s) = (bit / 32, bit % 32);
        words[k] |= v << s;
        if s + W > 32 {
            words[k + 1] |= v >> (32 - s);
        }
    }
    for k in 0..W {
        out[4 * k..4 * k + 4].copy_from_slice(&words[k].to_le_bytes());
    }
}

/// Any number of values: whole blocks of 32, then a zero-padded tail block.
#[inline(always)]
pub(crate) fn unpack_scalar<const W: usize>(input: &[u8], out: &mut [u32]) {
    let n = out.len();
    let whole = n / 32;
    for b in 0..whole {
        unpack32::<W>(&input[b * 4 * W..], &mut out[b * 32..]);
    }
    let tail = n - whole * 32;
    if tail > 0 {
        let start = whole * 4 * W;
        let bytes = (tail * W).div_ceil(8);
        let mut padded = [0u8; 128];
        padded[..bytes].copy_from_slice(&input[start..start + bytes]);
        let mut values = [0u32; 32];
        unpack32::<W>(&padded, &mut values);
        out[whole * 32..].copy_from_slice(&values[..tail]);
    }
}

#[inline(always)]
pub(crate) fn pack_scalar<const W: usize>(input: &[u32], out: &mut [u8]) {
    let n = input.len();
    let whole = n / 32;
    for b in 0..whole {
        pack32::<W>(&input[b * 32..], &mut out[b * 4 * W..]);
    }
    let tail = n - whole * 32;
    if tail > 0 {
        let mut values = [0u32; 32];
        values[..tail].copy_from_slice(&input[whole * 32..]);
        let mut packed = [0u8; 128];
        pack32::<W>(&values, &mut packed);
        let bytes = (tail * W).div_ceil(8);
        out[whole * 4 * W..whole * 4 * W + bytes].copy_from_slice(&packed[..bytes]);
    }
}

macro_rules! width_table {
    ($f:ident) => {
        [
            $f::<0>, $f::<1>, $f::<2>, $f::<3>, $f::<4>, $f::<5>, $f::<6>, $f::<7>, $f::<8>, $f::<9>, $f::<10>,
            $f::<11>, $f::<12>, $f::<13>, $f::<14>, $f::<15>, $f::<16>, $f::<17>, $f::<18>, $f::<19>, $f::<20>,
            $f::<21>, $f::<22>, $f::<23>, $f::<24>, $f::<25>, $f::<26>, $f::<27>, $f::<28>, $f::<29>, $f::<30>,
            $f::<31>, $f::<32>,
        ]
    };
}
pub(crate) use width_table;

fn unpack_scalar_entry<const W: usize>(input: &[u8], out: &mut [u32]) {
    unpack_scalar::<W>(input, out)
}
fn pack_scalar_entry<const W: usize>(input: &[u32], out: &mut [u8]) {
    pack_scalar::<W>(input, out)
}

pub(crate) static UNPACK: [UnpackFn; 33] = width_table!(unpack_scalar_entry);
pub(crate) static PACK: [PackFn; 33] = width_table!(pack_scalar_entry);

