//! Min and max of a page's numbers, for column statistics: NaN is left out (it orders nowhere),
//! and `None` means no value counted (none at all, or only NaN). Sixteen running lanes of plain
//! compare-and-select, which the compiler turns into vector min/max without changing what NaN does.

const LANES: usize = 16;

#[inline(always)]
fn lanes<T: Copy + PartialOrd>(values: &[T], low: T, high: T) -> (T, T) {
    let mut lo = [low; LANES];
    let mut hi = [high; LANES];
    let chunks = values.chunks_exact(LANES);
    let rest = chunks.remainder();
    for chunk in chunks {
        for j in 0..LANES {
            let x = chunk[j];
            lo[j] = if x < lo[j] { x } else { lo[j] };
            hi[j] = if x > hi[j] { x } else { hi[j] };
        }
    }
    let (mut a, mut b) = (low, high);
    for j in 0..LANES {
        if lo[j] < a {
            a = lo[j];
        }
        if hi[j] > b {
            b = hi[j];
        }
    }
    for &x in rest {
        if x < a {
            a = x;
        }
        if x > b {
            b = x;
        }
    }
    (a, b)
}

/// Starting from the opposite extremes, a range with a value in it has `min <= max`.
fn counted<T: PartialOrd>((a, b): (T, T)) -> Option<(T, T)> {
    if a <= b {
        Some((a, b))
    } else {
        None
    }
}

pub fn range_i32(values: &[i32]) -> Option<(i32, i32)> {
    counted(lanes(values, i32::MAX, i32::MIN))
}

pub fn range_u32(values: &[u32]) -> Option<(u32, u32)> {
    counted(lanes(values, u32::MAX, u32::MIN))
}

pub fn range_i64(values: &[i64]) -> Option<(i64, i64)> {
    counted(lanes(values, i64::MAX, i64::MIN))
}

pub fn range_u64(values: &[u64]) -> Option<(u64, u64)> {
    counted(lanes(values, u64::MAX, u64::MIN))
}

pub fn range_f32(values: &[f32]) -> Option<(f32, f32)> {
    counted(lanes(values, f32::INFINITY, f32::NEG_INFINITY))
}

pub fn range_f64(values: &[f64]) -> Option<(f64, f64)> {
    counted(lanes(values, f64::INFINITY, f64::NEG_INFINITY))
}

/// Indices of the least and the greatest byte string in unsigned lexicographic order (a prefix
/// sorts first; the first of equal values), value i being `bytes[offsets[i]..offsets[i + 1]]`.
pub fn range_byte_arrays(offsets: &[i32], bytes: &[u8]) -> crate::error::Result<Option<(usize, usize)>> {
    let n = offsets.len().saturating_sub(1);
    let value = |i: usize| -> crate::error::Result<&[u8]> {
        let (a, b) = (offsets[i], offsets[i + 1]);
        if a < 0 || b < a || b as usize > bytes.len() {
            return Err(crate::error::KernelError::invalid(format!("offsets[{i}..{}] = {a}..{b} do not lie within {} bytes", i + 1, bytes.len())));
        }
        Ok(&bytes[a as usize..b as usize])
    };
    if n == 0 {
        return Ok(None);
    }
    let (mut lo, mut hi) = (value(0)?, value(0)?);
    let (mut lo_at, mut hi_at) = (0, 0);
    for i in 1..n {
        let v = value(i)?;
        if v < lo {
            lo = v;
            lo_at = i;
        } else if v > hi {
            hi = v;
            hi_at = i;
        }
    }
    Ok(Some((lo_at, hi_at)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extremes_nan_and_empty() {
        assert_eq!(range_i32(&[]), None);
        assert_eq!(range_i32(&[i32::MAX]), Some((i32::MAX, i32::MAX)));
        assert_eq!(range_u32(&[0, u32::MAX, 7]), Some((0, u32::MAX)));
        assert_eq!(range_i64(&[i64::MIN, 3, i64::MAX]), Some((i64::MIN, i64::MAX)));
        assert_eq!(range_u64(&[u64::MAX]), Some((u64::MAX, u64::MAX)));
        assert_eq!(range_f32(&[f32::NAN; 40]), None);
        assert_eq!(range_f32(&[f32::INFINITY; 3]), Some((f32::INFINITY, f32::INFINITY)));
        let mut v = vec![f32::NAN; 37];
        v[20] = -2.5;
        v[36] = 4.0;
        assert_eq!(range_f32(&v), Some((-2.5, 4.0)));
        assert_eq!(range_f64(&[f64::NAN, f64::NEG_INFINITY]), Some((f64::NEG_INFINITY, f64::NEG_INFINITY)));
    }

    #[test]
    fn byte_strings_in_unsigned_order() {
        let bytes = b"bab\xffa";
        // "b", "ab", "\xff", "a", "" (empty sorts first)
        let offsets = [0, 1, 3, 4, 5, 5];
        assert_eq!(range_byte_arrays(&offsets, bytes).unwrap(), Some((4, 2)));
        assert_eq!(range_byte_arrays(&[0], bytes).unwrap(), None);
        assert!(range_byte_arrays(&[0, 9], bytes).is_err());
    }

    #[test]
    fn equals_a_plain_loop() {
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for n in [0usize, 1, 15, 16, 17, 100, 1000] {
            let v: Vec<i64> = (0..n)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    x as i64
                })
                .collect();
            let want = v.iter().copied().min().zip(v.iter().copied().max());
            assert_eq!(range_i64(&v), want);
            let u: Vec<u64> = v.iter().map(|&a| a as u64).collect();
            assert_eq!(range_u64(&u), u.iter().copied().min().zip(u.iter().copied().max()));
        }
    }
}
