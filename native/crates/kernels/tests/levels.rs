use parquetry_kernels::levels::{count_at_max, scatter_by_levels};
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
