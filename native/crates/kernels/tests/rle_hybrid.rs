mod common;
use common::Rng;
use parquetry_kernels::{
    encode_rle_hybrid_into, available_levels, decode_bit_packed, decode_rle_hybrid_at, encode_bit_packed, encode_rle_hybrid_at, ErrorCode,
    SimdLevel,
};


fn mask(w: u32) -> u32 {
    if w == 32 { u32::MAX } else { (1u32 << w) - 1 }
}

fn random_values(rng: &mut Rng, n: usize, w: u32, runs: bool) -> Vec<u32> {
    let mut v = Vec::with_capacity(n);
    while v.len() < n {
        let x = (rng.next() as u32) & mask(w);
        let len = if runs && rng.below(3) == 0 { 1 + rng.below(200) as usize } else { 1 };
        for _ in 0..len.min(n - v.len()) {
            v.push(x);
        }
    }
    v
}

fn decode(level: SimdLevel, bytes: &[u8], w: u32, n: usize) -> Result<(Vec<u32>, usize), parquetry_kernels::KernelError> {
    let mut out = vec![0u32; n];
    let used = decode_rle_hybrid_at(level, bytes, w, &mut out)?;
    Ok((out, used))
}

#[test]
fn spec_example_zero_to_seven_at_width_three() {
    // header 0b0000_0011: one bit-packed group of 8 values; then
    // 10001000 11000110 11111010 (values 0..7, 3 bits each, LSB first)
    let bytes = [0x03, 0b1000_1000, 0b1100_0110, 0b1111_1010];
    let values: Vec<u32> = (0..8).collect();
    for level in available_levels() {
        assert_eq!(encode_rle_hybrid_at(level, &values, 3, false).unwrap(), bytes);
        assert_eq!(decode(level, &bytes, 3, 8).unwrap(), (values.clone(), 4));
    }
}

#[test]
fn legacy_bit_packed_spec_example() {
    // 00000101 00111001 01110111: 0..7 at 3 bits, most significant bit first
    let bytes = [0b0000_0101, 0b0011_1001, 0b0111_0111];
    let values: Vec<u32> = (0..8).collect();
    assert_eq!(encode_bit_packed(&values, 3).unwrap(), bytes);
    let mut out = vec![0; 8];
    assert_eq!(decode_bit_packed(&bytes, 3, &mut out).unwrap(), 3);
    assert_eq!(out, values);
}

#[test]
fn rle_run_and_length_prefix() {
    // 40 times the value 5 at width 3: header 40 << 1 = 0x50, value in one byte
    let values = vec![5u32; 40];
    for level in available_levels() {
        assert_eq!(encode_rle_hybrid_at(level, &values, 3, false).unwrap(), [0x50, 0x05]);
        assert_eq!(encode_rle_hybrid_at(level, &values, 3, true).unwrap(), [2, 0, 0, 0, 0x50, 0x05]);
        // width 17 stores the value in 3 bytes
        assert_eq!(encode_rle_hybrid_at(level, &values, 17, false).unwrap(), [0x50, 0x05, 0, 0]);
    }
}

#[test]
fn round_trips_every_width_and_length_on_every_level() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let levels = available_levels();
    for w in 0..=32u32 {
        for &n in &[0usize, 1, 7, 8, 9, 31, 32, 33, 1023, 1024, 1025, 100_000] {
            for runs in [false, true] {
                let values = random_values(&mut rng, n, w, runs);
                let reference = encode_rle_hybrid_at(SimdLevel::Scalar, &values, w, false).unwrap();
                for &level in &levels {
                    let bytes = encode_rle_hybrid_at(level, &values, w, false).unwrap();
                    assert_eq!(bytes, reference, "encoders differ at width {w}, n {n}");
                    let (decoded, used) = decode(level, &bytes, w, n).unwrap();
                    assert_eq!(decoded, values, "width {w}, n {n}, runs {runs}, {level:?}");
                    assert_eq!(used, bytes.len());
                }
            }
        }
    }
}

