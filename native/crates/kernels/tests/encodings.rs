mod common;
use common::Rng;
use parquetry_kernels::byte_stream_split::{decode_byte_stream_split, encode_byte_stream_split};
use parquetry_kernels::delta::*;
use parquetry_kernels::dictionary::{gather_byte_array_bytes, gather_byte_arrays, gather_fixed_width, gather_u32, gather_u64};
use parquetry_kernels::plain::*;
use parquetry_kernels::ErrorCode;

fn dbp_i32(values: &[i32]) -> Vec<u8> {
    let mut out = Vec::new();
    encode_delta_binary_packed_i32(values, &mut out);
    out
}

#[test]
fn delta_spec_example_one_to_five() {
    // header: block 128 (80 01), 4 miniblocks, 5 values, first 1 (zigzag 2);
    // block: min delta 1 (zigzag 2), widths 0 0 0 0, no miniblock bytes
    let bytes = [0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0, 0, 0, 0];
    assert_eq!(dbp_i32(&[1, 2, 3, 4, 5]), bytes);
    let mut out = [0i32; 5];
    assert_eq!(decode_delta_binary_packed_i32(&bytes, &mut out).unwrap(), bytes.len());
    assert_eq!(out, [1, 2, 3, 4, 5]);
}

#[test]
fn delta_spec_example_seven_down_then_up() {
    // 7 5 3 1 2 3 4 5 (Encodings.md): deltas -2 -2 -2 1 1 1 1, min -2 (zigzag 3), relative
    // 0 0 0 3 3 3 3 at width 2: 11000000 00111111, then 6 zero bytes (32 values x 2 bits = 8 bytes)
    let mut bytes = vec![0x80, 0x01, 0x04, 0x08, 0x0e, 0x03, 2, 0, 0, 0, 0b1100_0000, 0b0011_1111];
    bytes.extend_from_slice(&[0; 6]);
    let values = [7, 5, 3, 1, 2, 3, 4, 5];
    assert_eq!(dbp_i32(&values), bytes);
    let mut out = [0i32; 8];
    decode_delta_binary_packed_i32(&bytes, &mut out).unwrap();
    assert_eq!(out, values);
}

#[test]
fn delta_round_trips_with_wrapping_and_both_widths() {
    let mut rng = Rng(1);
    for &n in &[0usize, 1, 2, 127, 128, 129, 4097, 100_000] {
        let kinds: [Box<dyn Fn(&mut Rng, usize) -> i64>; 4] = [
            Box::new(|r, _| r.next() as i64),
            Box::new(|_, i| i as i64 * 3 - 1000),
            Box::new(|_, _| 42),
            Box::new(|r, _| if r.next() % 2 == 0 { i64::MIN } else { i64::MAX }),
        ];
        for make in &kinds {
            let v64: Vec<i64> = (0..n).map(|i| make(&mut rng, i)).collect();
            let mut bytes = Vec::new();
            encode_delta_binary_packed_i64(&v64, &mut bytes);
            let mut out = vec![0i64; n];
            assert_eq!(decode_delta_binary_packed_i64(&bytes, &mut out).unwrap(), bytes.len());
            assert_eq!(out, v64);
            let v32: Vec<i32> = v64.iter().map(|&v| v as i32).collect();
            let bytes = dbp_i32(&v32);
            let mut out = vec![0i32; n];
            assert_eq!(decode_delta_binary_packed_i32(&bytes, &mut out).unwrap(), bytes.len());
            assert_eq!(out, v32);
        }
    }
}

