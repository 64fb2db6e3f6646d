//! Shared by the integration tests.

/// xorshift64*: deterministic data without a dependency.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    #[allow(dead_code)]
    pub fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound
    }
}
