//! Hash maps keyed by what the merge makes itself (version numbers, ranks,
//! lookup keys that are already hashes, version keys): one multiply per
//! eight bytes instead of SipHash, and no random seed.
//!
//! Nothing iterates these maps where the order could show: they are looked
//! up, and the one iterated (the versions of each lookup key, for candidate
//! pairs) gives pairs that are sorted before use. So the fixed hash changes
//! no result.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A map with the fixed hasher (see the module docs).
pub(crate) type IntMap<K, V> = HashMap<K, V, BuildHasherDefault<IntHasher>>;

/// A multiplicative hasher. The multiplier is odd, so distinct integer
/// keys get distinct hashes, and the high bits (which the table reads for
/// its control bytes) depend on every bit of the key. Bytes are taken
/// eight at a time.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct IntHasher(u64);

const K: u64 = 0x9e37_79b9_7f4a_7c15;

impl Hasher for IntHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            if let Some(&word) = word.first_chunk::<8>() {
                self.write_u64(u64::from_le_bytes(word));
            }
        }
        let mut tail = [0u8; 8];
        let rest = words.remainder();
        tail[..rest.len()].copy_from_slice(rest);
        self.write_u64(u64::from_le_bytes(tail) ^ (rest.len() as u64) << 59);
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(26) ^ n).wrapping_mul(K);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinct_small_keys_spread_over_the_high_bits() {
        let mut tops: Vec<u64> = (0u32..128)
            .map(|k| {
                let mut h = IntHasher::default();
                h.write_u32(k);
                h.finish() >> 57
            })
            .collect();
        tops.sort_unstable();
        tops.dedup();
        assert!(tops.len() > 64, "{} distinct control bytes", tops.len());
    }

    #[test]
    fn a_map_finds_what_it_holds() {
        let mut map: IntMap<u32, u32> = IntMap::default();
        for k in 0..10_000 {
            map.insert(k * 7, k);
        }
        assert!((0..10_000).all(|k| map.get(&(k * 7)) == Some(&k)));
        assert_eq!(map.get(&1), None);
    }
}
