//! SNAPPY decoding against a simulation of the format: random streams of every element kind
//! (literals with 0-4 length bytes, copies with 1-, 2- and 4-byte offsets, overlapping copies at
//! every short offset) decode through our wrapper to what the elements say; streams the snap
//! crate writes decode to its input; cut or damaged streams are errors, never a panic or a write
//! past the output.

use parquetry_compression::snappy;

mod common;
use common::Rng;

fn varint(mut n: usize, out: &mut Vec<u8>) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// A random stream and the output its elements describe.
fn random_stream(rng: &mut Rng, elements: usize) -> (Vec<u8>, Vec<u8>) {
    let mut body = Vec::new();
    let mut expected: Vec<u8> = Vec::new();
    for _ in 0..elements {
        if expected.is_empty() || rng.below(3) == 0 {
            let len = match rng.below(4) {
                0 => 1 + rng.below(60),
                1 => 61 + rng.below(195),
                2 => 257 + rng.below(3000),
                _ => 1 + rng.below(16),
            };
            let m = len - 1;
            let extra = if m < 60 { 0 } else if m < 1 << 8 { 1 } else if m < 1 << 16 { 2 } else { 3 };
            body.push(if extra == 0 { (m << 2) as u8 } else { ((59 + extra) << 2) as u8 });
            for i in 0..extra {
                body.push((m >> (8 * i)) as u8);
            }
            for _ in 0..len {
                let b = rng.next() as u8;
                body.push(b);
                expected.push(b);
            }
        } else {
            let d = expected.len();
            let offset = match rng.below(3) {
                0 => 1 + rng.below(d.min(8)),
                1 => 1 + rng.below(d.min(40)),
                _ => 1 + rng.below(d),
            };
            let kind = if offset < 2048 && rng.below(2) == 0 { 1 } else if offset < 65536 && rng.below(4) != 0 { 2 } else { 3 };
            let len = if kind == 1 { 4 + rng.below(8) } else { 1 + rng.below(64) };
            match kind {
                1 => {
                    body.push((((offset >> 8) << 5) | ((len - 4) << 2) | 1) as u8);
                    body.push(offset as u8);
                }
                2 => {
                    body.push((((len - 1) << 2) | 2) as u8);
                    body.extend_from_slice(&(offset as u16).to_le_bytes());
                }
                _ => {
                    body.push((((len - 1) << 2) | 3) as u8);
                    body.extend_from_slice(&(offset as u32).to_le_bytes());
                }
            }
            for i in 0..len {
                let b = expected[d - offset + i];
                expected.push(b);
            }
        }
    }
    let mut stream = Vec::new();
    varint(expected.len(), &mut stream);
    stream.extend(body);
    (stream, expected)
}

#[test]
fn random_streams_of_every_element_kind_decode_as_the_format_says() {
    let mut rng = Rng(0x2545f4914f6cdd1d);
    for round in 0..3000 {
        let (stream, expected) = random_stream(&mut rng, 1 + round % 200);
        let mut out = vec![0xeeu8; expected.len()];
        snappy::decompress_into(&stream, &mut out).unwrap_or_else(|e| panic!("round {round}: {e}"));
        assert!(out == expected, "round {round}: output differs");
    }
}

#[test]
fn a_copy_before_the_start_or_at_offset_zero_is_corrupt() {
    // preamble 8; literal "abcd" (tag 0x0c); copy-2 of 4 bytes at offset 5 (only 4 written)
    let early = [8u8, 0x0c, b'a', b'b', b'c', b'd', (3 << 2) | 2, 5, 0];
    let mut out = [0u8; 8];
    assert!(snappy::decompress_into(&early, &mut out).is_err());
    let zero = [8u8, 0x0c, b'a', b'b', b'c', b'd', (3 << 2) | 2, 0, 0];
    assert!(snappy::decompress_into(&zero, &mut out).is_err());
}

