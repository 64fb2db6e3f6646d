mod common;
use common::Rng;
use parquetry_kernels::bloom::*;
use parquetry_kernels::xxhash64::*;
use parquetry_kernels::{available_levels, ErrorCode};

/// The xxHash reference suite's sanity buffer: byte i is the top byte of PRIME32 * PRIME64^i.
fn sanity_buffer(n: usize) -> Vec<u8> {
    let mut gen: u64 = 2_654_435_761;
    (0..n)
        .map(|_| {
            let b = (gen >> 56) as u8;
            gen = gen.wrapping_mul(11_400_714_785_074_694_797);
            b
        })
        .collect()
}

const PRIME32: u64 = 0x9E37_79B1;

#[test]
fn xxhash64_matches_the_reference_sanity_vectors() {
    // (length, seed, digest) from xxHash's xsum_sanity_check.c and tests/sanity_test_vectors.h
    let vectors: &[(usize, u64, u64)] = &[
        (0, 0, 0xEF46_DB37_51D8_E999),
        (0, PRIME32, 0xAC75_FDA2_929B_17EF),
        (1, 0, 0xE934_A84A_DB05_2768),
        (1, PRIME32, 0x5014_6076_43A9_B4C3),
        (3, 0, 0xFF7E_1959_CB50_794A),
        (3, PRIME32, 0xAA85_84E8_3660_F7D1),
        (4, 0, 0x9136_A0DC_A574_57EE),
        (4, PRIME32, 0xCAAB_286B_D8E9_FDB5),
        (8, 0, 0xCDBC_F538_E71D_1348),
        (8, PRIME32, 0xFE0C_047A_5353_CDAC),
        (14, 0, 0x8282_DCC4_994E_35C8),
        (14, PRIME32, 0xC3BD_6BF6_3DEB_6DF0),
        (16, 0, 0x98C9_0B57_FDFC_B55C),
        (16, PRIME32, 0xC900_AD2D_536B_607E),
        (17, 0, 0x0D39_A2D0_51A3_0C2C),
        (17, PRIME32, 0x495C_D68A_647C_7A22),
        (24, 0, 0xF75A_6DEA_42DC_5BF4),
        (24, PRIME32, 0x8B7C_67EB_5977_8E22),
        (32, 0, 0x18B2_1649_2BB4_4B70),
        (32, PRIME32, 0xB3F3_3BDF_93AD_E409),
        (64, 0, 0xEF55_8F8A_CAC2_B5CD),
        (128, 0, 0x90CA_0214_57D9_6DC5),
        (129, 0, 0x41C2_8013_2D69_7ABA),
        (222, 0, 0xB641_AE8C_B691_C174),
        (222, PRIME32, 0x20CB_8AB7_AE10_C14A),
        (2367, 0, 0xA824_18DD_EC0E_A581),
        (2367, PRIME32, 0xA36A_93C1_8052_673A),
    ];
    let buf = sanity_buffer(2367);
    for &(len, seed, want) in vectors {
        assert_eq!(xxhash64(&buf[..len], seed), want, "length {len} seed {seed:#x}");
    }
    assert_eq!(xxhash64(b"a", 0), 0xD24E_C4F1_A98C_6E5B);
    assert_eq!(xxhash64(b"abc", 0), 0x44BC_2CF5_AD77_0999);
}

#[test]
fn xxhash64_low_half_matches_zstd_frame_checksums() {
    // A zstd frame's checksum is the low 32 bits of XXH64 (seed 0) of its content; these came from
    // libzstd (python zstandard, write_checksum=True) over the sanity buffer, across the stripe edges.
    let checksums: &[(usize, u32)] = &[
        (7, 0x9f01_ed25),
        (31, 0x90e6_d783),
        (33, 0x578f_5b59),
        (63, 0xa0f3_f4e7),
        (65, 0x2631_af7a),
        (100, 0xd91d_9ea4),
        (300, 0xec12_824f),
    ];
    let buf = sanity_buffer(300);
    for &(len, want) in checksums {
        assert_eq!(xxhash64(&buf[..len], 0) as u32, want, "length {len}");
    }
    assert_eq!(xxhash64(b"hello", 0) as u32, 0x889f_6da3);
    assert_eq!(xxhash64(b"parquet", 0) as u32, 0x5c52_e429);
}