#[test]
fn delta_bad_input() {
    let mut out = [0i32; 4];
    // block size 100 is not a multiple of 128
    assert_eq!(decode_delta_binary_packed_i32(&[100, 4, 4, 0], &mut out).unwrap_err().code, ErrorCode::Corrupt);
    // 3 miniblocks do not split 128 into multiples of 32
    assert_eq!(decode_delta_binary_packed_i32(&[0x80, 1, 3, 4, 0], &mut out).unwrap_err().code, ErrorCode::Corrupt);
    // a count of 1000 in 8 bytes
    let mut big = vec![0i32; 1000];
    assert_eq!(decode_delta_binary_packed_i32(&[0x80, 1, 4, 0xe8, 7, 0, 0, 0], &mut big).unwrap_err().code, ErrorCode::Truncated);
    // miniblock width 33 for INT32, 65 for INT64
    let bad = [0x80, 1, 4, 4, 0, 0, 33, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    assert_eq!(decode_delta_binary_packed_i32(&bad, &mut out).unwrap_err().code, ErrorCode::Corrupt);
    let mut bad64 = bad;
    bad64[6] = 65;
    assert_eq!(decode_delta_binary_packed_i64(&bad64, &mut [0i64; 4]).unwrap_err().code, ErrorCode::Corrupt);
}

fn byte_arrays(values: &[&[u8]]) -> (Vec<i32>, Vec<u8>) {
    let mut offsets = vec![0];
    let mut bytes = Vec::new();
    for v in values {
        bytes.extend_from_slice(v);
        offsets.push(bytes.len() as i32);
    }
    (offsets, bytes)
}

#[test]
fn delta_length_and_delta_byte_array_round_trip() {
    let long = vec![b'x'; 10_000];
    let values: Vec<&[u8]> = vec![b"Hello", b"World", b"Foobar", b"ABCDEF", b"", &long, b"prefix-1", b"prefix-12", b"prefix-2"];
    let (offsets, bytes) = byte_arrays(&values);
    let mut dlba = Vec::new();
    encode_delta_length_byte_array(&offsets, &bytes, &mut dlba).unwrap();
    let mut got = vec![0i32; offsets.len()];
    let (a, b) = decode_delta_length_byte_array(&dlba, &mut got).unwrap();
    assert_eq!(got, offsets);
    assert_eq!(&dlba[a..b], &bytes[..]);
    assert_eq!(b, dlba.len());

    let mut dba = Vec::new();
    encode_delta_byte_array(&offsets, &bytes, &mut dba).unwrap();
    let mut got = vec![0i32; offsets.len()];
    let (out, used) = decode_delta_byte_array(&dba, &mut got).unwrap();
    assert_eq!(got, offsets);
    assert_eq!(out, bytes);
    assert_eq!(used, dba.len());
}

#[test]
fn delta_byte_array_rejects_a_prefix_longer_than_the_previous_value() {
    // prefixes [0, 5] but the first value is 2 bytes long
    let prefixes = dbp_i32(&[0, 5]);
    let (so, sb) = byte_arrays(&[b"ab", b"c"]);
    let mut input = prefixes;
    encode_delta_length_byte_array(&so, &sb, &mut input).unwrap();
    let mut offsets = [0i32; 3];
    assert_eq!(decode_delta_byte_array(&input, &mut offsets).unwrap_err().code, ErrorCode::Corrupt);
}

#[test]
fn byte_stream_split_round_trips_and_matches_the_definition() {
    let mut rng = Rng(5);
    for width in [1usize, 2, 3, 4, 5, 8, 12, 16] {
        for count in [0usize, 1, 127, 128, 129, 4097] {
            let values: Vec<u8> = (0..count * width).map(|_| rng.next() as u8).collect();
            let mut streams = vec![0u8; values.len()];
            encode_byte_stream_split(&values, width, &mut streams).unwrap();
            for i in 0..count {
                for k in 0..width {
                    assert_eq!(streams[k * count + i], values[i * width + k]);
                }
            }
            let mut back = vec![0u8; values.len()];
            decode_byte_stream_split(&streams, width, &mut back).unwrap();
            assert_eq!(back, values);
        }
    }
    assert_eq!(decode_byte_stream_split(&[1, 2, 3], 2, &mut [0; 3]).unwrap_err().code, ErrorCode::Corrupt);
}

#[test]
fn plain_booleans() {
    // 1 0 1 1 0 0 0 0 | 1 -> 0b00001101 0b00000001
    let values = [1u8, 0, 1, 1, 0, 0, 0, 0, 1];
    assert_eq!(encode_plain_booleans(&values).unwrap(), [0b0000_1101, 0b0000_0001]);
    let mut out = [0u8; 9];
    assert_eq!(decode_plain_booleans(&[0b0000_1101, 0b0000_0001], 0, &mut out).unwrap(), 2);
    assert_eq!(out, values);
    // from bit 3: 1 0 0 0 0 | 1
    let mut out = [0u8; 6];
    decode_plain_booleans(&[0b0000_1101, 0b0000_0001], 3, &mut out).unwrap();
    assert_eq!(out, [1, 0, 0, 0, 0, 1]);
    assert_eq!(decode_plain_booleans(&[0xff], 0, &mut [0u8; 9]).unwrap_err().code, ErrorCode::Truncated);
    assert_eq!(encode_plain_booleans(&[2]).unwrap_err().code, ErrorCode::InvalidArgument);
}

#[test]
fn plain_byte_arrays() {
    let (offsets, bytes) = byte_arrays(&[b"ab", b"", b"xyz"]);
    let encoded = encode_plain_byte_arrays(&offsets, &bytes).unwrap();
    assert_eq!(encoded, [2, 0, 0, 0, b'a', b'b', 0, 0, 0, 0, 3, 0, 0, 0, b'x', b'y', b'z']);
    let mut got = [0i32; 4];
    assert_eq!(scan_plain_byte_arrays(&encoded, &mut got).unwrap(), encoded.len());
    assert_eq!(got.to_vec(), offsets);
    let mut out = vec![0u8; 5];
    gather_plain_byte_arrays(&encoded, &got, &mut out).unwrap();
    assert_eq!(out, bytes);
    // a length of 2^31 and one past the end
    assert_eq!(scan_plain_byte_arrays(&[0, 0, 0, 0x80, 1], &mut [0; 2]).unwrap_err().code, ErrorCode::Corrupt);
    assert_eq!(scan_plain_byte_arrays(&[5, 0, 0, 0, 1], &mut [0; 2]).unwrap_err().code, ErrorCode::Truncated);
    assert_eq!(scan_plain_byte_arrays(&[5, 0], &mut [0; 2]).unwrap_err().code, ErrorCode::Truncated);
}

#[test]
fn plain_byte_arrays_gather_every_length_into_a_dirty_output_of_exact_size() {
    // lengths 0..100 in a scrambled order, so long and short values sit next to each other and the
    // last values (no room past them) take the exact copy
    let values: Vec<Vec<u8>> = (0..400u32).map(|i| (0..(i * 37 % 101)).map(|k| (i * 7 + k) as u8).collect()).collect();
    let refs: Vec<&[u8]> = values.iter().map(|v| v.as_slice()).collect();
    let (offsets, bytes) = byte_arrays(&refs);
    let encoded = encode_plain_byte_arrays(&offsets, &bytes).unwrap();
    for count in [0usize, 1, 2, 3, 17, 399, 400] {
        let prefix_end = offsets[count] as usize + 4 * count;
        let input = &encoded[..prefix_end];
        let mut got = vec![0i32; count + 1];
        assert_eq!(scan_plain_byte_arrays(input, &mut got).unwrap(), prefix_end);
        let mut out = vec![0xeeu8; got[count] as usize];
        gather_plain_byte_arrays(input, &got, &mut out).unwrap();
        assert_eq!(out, bytes[..offsets[count] as usize], "{count} values");
    }
    // offsets that are not ranges, or lie outside the input or the output, are refused
    let (offsets, _) = byte_arrays(&[b"ab", b"", b"xyz"]);
    let encoded = encode_plain_byte_arrays(&offsets, &[b'a', b'b', b'x', b'y', b'z']).unwrap();
    for bad in [[0, 2, 1, 5], [0, -1, 2, 5], [0, 2, 2, 9], [1, 2, 2, 5]] {
        assert_eq!(gather_plain_byte_arrays(&encoded, &bad, &mut [0u8; 5]).unwrap_err().code, ErrorCode::InvalidArgument, "{bad:?}");
    }
}

#[test]
fn dictionary_gathers() {
    let dict = [10u32, 20, 30];
    let mut out = [0u32; 4];
    gather_u32(&dict, &[2, 0, 1, 2], &mut out).unwrap();
    assert_eq!(out, [30, 10, 20, 30]);
    assert_eq!(gather_u32(&dict, &[3], &mut [0]).unwrap_err().code, ErrorCode::Corrupt);
    assert_eq!(gather_u32(&dict, &[-1], &mut [0]).unwrap_err().code, ErrorCode::Corrupt);
    let mut out = [0u64; 2];
    gather_u64(&[7u64, 8], &[1, 1], &mut out).unwrap();
    assert_eq!(out, [8, 8]);
    let mut out = [0u8; 6];
    gather_fixed_width(&[1, 2, 3, 4, 5, 6], 3, &[1, 0], &mut out).unwrap();
    assert_eq!(out, [4, 5, 6, 1, 2, 3]);
    let (offsets, bytes) = byte_arrays(&[b"a", b"bc", b""]);
    let mut out_offsets = [0i32; 4];
    let out = gather_byte_arrays(&offsets, &bytes, &[1, 2, 1], &mut out_offsets).unwrap();
    assert_eq!(out, b"bcbc");
    assert_eq!(out_offsets, [0, 2, 2, 4]);
}

#[test]
fn byte_array_gathers_short_and_long_values_to_the_last_byte_and_check_the_second_pass() {
    // Values of 0..40 bytes, so short ones take the 16-byte copy and the last ones the exact one.
    let values: Vec<Vec<u8>> = (0..41u8).map(|n| (0..n).map(|k| n.wrapping_mul(31).wrapping_add(k)).collect()).collect();
    let refs: Vec<&[u8]> = values.iter().map(|v| v.as_slice()).collect();
    let (offsets, bytes) = byte_arrays(&refs);
    let mut rng = Rng(5);
    for n in [0usize, 1, 2, 17, 300] {
        let indices: Vec<i32> = (0..n).map(|_| (rng.next() % 41) as i32).collect();
        let mut out_offsets = vec![0i32; n + 1];
        let out = gather_byte_arrays(&offsets, &bytes, &indices, &mut out_offsets).unwrap();
        let want: Vec<u8> = indices.iter().flat_map(|&i| values[i as usize].iter().copied()).collect();
        assert_eq!(out, want, "{n} values");
    }
    // The second pass trusts nothing: a changed index, a short or long output are errors, not panics.
    let mut out = vec![0u8; 3];
    gather_byte_array_bytes(&offsets, &bytes, &[3], &mut out).unwrap();
    assert_eq!(gather_byte_array_bytes(&offsets, &bytes, &[41], &mut out).unwrap_err().code, ErrorCode::Corrupt);
    assert_eq!(gather_byte_array_bytes(&offsets, &bytes, &[-1], &mut out).unwrap_err().code, ErrorCode::Corrupt);
    assert_eq!(gather_byte_array_bytes(&offsets, &bytes, &[40], &mut out).unwrap_err().code, ErrorCode::InvalidArgument);
    assert_eq!(gather_byte_array_bytes(&offsets, &bytes, &[2], &mut out).unwrap_err().code, ErrorCode::InvalidArgument);
}

#[test]
fn byte_array_encoders_reject_offsets_outside_the_bytes_even_with_no_values() {
    let mut out = Vec::new();
    assert_eq!(encode_delta_length_byte_array(&[5], &[], &mut out).unwrap_err().code, ErrorCode::InvalidArgument);
    assert_eq!(encode_delta_byte_array(&[5], &[], &mut out).unwrap_err().code, ErrorCode::InvalidArgument);
    assert_eq!(encode_plain_byte_arrays(&[], &[]).unwrap_err().code, ErrorCode::InvalidArgument);
    assert_eq!(encode_plain_byte_arrays(&[3], &[1, 2, 3]).unwrap(), Vec::<u8>::new());
}

#[test]
fn dictionary_gathers_agree_with_the_obvious_loop_at_every_length() {
    let mut rng = Rng(77);
    let d32: Vec<u32> = (0..1000).map(|_| rng.next() as u32).collect();
    let d64: Vec<u64> = (0..1000).map(|_| rng.next()).collect();
    for n in [0usize, 1, 3, 4, 7, 8, 9, 1000, 4099] {
        let indices: Vec<i32> = (0..n).map(|_| (rng.next() % 1000) as i32).collect();
        let mut o32 = vec![0u32; n];
        gather_u32(&d32, &indices, &mut o32).unwrap();
        assert!(o32.iter().zip(&indices).all(|(&v, &i)| v == d32[i as usize]), "u32 x {n}");
        let mut o64 = vec![0u64; n];
        gather_u64(&d64, &indices, &mut o64).unwrap();
        assert!(o64.iter().zip(&indices).all(|(&v, &i)| v == d64[i as usize]), "u64 x {n}");
        // Indices and outputs that start 4 bytes past an 8-byte boundary (the gathers read
        // indices and write 4-byte values in pairs).
        if n > 1 {
            let mut o32 = vec![0u32; n];
            gather_u32(&d32, &indices[1..], &mut o32[1..]).unwrap();
            assert!(o32[1..].iter().zip(&indices[1..]).all(|(&v, &i)| v == d32[i as usize]), "u32 x {n} from 1");
        }
    }
}

#[test]
fn dictionary_gathers_name_the_first_bad_index_in_any_chunk() {
    // The word gathers check 2,048 indices at a time: a bad index in a later chunk is found and
    // named by its position in the page.
    let d64 = vec![1u64; 10];
    let d32 = vec![1u32; 10];
    for (position, bad) in [(0usize, 10i32), (2047, -1), (2048, 11), (4100, i32::MAX)] {
        let mut indices = vec![3i32; 5000];
        indices[position] = bad;
        let want = format!("dictionary index {bad} at position {position} ");
        let e64 = gather_u64(&d64, &indices, &mut vec![0u64; 5000]).unwrap_err();
        assert!(e64.message.contains(&want), "{}", e64.message);
        let e32 = gather_u32(&d32, &indices, &mut vec![0u32; 5000]).unwrap_err();
        assert!(e32.message.contains(&want), "{}", e32.message);
    }
}

#[test]
fn dictionary_pages_decode_and_gather_in_one_call() {
    use parquetry_kernels::dictionary::decode_gather;
    // width 2: an RLE run of 3 x index 1 (header 3 << 1 = 6, value 1), then a bit-packed group of
    // 8 (header 1 << 1 | 1 = 3): 0,1,2,3,0,1,2,3 packed 2 bits each
    let page = [2u8, 6, 1, 3, 0b1110_0100, 0b1110_0100];
    let dict = [10u32, 11, 12, 13];
    let mut out = [0u32; 11];
    decode_gather(&page, &dict, &mut out).unwrap();
    assert_eq!(out, [11, 11, 11, 10, 11, 12, 13, 10, 11, 12, 13]);
    let dict64 = [100u64, 101, 102, 103];
    let mut out64 = [0u64; 4];
    decode_gather(&page, &dict64, &mut out64).unwrap();
    assert_eq!(out64, [101, 101, 101, 100]);
    // index 3 outside a 3-value dictionary, at position 6
    let e = decode_gather(&page, &dict[..3], &mut [0u32; 11]).unwrap_err();
    assert_eq!(e.code, ErrorCode::Corrupt);
    assert!(e.message.contains("index 3 at position 6"), "{}", e.message);
    // bit width over 32, no bit-width byte, runs shorter than the count (offsets after the width byte)
    assert_eq!(decode_gather(&[33u8, 2, 0], &dict, &mut [0u32; 1]).unwrap_err().code, ErrorCode::Corrupt);
    assert_eq!(decode_gather(&[], &dict, &mut [0u32; 1]).unwrap_err().code, ErrorCode::Truncated);
    let e = decode_gather(&page, &dict, &mut [0u32; 12]).unwrap_err();
    assert_eq!(e.code, ErrorCode::Truncated);
    assert!(e.offset.is_some_and(|o| o >= 1), "{:?}", e.offset);
    decode_gather(&[], &dict, &mut [0u32; 0]).unwrap();
}
