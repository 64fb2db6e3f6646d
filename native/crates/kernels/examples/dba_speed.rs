//! Quick timing of DELTA_BYTE_ARRAY decode alone: `cargo run --release --example dba_speed`.
use parquetry_kernels::delta::{decode_delta_byte_array, encode_delta_byte_array};
use std::time::Instant;

fn main() {
    const N: usize = 1_000_000;
    let mut offsets = vec![0i32];
    let mut bytes = Vec::new();
    for i in 0..N {
        bytes.extend_from_slice(format!("user/region-{:04}/item-{:09}", i >> 12, i).as_bytes());
        offsets.push(bytes.len() as i32);
    }
    let mut enc = Vec::new();
    encode_delta_byte_array(&offsets, &bytes, &mut enc).unwrap();
    let mut out_offsets = vec![0i32; N + 1];
    let start = Instant::now();
    let mut k = 0;
    while start.elapsed().as_millis() < 500 {
        let (out, _) = decode_delta_byte_array(&enc, &mut out_offsets).unwrap();
        std::hint::black_box(out);
        k += 1;
    }
    println!("DBA: {:.0} M values/s", (k * N) as f64 / start.elapsed().as_secs_f64() / 1e6);
}