#[test]
fn long_constant_runs_become_single_rle_runs() {
    let values = vec![3u32; 1_000_000];
    for level in available_levels() {
        let bytes = encode_rle_hybrid_at(level, &values, 2, false).unwrap();
        // header varint(2_000_000) is 3 bytes, then one value byte
        assert_eq!(bytes.len(), 4);
        assert_eq!(decode(level, &bytes, 2, values.len()).unwrap().0, values);
    }
}

#[test]
fn random_data_is_one_long_bit_packed_run() {
    let mut rng = Rng(7);
    let values: Vec<u32> = (0..4096).map(|_| rng.next() as u32 & 0xfff).collect();
    let bytes = encode_rle_hybrid_at(SimdLevel::Scalar, &values, 12, false).unwrap();
    // 512 groups: header varint(512 << 1 | 1) = 2 bytes, then 4096 * 12 / 8 bytes
    assert_eq!(bytes.len(), 2 + 6144);
}

#[test]
fn legacy_bit_packed_round_trips() {
    let mut rng = Rng(11);
    for w in 0..=32u32 {
        for &n in &[0usize, 1, 7, 8, 9, 1000] {
            let values = random_values(&mut rng, n, w, false);
            let bytes = encode_bit_packed(&values, w).unwrap();
            assert_eq!(bytes.len(), (n * w as usize).div_ceil(8));
            let mut out = vec![0; n];
            assert_eq!(decode_bit_packed(&bytes, w, &mut out).unwrap(), bytes.len());
            assert_eq!(out, values);
        }
    }
}

fn error_code(level: SimdLevel, bytes: &[u8], w: u32, n: usize) -> ErrorCode {
    decode(level, bytes, w, n).expect_err("must fail").code
}

#[test]
fn bad_input_is_an_error_not_a_panic() {
    for level in available_levels() {
        // bit-packed header for 2 groups at width 8 (16 bytes) with only 3 bytes following
        assert_eq!(error_code(level, &[0x05, 1, 2, 3], 8, 16), ErrorCode::Truncated);
        // a width over 32
        assert_eq!(error_code(level, &[0x02, 0x01], 33, 1), ErrorCode::InvalidArgument);
        // a last run past the count is read up to the count, as Arrow C++ does (DuckDB writes
        // runs of 256 levels past a page's count): an RLE run of 100 values when 10 are expected,
        // a bit-packed run of 3 groups (24 values) when 8 are, its bytes past the 8 missing or not
        assert_eq!(decode(level, &[200, 1, 1], 1, 10).unwrap().0, vec![1; 10]);
        assert_eq!(decode(level, &[0x07, 0xa5, 0xff, 0xff], 1, 8).unwrap().0, vec![1, 0, 1, 0, 0, 1, 0, 1]);
        assert_eq!(decode(level, &[0x07, 0xa5], 1, 8).unwrap().0, vec![1, 0, 1, 0, 0, 1, 0, 1]);
        // a header varint that never ends: truncated, then too long
        assert_eq!(error_code(level, &[0xff, 0xff, 0xff], 1, 8), ErrorCode::Truncated);
        assert_eq!(error_code(level, &[0xff; 8], 1, 8), ErrorCode::Corrupt);
        // an RLE value that does not fit in the width (5 at width 2)
        assert_eq!(error_code(level, &[0x10, 0x05], 2, 8), ErrorCode::Corrupt);
        // an RLE run with its value missing
        assert_eq!(error_code(level, &[0x10], 9, 8), ErrorCode::Truncated);
        // more values expected than the runs hold
        assert_eq!(error_code(level, &[0x10, 0x01], 1, 9), ErrorCode::Truncated);
        // a huge RLE run count against a small expected count allocates nothing: 4 values of it
        assert_eq!(decode(level, &[0xfe, 0xff, 0xff, 0xff, 0x0f, 0x01], 1, 4).unwrap().0, vec![1; 4]);
    }
    assert_eq!(encode_rle_hybrid_at(SimdLevel::Scalar, &[4], 2, false).unwrap_err().code, ErrorCode::InvalidArgument);
    assert_eq!(encode_rle_hybrid_at(SimdLevel::Scalar, &[0], 33, false).unwrap_err().code, ErrorCode::InvalidArgument);
}

