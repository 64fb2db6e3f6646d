//! What the integration tests share: a small deterministic generator (xorshift64).

pub struct Rng(pub u64);

#[allow(dead_code)] // each test file uses part of it
impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}