#[test]
fn word_paths_and_batches_agree_with_the_byte_path() {
    let mut rng = Rng(7);
    for _ in 0..2000 {
        let (v, seed) = (rng.next(), rng.next());
        assert_eq!(xxhash64_u64(v, seed), xxhash64(&v.to_le_bytes(), seed));
        assert_eq!(xxhash64_u32(v as u32, seed), xxhash64(&(v as u32).to_le_bytes(), seed));
    }
    let bytes: Vec<u8> = (0..1200).map(|_| rng.next() as u8).collect();
    for width in [1usize, 2, 3, 4, 5, 8, 12, 16, 40, 50] {
        let mut out = vec![0u64; bytes.len() / width];
        xxhash64_fixed_width(&bytes, width, 99, &mut out).unwrap();
        for (i, &h) in out.iter().enumerate() {
            assert_eq!(h, xxhash64(&bytes[i * width..(i + 1) * width], 99), "width {width} value {i}");
        }
    }
    let offsets = [3i32, 3, 10, 45, 45, 200];
    let mut out = [0u64; 5];
    xxhash64_byte_arrays(&offsets, &bytes, 0, &mut out).unwrap();
    for i in 0..5 {
        assert_eq!(out[i], xxhash64(&bytes[offsets[i] as usize..offsets[i + 1] as usize], 0));
    }
}

#[test]
fn batch_hashing_rejects_bad_shapes() {
    let bytes = [0u8; 12];
    let mut out = [0u64; 3];
    for (width, out_len) in [(0usize, 3usize), (5, 3), (4, 2), (4, 4)] {
        let err = xxhash64_fixed_width(&bytes, width, 0, &mut vec![0; out_len]).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidArgument, "width {width} out {out_len}");
    }
    for offsets in [&[0i32, 4, 8][..], &[0, 4, 8, 13], &[0, 5, 4, 8], &[-1, 0, 1, 2]] {
        let err = xxhash64_byte_arrays(offsets, &bytes, 0, &mut out).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidArgument, "offsets {offsets:?}");
    }
}

#[test]
fn a_hash_sets_one_bit_per_word_of_the_block_its_upper_half_picks() {
    // lower half 1: bit i is SALT[i] >> 27, the top five bits of each salt
    // (0x47.. 01000, 0x44.. 01000, 0x88.. 10001, 0xa2.. 10100, 0x70.. 01110, 0x2d.. 00101,
    // 0x9e.. 10011, 0x5c.. 01011)
    let bits = [8, 8, 17, 20, 14, 5, 19, 11];
    assert_eq!(block_mask(1), bits.map(|b| 1u32 << b));
    // upper half 0x8000_0000 of 4 blocks is block 2; 0xffff_ffff is the last
    assert_eq!(block_index(0x8000_0000_0000_0001, 4), 2);
    assert_eq!(block_index(0xffff_ffff_0000_0000, 4), 3);
    assert_eq!(block_index(0x0000_0000_ffff_ffff, 4), 0);
    for level in available_levels() {
        let mut bitset = vec![0u8; 128];
        bloom_insert_hashes_at(level, &mut bitset, &[0x8000_0000_0000_0001]).unwrap();
        let mut want = vec![0u8; 128];
        for (i, b) in bits.iter().enumerate() {
            want[64 + 4 * i..64 + 4 * i + 4].copy_from_slice(&(1u32 << b).to_le_bytes());
        }
        assert_eq!(bitset, want, "{level:?}");
        let mut out = [9u8; 3];
        bloom_check_hashes_at(level, &bitset, &[0x8000_0000_0000_0001, 0x0000_0000_0000_0001, 0x8000_0000_0000_0002], &mut out).unwrap();
        assert_eq!(out, [1, 0, 0], "{level:?}");
    }
}

#[test]
fn every_level_builds_the_same_bitset_and_finds_every_inserted_hash() {
    let mut rng = Rng(11);
    let hashes: Vec<u64> = (0..20_000).map(|_| rng.next()).collect();
    let fresh: Vec<u64> = (0..100_000).map(|_| rng.next()).collect();
    let bytes = bloom_filter_bytes(hashes.len() as f64, 0.01, 128 << 20).unwrap();
    assert_eq!(bytes, 32 * 1024); // 20,000 x 9.59 bits = 23,974 bytes, rounded up
    let mut first: Option<Vec<u8>> = None;
    for level in available_levels() {
        let mut bitset = vec![0u8; bytes];
        bloom_insert_hashes_at(level, &mut bitset, &hashes).unwrap();
        let mut out = vec![0u8; hashes.len()];
        bloom_check_hashes_at(level, &bitset, &hashes, &mut out).unwrap();
        assert!(out.iter().all(|&o| o == 1), "{level:?}: an inserted hash is missing");
        let mut out = vec![0u8; fresh.len()];
        bloom_check_hashes_at(level, &bitset, &fresh, &mut out).unwrap();
        let rate = out.iter().filter(|&&o| o == 1).count() as f64 / fresh.len() as f64;
        // the filter was rounded up from 23,974 bytes, so its rate is well under the 1% asked for
        assert!(rate > 0.0005 && rate < 0.01, "{level:?}: false-positive rate {rate}");
        match &first {
            None => first = Some(bitset),
            Some(f) => assert_eq!(f, &bitset, "{level:?} differs from scalar"),
        }
    }
}