#[test]
fn final_bit_packed_run_may_omit_its_padding_bytes() {
    // 3 values at width 8 in one group whose 5 padding bytes are absent
    for level in available_levels() {
        assert_eq!(decode(level, &[0x03, 7, 8, 9], 8, 3).unwrap(), (vec![7, 8, 9], 4));
    }
}

/// The encoder's run policy written the obvious way (scan every maximal stretch of equal values in
/// order), to check that the block-skipping search finds the same runs.
fn reference_encode(values: &[u32], w: usize) -> Vec<u8> {
    use parquetry_kernels::{MAX_BIT_PACKED_GROUPS, MIN_RLE_RUN};
    fn uleb(out: &mut Vec<u8>, mut v: u64) {
        while v >= 0x80 {
            out.push((v as u8 & 0x7f) | 0x80);
            v >>= 7;
        }
        out.push(v as u8);
    }
    fn bit_packed(out: &mut Vec<u8>, values: &[u32], w: usize) {
        for chunk in values.chunks(MAX_BIT_PACKED_GROUPS * 8) {
            let groups = chunk.len().div_ceil(8);
            uleb(out, ((groups as u64) << 1) | 1);
            let mut bits = vec![false; groups * 8 * w];
            for (i, &v) in chunk.iter().enumerate() {
                for b in 0..w {
                    bits[i * w + b] = (v >> b) & 1 == 1;
                }
            }
            for byte in bits.chunks(8) {
                out.push(byte.iter().enumerate().map(|(k, &on)| (on as u8) << k).sum());
            }
        }
    }
    let mut out = Vec::new();
    let (mut bp_start, mut i) = (0, 0);
    while i < values.len() {
        let mut j = i + 1;
        while j < values.len() && values[j] == values[i] {
            j += 1;
        }
        let lend = (8 - (i - bp_start) % 8) % 8;
        if j - i >= MIN_RLE_RUN && j - i - lend >= MIN_RLE_RUN {
            bit_packed(&mut out, &values[bp_start..i + lend], w);
            uleb(&mut out, ((j - i - lend) as u64) << 1);
            out.extend_from_slice(&values[i].to_le_bytes()[..w.div_ceil(8)]);
            bp_start = j;
        }
        i = j;
    }
    bit_packed(&mut out, &values[bp_start..], w);
    out
}

#[test]
fn run_search_matches_the_obvious_scan() {
    let mut rng = Rng(42);
    for round in 0..400 {
        let w = (round % 33) as u32;
        let n = rng.below(3000) as usize;
        // stretches of 1..40 values: many land near MIN_RLE_RUN and the lending boundary
        let mut values = Vec::with_capacity(n);
        while values.len() < n {
            let v = (rng.next() as u32) & mask(w) & 3;
            let len = 1 + rng.below(40) as usize;
            values.extend(std::iter::repeat(v).take(len.min(n - values.len())));
        }
        let expected = reference_encode(&values, w as usize);
        for level in available_levels() {
            assert_eq!(encode_rle_hybrid_at(level, &values, w, false).unwrap(), expected, "round {round}, width {w}");
        }
    }
}

#[test]
fn encoding_into_a_dirty_reused_buffer() {
    let mut rng = Rng(3);
    let values = random_values(&mut rng, 5000, 13, true);
    let expected = encode_rle_hybrid_at(SimdLevel::Scalar, &values, 13, false).unwrap();
    let mut buffer = vec![0xAAu8; expected.len() + 10];
    assert_eq!(encode_rle_hybrid_into(&values, 13, &mut buffer).unwrap(), expected.len());
    assert_eq!(&buffer[..expected.len()], &expected[..]);
    assert_eq!(buffer[expected.len()], 0xAA, "nothing written past the end");
    let mut small = vec![0u8; expected.len() - 1];
    assert_eq!(encode_rle_hybrid_into(&values, 13, &mut small).unwrap_err().code, ErrorCode::Limit);
}
