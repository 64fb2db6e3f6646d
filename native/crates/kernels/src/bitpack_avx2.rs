//! AVX2 bit unpacking: 8 values per step. Lane j needs the 4 bytes starting at byte (j*W)/8,
//! shifted right by (j*W)%8. The low 128-bit half is loaded from the group's start and the high
//! half from byte (4*W)/8, so one in-lane byte shuffle plus one variable shift serves every
//! W <= 25 (a lane's bits then span at most 4 bytes). Wider widths use the scalar body compiled
//! with AVX2 enabled. Only reachable after `simd_level()` detected AVX2.

use core::arch::x86_64::*;

use crate::bitpack_scalar::{mask, pack_scalar, unpack_scalar, width_table, PackFn, UnpackFn};

struct Consts<const W: usize>;

impl<const W: usize> Consts<W> {
    const SHUFFLE: [u8; 32] = shuffle_mask(W);
    const SHIFTS: [u32; 8] = shifts(W);
}

const fn shuffle_mask(w: usize) -> [u8; 32] {
    let mut m = [0x80u8; 32];
    if w == 0 || w > 25 {
        return m;
    }
    let hi_base = (4 * w) / 8;
    let mut j = 0;
    while j < 8 {
        let byte = (j * w) / 8;
        let (rel, lane) = if j < 4 { (byte, j * 4) } else { (byte - hi_base, 16 + (j - 4) * 4) };
        let mut b = 0;
        while b < 4 {
            if rel + b < 16 {
                m[lane + b] = (rel + b) as u8;
            }
            b += 1;
        }
        j += 1;
    }
    m
}

const fn shifts(w: usize) -> [u32; 8] {
    let mut s = [0u32; 8];
    let mut j = 0;
    while j < 8 {
        s[j] = ((j * w) % 8) as u32;
        j += 1;
    }
    s
}

/// The eight-value groups of one width W <= 25, as registers: what the unpacker stores and the
/// DELTA_BINARY_PACKED decoder sums before it stores.
pub(crate) struct Groups<const W: usize> {
    shuffle: __m256i,
    shift: __m256i,
    mask: __m256i,
}

impl<const W: usize> Groups<W> {
    /// The widths this reader serves.
    pub(crate) const SERVED: bool = W >= 1 && W <= 25;
    const HI_OFF: usize = (4 * W) / 8;

    #[inline(always)]
    pub(crate) unsafe fn new() -> Self {
        Groups {
            shuffle: _mm256_loadu_si256(Consts::<W>::SHUFFLE.as_ptr() as *const __m256i),
            shift: _mm256_loadu_si256(Consts::<W>::SHIFTS.as_ptr() as *const __m256i),
            mask: _mm256_set1_epi32(mask(W) as i32),
        }
    }

    /// Whether group `g` of an input of `len` bytes can be read: its loads reach
    /// g*W + (4*W)/8 + 16.
    #[inline(always)]
    pub(crate) fn readable(len: usize, g: usize) -> bool {
        g * W + Self::HI_OFF + 16 <= len
    }

    /// Values 8g .. 8g+8 as eight 32-bit lanes; `readable(input's length, g)` must hold.
    #[inline(always)]
    pub(crate) unsafe fn get(&self, input: *const u8, g: usize) -> __m256i {
        let p = input.add(g * W);
        let lo = _mm_loadu_si128(p as *const __m128i);
        let hi = _mm_loadu_si128(p.add(Self::HI_OFF) as *const __m128i);
        let v = _mm256_shuffle_epi8(_mm256_set_m128i(hi, lo), self.shuffle);
        _mm256_and_si256(_mm256_srlv_epi32(v, self.shift), self.mask)
    }
}

#[target_feature(enable = "avx2")]
unsafe fn unpack_avx2<const W: usize>(input: &[u8], out: &mut [u32]) {
    let n = out.len();
    let mut done = 0;
    if Groups::<W>::SERVED {
        let groups = Groups::<W>::new();
        let mut g = 0;
        while done + 8 <= n && Groups::<W>::readable(input.len(), g) {
            _mm256_storeu_si256(out.as_mut_ptr().add(done) as *mut __m256i, groups.get(input.as_ptr(), g));
            done += 8;
            g += 1;
        }
    }
    // The rest (and W = 0 or W > 25): the scalar body, vectorised by the compiler under AVX2.
    let start = (done / 8) * W;
    unpack_scalar::<W>(&input[start..], &mut out[done..]);
}

#[target_feature(enable = "avx2")]
unsafe fn pack_avx2<const W: usize>(input: &[u32], out: &mut [u8]) {
    pack_scalar::<W>(input, out)
}

fn unpack_entry<const W: usize>(input: &[u8], out: &mut [u32]) {
    // SAFETY: this table is only handed out by `bitpack::unpacker` when AVX2 was detected.
    unsafe { unpack_avx2::<W>(input, out) }
}

fn pack_entry<const W: usize>(input: &[u32], out: &mut [u8]) {
    // SAFETY: as above.
    unsafe { pack_avx2::<W>(input, out) }
}

pub(crate) static UNPACK: [UnpackFn; 33] = width_table!(unpack_entry);
pub(crate) static PACK: [PackFn; 33] = width_table!(pack_entry);
