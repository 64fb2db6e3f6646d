//! Every codec: round trips over awkward sizes and data kinds, the declared-size checks (short,
//! long, bomb), the two forms of the deprecated LZ4 codec, multi-member gzip, multi-frame zstd, and
//! truncated or random input returning an error instead of panicking.

use parquetry_compression::{brotli, gzip, lz4, snappy, zstd};
use parquetry_kernels::{ErrorCode, Result};

type Compress = fn(&[u8], &mut [u8]) -> Result<usize>;
type Decompress = fn(&[u8], &mut [u8]) -> Result<()>;

struct Codec {
    name: &'static str,
    bound: fn(usize) -> usize,
    compress: Compress,
    decompress: Decompress,
}

fn codecs() -> Vec<Codec> {
    vec![
        Codec { name: "snappy", bound: snappy::max_compressed_len, compress: snappy::compress_into, decompress: snappy::decompress_into },
        Codec { name: "lz4_raw", bound: lz4::max_compressed_len, compress: lz4::compress_into, decompress: lz4::decompress_into },
        Codec { name: "lz4_hadoop", bound: lz4::max_compressed_len_hadoop, compress: lz4::compress_hadoop_into, decompress: lz4::decompress_legacy_into },
        Codec { name: "zstd", bound: zstd::max_compressed_len, compress: |i, o| zstd::compress_into(i, o, zstd::DEFAULT_LEVEL), decompress: zstd::decompress_into },
        Codec { name: "gzip", bound: gzip::max_compressed_len, compress: |i, o| gzip::compress_into(i, o, gzip::DEFAULT_LEVEL), decompress: gzip::decompress_into },
        Codec { name: "brotli", bound: brotli::max_compressed_len, compress: |i, o| brotli::compress_into(i, o, brotli::DEFAULT_LEVEL), decompress: brotli::decompress_into },
    ]
}

mod common;
use common::Rng;

fn inputs() -> Vec<(String, Vec<u8>)> {
    let mut rng = Rng(0x9e3779b97f4a7c15);
    let words = ["user", "item", "click", "view", "feature", "embedding", "score", " ", ","];
    let mut out = Vec::new();
    // 12..17: the LZ4 and snappy compressors' end margins; 64 KiB: snappy's fragments.
    for size in [0usize, 1, 2, 12, 13, 14, 15, 16, 17, 65535, 65536, 65537, 1 << 20] {
        out.push((format!("zeros {size}"), vec![0u8; size]));
        out.push((format!("random {size}"), (0..size).map(|_| rng.next() as u8).collect()));
        let mut text = Vec::with_capacity(size);
        while text.len() < size {
            text.extend_from_slice(words[(rng.next() % words.len() as u64) as usize].as_bytes());
        }
        text.truncate(size);
        out.push((format!("text {size}"), text));
        let mut id = 1_000_000u64;
        let ids: Vec<u8> = (0..size / 8).flat_map(|_| { id += rng.next() % 16; id.to_le_bytes() }).collect();
        out.push((format!("ids {size}"), ids));
    }
    out
}

fn compressed(codec: &Codec, input: &[u8]) -> Vec<u8> {
    let mut buf = vec![0u8; (codec.bound)(input.len())];
    let n = (codec.compress)(input, &mut buf).unwrap_or_else(|e| panic!("{}: compress failed: {e}", codec.name));
    buf.truncate(n);
    buf
}

#[test]
fn every_codec_round_trips_every_input() {
    for codec in codecs() {
        for (name, input) in inputs() {
            let stream = compressed(&codec, &input);
            let mut out = vec![0xa5u8; input.len()];
            (codec.decompress)(&stream, &mut out).unwrap_or_else(|e| panic!("{} {name}: {e}", codec.name));
            assert!(out == input, "{} {name}: output differs", codec.name);
            if name.starts_with("zeros") && input.len() >= 65536 {
                assert!(stream.len() < input.len() / 20, "{} {name}: {} bytes", codec.name, stream.len());
            }
        }
    }
}

#[test]
fn a_declared_size_other_than_the_streams_is_an_error_and_nothing_is_written_past_it() {
    let input: Vec<u8> = (0..100_000u32).map(|i| (i % 251) as u8).collect();
    for codec in codecs() {
        let stream = compressed(&codec, &input);
        for declared in [0usize, 1, input.len() - 1, input.len() + 1, input.len() * 2] {
            // The buffer is longer than declared; bytes past the declared size must stay untouched.
            let mut buf = vec![0x5au8; declared + 64];
            let err = (codec.decompress)(&stream, &mut buf[..declared]).expect_err(&format!("{} declared {declared}", codec.name));
            assert!(matches!(err.code, ErrorCode::Corrupt | ErrorCode::Truncated), "{}: {err}", codec.name);
            assert!(buf[declared..].iter().all(|&b| b == 0x5a), "{}: wrote past the declared size", codec.name);
        }
    }
}

