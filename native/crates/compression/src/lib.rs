//! Parquetry's compression codecs: thin, bounds-checked wrappers over the standard Rust crates
//! (snap, lz4_flex, zstd, libdeflate, brotli) and our own SNAPPY, LZ4 and DEFLATE compressors (the
//! algorithms of the TypeScript build, for identical bytes). One call per page: whole input in, output into
//! a buffer the caller allocated at the page's declared uncompressed size. Every decoder checks that
//! the stream fills that buffer exactly: it never writes past it (a decompression bomb stops at the
//! declared size) and a stream that holds fewer or more bytes is an error, never a short page.

pub mod brotli;
mod deflate;
mod deflate_huffman;
pub mod gzip;
pub mod lz4;
mod lz4_compress;
mod match_kernels;
mod output;
pub mod snappy;
mod snappy_compress;
mod snappy_decompress;
pub mod zstd;

pub use output::{check_filled, check_room};
