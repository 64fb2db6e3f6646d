//! Quick timing of DELTA_BINARY_PACKED decode alone: `cargo run --release --example delta_speed`.
use parquetry_kernels::delta::{decode_delta_binary_packed_i32, decode_delta_binary_packed_i64, encode_delta_binary_packed_i32, encode_delta_binary_packed_i64};
use std::time::Instant;

fn main() {
    const N: usize = 1_000_000;
    let mut s: u32 = 7;
    let v32: Vec<i32> = (0..N).map(|_| { s = s.wrapping_mul(1664525).wrapping_add(1013904223); (s >> 12) as i32 }).collect();
    let mut t: i64 = 1_700_000_000_000_000;
    let v64: Vec<i64> = (0..N).map(|_| { s = s.wrapping_mul(1664525).wrapping_add(1013904223); t += (s >> 21) as i64; t }).collect();
    let mut e32 = Vec::new();
    encode_delta_binary_packed_i32(&v32, &mut e32);
    let mut e64 = Vec::new();
    encode_delta_binary_packed_i64(&v64, &mut e64);
    let mut o32 = vec![0i32; N];
    let mut o64 = vec![0i64; N];
    for _ in 0..2 {
        let start = Instant::now();
        let mut k = 0;
        while start.elapsed().as_millis() < 300 { decode_delta_binary_packed_i32(&e32, &mut o32).unwrap(); k += 1; }
        println!("i32: {:.0} M values/s", (k * N) as f64 / start.elapsed().as_secs_f64() / 1e6);
        let start = Instant::now();
        let mut k = 0;
        while start.elapsed().as_millis() < 300 { decode_delta_binary_packed_i64(&e64, &mut o64).unwrap(); k += 1; }
        println!("i64: {:.0} M values/s", (k * N) as f64 / start.elapsed().as_secs_f64() / 1e6);
    }
    assert_eq!(o32, v32);
    assert_eq!(o64, v64);
}
