use crate::error::{KernelError, Result};

/// ULEB128 of at most 32 bits, advancing `pos`. Never reads past `input` and never loops more
/// than 5 times, so a varint that never ends is an error, not a hang.
#[inline]
pub fn read_uleb32(input: &[u8], pos: &mut usize) -> Result<u32> {
    let start = *pos;
    let mut value: u64 = 0;
    for i in 0..5 {
        let Some(&byte) = input.get(*pos) else {
            return Err(KernelError::truncated(start, "varint ends before its last byte"));
        };
        *pos += 1;
        value |= u64::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            return u32::try_from(value)
                .map_err(|_| KernelError::corrupt(start, format!("varint {value} does not fit in 32 bits")));
        }
    }
    Err(KernelError::corrupt(start, "varint is longer than 5 bytes"))
}