#[test]
fn a_decompression_bomb_stops_at_the_declared_size() {
    let input = vec![0u8; 64 << 20];
    for codec in codecs() {
        let stream = compressed(&codec, &input);
        let mut out = vec![0u8; 4096];
        let err = (codec.decompress)(&stream, &mut out).expect_err(codec.name);
        assert_eq!(err.code, ErrorCode::Corrupt, "{}: {err}", codec.name);
    }
}

#[test]
fn truncated_and_random_streams_fail_without_panicking() {
    let mut rng = Rng(42);
    let input: Vec<u8> = b"the quick brown fox jumps over the lazy dog; ".iter().cycle().take(5000).copied().collect();
    for codec in codecs() {
        let stream = compressed(&codec, &input);
        for cut in 0..stream.len() {
            let mut out = vec![0u8; input.len()];
            assert!((codec.decompress)(&stream[..cut], &mut out).is_err(), "{}: prefix {cut} decoded", codec.name);
        }
        for _ in 0..2000 {
            let len = (rng.next() % 64) as usize;
            let junk: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            let mut out = vec![0u8; (rng.next() % 256) as usize];
            let _ = (codec.decompress)(&junk, &mut out);
        }
    }
}

#[test]
fn lz4_legacy_reads_hadoop_framing_with_several_blocks_and_a_bare_block() {
    let input: Vec<u8> = (0..300_000u32).map(|i| (i / 7) as u8).collect();
    let mut framed = Vec::new();
    for chunk in input.chunks(128 * 1024) {
        let block = compressed(&codecs()[1], chunk);
        framed.extend_from_slice(&(chunk.len() as u32).to_be_bytes());
        framed.extend_from_slice(&(block.len() as u32).to_be_bytes());
        framed.extend_from_slice(&block);
    }
    let mut out = vec![0u8; input.len()];
    lz4::decompress_legacy_into(&framed, &mut out).unwrap();
    assert!(out == input);
    let bare = compressed(&codecs()[1], &input);
    let mut out = vec![0u8; input.len()];
    lz4::decompress_legacy_into(&bare, &mut out).unwrap();
    assert!(out == input);
}

#[test]
fn gzip_reads_concatenated_members_and_zlib_streams() {
    use std::io::Write;
    let input: Vec<u8> = (0..200_000u32).map(|i| (i % 97) as u8).collect();
    let mut stream = Vec::new();
    for part in input.chunks(70_000) {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(part).unwrap();
        stream.extend(e.finish().unwrap());
    }
    let mut out = vec![0u8; input.len()];
    gzip::decompress_into(&stream, &mut out).unwrap();
    assert!(out == input);
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(&input).unwrap();
    let mut out = vec![0u8; input.len()];
    gzip::decompress_into(&z.finish().unwrap(), &mut out).unwrap();
    assert!(out == input);
}

#[test]
fn zstd_reads_concatenated_frames_and_rejects_bad_levels() {
    let input: Vec<u8> = (0..200_000u32).map(|i| (i % 89) as u8).collect();
    let codec = &codecs()[3];
    let mut stream = compressed(codec, &input[..50_000]);
    stream.extend(compressed(codec, &input[50_000..]));
    let mut out = vec![0u8; input.len()];
    zstd::decompress_into(&stream, &mut out).unwrap();
    assert!(out == input);
    let mut buf = vec![0u8; zstd::max_compressed_len(10)];
    assert_eq!(zstd::compress_into(b"0123456789", &mut buf, 1000).unwrap_err().code, ErrorCode::InvalidArgument);
}

#[test]
fn empty_input_decodes_to_an_empty_page_only() {
    for codec in codecs() {
        let mut empty: [u8; 0] = [];
        let stream = compressed(&codec, &[]);
        (codec.decompress)(&stream, &mut empty).unwrap_or_else(|e| panic!("{}: {e}", codec.name));
        let mut one = [0u8; 1];
        assert!((codec.decompress)(&[], &mut one).is_err(), "{}", codec.name);
    }
}

#[test]
fn compressing_into_less_than_the_bound_is_refused() {
    for codec in codecs() {
        let mut small = vec![0u8; (codec.bound)(1000) - 1];
        let err = (codec.compress)(&[7u8; 1000], &mut small).expect_err(codec.name);
        assert_eq!(err.code, ErrorCode::InvalidArgument, "{}", codec.name);
    }
}
