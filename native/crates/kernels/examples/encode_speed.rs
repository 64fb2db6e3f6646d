//! Quick timing of the encoder alone, without the napi boundary: `cargo run --release --example encode_speed`.
use parquetry_kernels::{available_levels, encode_rle_hybrid_at};
use std::time::Instant;

fn main() {
    const N: usize = 1_000_000;
    for w in [1u32, 8, 16, 32] {
        let mut s: u32 = 1;
        let values: Vec<u32> = (0..N)
            .map(|_| {
                s = s.wrapping_mul(1664525).wrapping_add(1013904223);
                if w == 32 { s } else { s >> (32 - w) }
            })
            .collect();
        for level in available_levels() {
            let t = Instant::now();
            let mut k = 0;
            while t.elapsed().as_millis() < 300 {
                std::hint::black_box(encode_rle_hybrid_at(level, &values, w, false).unwrap());
                k += 1;
            }
            let rate = (k * N) as f64 / t.elapsed().as_secs_f64() / 1e6;
            println!("width {w:2} {level:?}: {rate:.0} M values/s");
        }
    }
}
