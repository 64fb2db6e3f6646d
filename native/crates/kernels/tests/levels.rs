use parquetry_kernels::available_levels;
use parquetry_kernels::levels::{count_at_max, scatter_by_levels, scatter_by_levels_at};
use parquetry_kernels::ErrorCode;

#[test]
fn counting_levels_at_the_maximum_checks_every_level() {
    assert_eq!(count_at_max(&[], 2, "definition").unwrap(), 0);
    assert_eq!(count_at_max(&[2, 0, 1, 2, 2], 2, "definition").unwrap(), 3);
    let levels: Vec<i32> = (0..5000).map(|i| i % 3).collect();
    assert_eq!(count_at_max(&levels, 2, "definition").unwrap(), levels.iter().filter(|&&l| l == 2).count());
    for (bad, at) in [(3, 4100usize), (-1, 0)] {
        let mut levels = levels.clone();
        levels[at] = bad;
        let e = count_at_max(&levels, 2, "definition").unwrap_err();
        assert_eq!(e.code, ErrorCode::Corrupt);
        assert!(e.message.contains(&format!("definition level {bad} at position {at} ")), "{}", e.message);
    }
}

#[test]
fn scattering_by_levels_fills_values_zeros_and_the_bitmap() {
    // levels of 11 slots, max 1: values at 0, 2, 3, 9, 10
    let levels = [1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 1];
    let values = [10u32, 20, 30, 40, 50];
    let mut out = [7u32; 11];
    let mut bitmap = [0xffu8; 2];
    assert_eq!(scatter_by_levels(&levels, 1, &values, 1, &mut out, &mut bitmap).unwrap(), 5);
    assert_eq!(out, [10, 0, 20, 30, 0, 0, 0, 0, 0, 40, 50]);
    assert_eq!(bitmap, [0b0000_1101, 0b0000_0110]);
    // two words a value
    let values = [1u32, 2, 3, 4];
    let mut out = [9u32; 6];
    let mut bitmap = [0u8; 1];
    assert_eq!(scatter_by_levels(&[0, 2, 2], 2, &values, 2, &mut out, &mut bitmap).unwrap(), 2);
    assert_eq!(out, [0, 0, 1, 2, 3, 4]);
    assert_eq!(bitmap, [0b110]);
}

#[test]
fn scattering_by_levels_refuses_short_inputs_and_outputs() {
    let e = scatter_by_levels(&[1, 1, 1], 1, &[1, 2], 1, &mut [0; 3], &mut [0; 1]).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArgument);
    assert_eq!(scatter_by_levels(&[1, 1], 1, &[1, 2], 1, &mut [0; 1], &mut [0; 1]).unwrap_err().code, ErrorCode::InvalidArgument);
    assert_eq!(scatter_by_levels(&[1; 9], 1, &[0; 9], 1, &mut [0; 9], &mut [0; 1]).unwrap_err().code, ErrorCode::InvalidArgument);
    assert_eq!(scatter_by_levels(&[1], 1, &[0; 3], 3, &mut [0; 3], &mut [0; 1]).unwrap_err().code, ErrorCode::InvalidArgument);
}

/// The slot-by-slot definition of scatter_by_levels.
fn scatter_reference(levels: &[i32], max: i32, values: &[u32], words: usize) -> (Vec<u32>, Vec<u8>) {
    let mut out = vec![0u32; levels.len() * words];
    let mut bitmap = vec![0u8; levels.len().div_ceil(8)];
    let mut v = 0;
    for (i, &l) in levels.iter().enumerate() {
        if l == max {
            out[i * words..(i + 1) * words].copy_from_slice(&values[v * words..(v + 1) * words]);
            bitmap[i / 8] |= 1 << (i % 8);
            v += 1;
        }
    }
    (out, bitmap)
}

#[test]
fn scattering_by_levels_matches_the_slot_by_slot_definition_on_every_level() {
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for level in available_levels() {
        for words in [1usize, 2] {
            for n in [0usize, 1, 3, 7, 8, 9, 15, 16, 17, 31, 33, 100, 1000, 4099] {
                // null shares from none to all, and levels below the maximum of every depth
                for nulls_per_8 in [0u64, 1, 4, 7, 8] {
                    let levels: Vec<i32> = (0..n).map(|_| if next() % 8 < nulls_per_8 { (next() % 2) as i32 } else { 2 }).collect();
                    let present = levels.iter().filter(|&&l| l == 2).count();
                    let values: Vec<u32> = (0..present * words).map(|_| next() as u32 | 1).collect();
                    let (want, want_bits) = scatter_reference(&levels, 2, &values, words);
                    // outputs start dirty: every word and bit must be written
                    let mut out = vec![0xdead_beefu32; n * words];
                    let mut bitmap = vec![0xa5u8; n.div_ceil(8)];
                    let placed = scatter_by_levels_at(level, &levels, 2, &values, words, &mut out, &mut bitmap).unwrap();
                    assert_eq!(placed, present, "{level:?} words {words} n {n}");
                    assert_eq!(out, want, "{level:?} words {words} n {n} nulls {nulls_per_8}/8");
                    assert_eq!(bitmap, want_bits, "{level:?} words {words} n {n} nulls {nulls_per_8}/8");
                    // values given beyond those the levels place are ignored, never read into slots
                    let mut longer = values.clone();
                    longer.extend(std::iter::repeat_n(7u32, 20 * words));
                    let mut out2 = vec![1u32; n * words];
                    scatter_by_levels_at(level, &levels, 2, &longer, words, &mut out2, &mut bitmap).unwrap();
                    assert_eq!(out2, want, "{level:?} words {words} n {n} with extra values");
                }
            }
        }
    }
}

#[test]
fn counting_and_finding_the_zero_levels() {
    use parquetry_kernels::force_scalar;
    use parquetry_kernels::levels::{count_at, zero_positions};
    // repetition levels of lists of 0..5 elements, and levels that hold more zeros than room
    let mut seed = 7u64;
    let levels: Vec<i32> = (0..5000)
        .map(|_| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            if (seed >> 60) < 3 {
                0
            } else {
                1 + ((seed >> 40) % 2) as i32
            }
        })
        .collect();
    let want: Vec<i32> = levels.iter().enumerate().filter(|(_, &l)| l == 0).map(|(i, _)| i as i32).collect();
    for scalar in [true, false] {
        force_scalar(scalar);
        assert_eq!(count_at(&levels, 2, 0, "repetition").unwrap(), want.len());
        for n in [0usize, 1, 9, 16, 17, 4999, 5000] {
            let slice = &levels[..n];
            let zeros = want.iter().filter(|&&p| (p as usize) < n).count();
            let mut out = vec![-7; zeros];
            assert_eq!(zero_positions(slice, &mut out), zeros, "{n} levels");
            assert_eq!(out, want[..zeros], "{n} levels");
            // room for fewer: those filled in order, the count still whole
            let mut short = vec![-7; zeros / 2];
            assert_eq!(zero_positions(slice, &mut short), zeros);
            assert_eq!(short, want[..zeros / 2]);
        }
        let e = count_at(&[0, 1, 3], 2, 0, "repetition").unwrap_err();
        assert_eq!(e.code, ErrorCode::Corrupt);
        assert!(e.message.contains("repetition level 3 at position 2 "), "{}", e.message);
    }
    force_scalar(false);
}