#[test]
fn corpus_filter_holds_its_four_words() {
    let root = std::env::var("PARQUET_TEST_DATA").unwrap_or_else(|_| format!("{}/../../../../shared/conformance/parquet-testing", env!("CARGO_MANIFEST_DIR")));
    let path = format!("{root}/data/bloom_filter.xxhash.bin");
    let Ok(file) = std::fs::read(&path) else {
        eprintln!("skipped: {path} is not there");
        return;
    };
    // A 16-byte Thrift header (numBytes 1024 as the zigzag varint 80 10, then BLOCK, XXHASH,
    // UNCOMPRESSED) and the bitset.
    assert_eq!(&file[..3], &[0x15, 0x80, 0x10]);
    let bitset = &file[16..];
    assert_eq!(bitset.len(), 1024);
    let words: Vec<&[u8]> = vec![b"hello", b"parquet", b"bloom", b"filter"];
    let hashes: Vec<u64> = words.iter().map(|w| xxhash64(w, 0)).collect();
    let mut out = [0u8; 4];
    bloom_check_hashes(bitset, &hashes, &mut out).unwrap();
    assert_eq!(out, [1, 1, 1, 1]);
    let others: Vec<u64> = (0..1000).map(|i| xxhash64(format!("other-{i}").as_bytes(), 0)).collect();
    let mut out = vec![0u8; others.len()];
    bloom_check_hashes(bitset, &others, &mut out).unwrap();
    // 4 values in 32 blocks: at most 32 of 256 bits set, so a false positive needs 8 lucky words
    assert!(out.iter().filter(|&&o| o == 1).count() <= 2);
}

#[test]
fn sizes_follow_the_bits_per_value_formula() {
    // (ndv, fpp, bytes): the table of the arrow-rs bloom_filter module docs, from the same formula
    let table: &[(f64, f64, usize)] = &[
        (10_000.0, 0.1, 8 << 10),
        (10_000.0, 0.01, 16 << 10),
        (10_000.0, 0.001, 32 << 10),
        (10_000.0, 0.0001, 32 << 10),
        (100_000.0, 0.1, 128 << 10),
        (100_000.0, 0.01, 128 << 10),
        (100_000.0, 0.001, 256 << 10),
        (100_000.0, 0.0001, 512 << 10),
        (100_000.0, 0.00001, 512 << 10),
        (1_000_000.0, 0.1, 1 << 20),
        (1_000_000.0, 0.01, 2 << 20),
        (1_000_000.0, 0.001, 2 << 20),
        (1_000_000.0, 0.0001, 4 << 20),
        (1_000_000.0, 0.00001, 4 << 20),
        (1_000_000.0, 0.000001, 8 << 20),
    ];
    for &(ndv, fpp, bytes) in table {
        assert_eq!(bloom_filter_bytes(ndv, fpp, 128 << 20).unwrap(), bytes, "ndv {ndv} fpp {fpp}");
    }
    assert_eq!(bloom_filter_bytes(0.0, 0.01, 128 << 20).unwrap(), 32);
    assert_eq!(bloom_filter_bytes(1e9, 0.01, 128 << 20).unwrap(), 128 << 20);
    assert_eq!(bloom_filter_bytes(1e6, 0.01, 1000).unwrap(), 512);
    for (ndv, fpp, max) in [(-1.0, 0.01, 1024), (f64::NAN, 0.01, 1024), (10.0, 0.0, 1024), (10.0, 1.0, 1024), (10.0, 0.01, 31)] {
        assert_eq!(bloom_filter_bytes(ndv, fpp, max).unwrap_err().code, ErrorCode::InvalidArgument);
    }
}

#[test]
fn filters_reject_partial_blocks_and_mismatched_outputs() {
    for len in [0usize, 31, 33, 48] {
        let mut bitset = vec![0u8; len];
        assert_eq!(bloom_insert_hashes(&mut bitset, &[1]).unwrap_err().code, ErrorCode::InvalidArgument, "{len} bytes");
    }
    let bitset = [0u8; 32];
    assert_eq!(bloom_check_hashes(&bitset, &[1, 2], &mut [0u8; 1]).unwrap_err().code, ErrorCode::InvalidArgument);
}