/// Page-like inputs: runs at every short period, long runs, counters, text, noise.
fn page_like(rng: &mut Rng, size: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(size);
    while out.len() < size {
        match rng.below(6) {
            0 => {
                let period = 1 + rng.below(20);
                let pattern: Vec<u8> = (0..period).map(|_| rng.next() as u8).collect();
                for i in 0..rng.below(600) {
                    out.push(pattern[i % period]);
                }
            }
            1 => out.extend(std::iter::repeat(0u8).take(rng.below(5000))),
            2 => {
                let mut v = rng.next() >> 16;
                for _ in 0..rng.below(300) {
                    v += rng.below(100) as u64;
                    out.extend_from_slice(&v.to_le_bytes());
                }
            }
            3 => out.extend(b"user_id,item_id,timestamp,label;".iter().cycle().take(rng.below(400))),
            _ => out.extend((0..rng.below(200)).map(|_| rng.next() as u8)),
        }
    }
    out.truncate(size);
    out
}

#[test]
fn streams_the_snap_crate_writes_decode_to_its_input() {
    let mut rng = Rng(0x9e3779b97f4a7c15);
    for (round, size) in [0usize, 1, 15, 16, 17, 63, 64, 65, 100, 4096, 65535, 65536, 65537, 300_000, 1 << 20].into_iter().enumerate() {
        for k in 0..4 {
            let input = page_like(&mut rng, size);
            let stream = snap::raw::Encoder::new().compress_vec(&input).unwrap();
            let mut out = vec![0xeeu8; input.len()];
            snappy::decompress_into(&stream, &mut out).unwrap_or_else(|e| panic!("size {size} #{k} (round {round}): {e}"));
            assert!(out == input, "size {size} #{k}: output differs");
            // Our compressor's streams too.
            let mut ours = vec![0u8; snappy::max_compressed_len(input.len())];
            let n = snappy::compress_into(&input, &mut ours).unwrap();
            out.fill(0xee);
            snappy::decompress_into(&ours[..n], &mut out).unwrap();
            assert!(out == input, "size {size} #{k}: our stream decodes differently");
        }
    }
}

#[test]
fn cut_or_damaged_streams_are_errors_or_exact_never_a_panic() {
    const MARK: u8 = 0xa5;
    let mut rng = Rng(0x2545f4914f6cdd1d ^ 77);
    for round in 0..40 {
        let size = 200 + rng.below(3000);
        let input = page_like(&mut rng, size);
        let stream = snap::raw::Encoder::new().compress_vec(&input).unwrap();
        // The output sits in a larger buffer whose tail must never be written.
        let mut buffer = vec![MARK; input.len() + 128];
        for cut in 0..stream.len() {
            assert!(snappy::decompress_into(&stream[..cut], &mut buffer[..input.len()]).is_err(), "round {round}: cut at {cut} decoded");
            assert!(buffer[input.len()..].iter().all(|&b| b == MARK), "round {round}: cut at {cut} wrote past the output");
        }
        for flip in 0..200 {
            let mut bad = stream.clone();
            let at = rng.below(bad.len());
            bad[at] ^= 1 << rng.below(8);
            // A flipped bit may still make a valid stream of the same length: then it decodes as snap decodes it.
            let ours = snappy::decompress_into(&bad, &mut buffer[..input.len()]);
            assert!(buffer[input.len()..].iter().all(|&b| b == MARK), "round {round} flip {flip}: wrote past the output");
            let mut reference = vec![0u8; input.len()];
            let theirs = snap::raw::Decoder::new().decompress(&bad, &mut reference);
            if ours.is_ok() {
                assert_eq!(theirs.ok(), Some(input.len()), "round {round} flip {flip}: accepted what snap refuses");
                assert!(buffer[..input.len()] == reference[..], "round {round} flip {flip}: decoded differently from snap");
            }
        }
        // A declared length that differs from the output's is refused before anything is decoded.
        let mut longer = vec![0u8; input.len() + 1];
        assert!(snappy::decompress_into(&stream, &mut longer).is_err());
        if !input.is_empty() {
            assert!(snappy::decompress_into(&stream, &mut buffer[..input.len() - 1]).is_err());
        }
    }
}
