//! One hash for the core's maps: the rustc "Fx" hash, for short string and number keys
//! (no untrusted input chooses keys to collide; iteration order is never used).

use std::hash::{BuildHasherDefault, Hasher};

/// A small, fast, non-cryptographic hasher (the rustc "Fx" hash) for table lookups:
/// the keys are short words, and SipHash dominated the recogniser's profile.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl Hasher for FxHasher {
    /// Eight bytes at a time, then four, two and one: a short word costs a few rounds.
    fn write(&mut self, bytes: &[u8]) {
        let mut rest = bytes;
        while let Some((c, r)) = rest.split_first_chunk::<8>() {
            self.add(u64::from_le_bytes(*c));
            rest = r;
        }
        if let Some((c, r)) = rest.split_first_chunk::<4>() {
            self.add(u64::from(u32::from_le_bytes(*c)));
            rest = r;
        }
        if let Some((c, r)) = rest.split_first_chunk::<2>() {
            self.add(u64::from(u16::from_le_bytes(*c)));
            rest = r;
        }
        if let Some(&b) = rest.first() {
            self.add(u64::from(b));
        }
    }
    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map with Fx hashing.
pub type FxMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A hash set with Fx hashing.
pub type FxSet<K> = std::collections::HashSet<K, BuildHasherDefault<FxHasher>>;
