//! Versions numbered as they are first met: an update is found among the
//! versions met before by a hash of its texts, and compared with them.

use crate::Update;
use foldhash::fast::RandomState;
use foldhash::HashMap;
use std::hash::{BuildHasher, Hasher};

/// Distinct versions, numbered as first met. An update is found among the
/// versions met by a hash of its texts and compared with them as it stands
/// (spans cleared: the version is everything else), so a version met again
/// costs a hash and a comparison, and keys need writing for the distinct
/// versions only. The map holds hashes, so growing it reads no text again.
#[derive(Default)]
pub(crate) struct Interner<S = RandomState> {
    /// Text hash → the last version met with that hash.
    by_hash: HashMap<u64, u32>,
    /// Per version: the one met before it with the same hash, if any.
    before: Vec<Option<u32>>,
    hasher: S,
}

impl<S: BuildHasher> Interner<S> {
    /// The number of the version `update` (spans cleared) is, if it was
    /// met before (`is(v)` tells whether version `v` is the same); else the
    /// hash to [`add`](Interner::add) it with.
    pub(crate) fn find(&self, update: &Update<'_>, is: impl Fn(u32) -> bool) -> Result<u32, u64> {
        let hash = self.texts_hash(update);
        let mut at = self.by_hash.get(&hash).copied();
        while let Some(v) = at {
            if is(v) {
                return Ok(v);
            }
            at = self.before.get(v as usize).copied().flatten();
        }
        Err(hash)
    }

    /// Number a new version, whose hash [`Interner::find`] gave.
    pub(crate) fn add(&mut self, hash: u64) -> u32 {
        let v = self.before.len() as u32;
        self.before.push(self.by_hash.insert(hash, v));
        v
    }

    /// A hash of the update's texts and how many blocks hold them: equal
    /// versions hash alike.
    fn texts_hash(&self, update: &Update<'_>) -> u64 {
        let mut h = self.hasher.build_hasher();
        h.write_usize(update.blocks.len());
        h.write(update.headline.text.as_bytes());
        for block in &update.blocks {
            super::identity::block_texts(block, &mut |t| {
                h.write_usize(t.len());
                h.write(t.as_bytes());
            });
        }
        h.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merge::fixtures::{paragraph, subheading, update};
    use crate::Span;

    /// Number `versions` as a merge does: each, spans cleared, found among
    /// those met before or added.
    fn number<S: BuildHasher>(interner: &mut Interner<S>, versions: &[Update<'_>]) -> Vec<u32> {
        let mut met: Vec<Update<'_>> = Vec::new();
        versions
            .iter()
            .map(|u| {
                let mut u = u.clone();
                u.clear_spans();
                match interner.find(&u, |v| met.get(v as usize) == Some(&u)) {
                    Ok(v) => v,
                    Err(hash) => {
                        met.push(u);
                        interner.add(hash)
                    }
                }
            })
            .collect()
    }

    #[test]
    fn versions_are_numbered_as_first_met_spans_aside() {
        let long = update("Bridge reopens", vec![paragraph("Cars are back.")]);
        let short = update("Bridge", vec![]);
        let mut moved = long.clone();
        moved.headline.span = Span::new(5, 19);
        // The same texts in another kind of block: the same hash, told apart.
        let retyped = update("Bridge reopens", vec![subheading("Cars are back.")]);
        let mut interner: Interner = Interner::default();
        let versions = [long, short.clone(), moved, short, retyped];
        assert_eq!(number(&mut interner, &versions), [0, 1, 0, 1, 2]);
    }

    /// Every update hashes alike.
    #[derive(Default)]
    struct Collide;

    impl BuildHasher for Collide {
        type Hasher = Collide;
        fn build_hasher(&self) -> Collide {
            Collide
        }
    }

    impl Hasher for Collide {
        fn finish(&self) -> u64 {
            7
        }
        fn write(&mut self, _: &[u8]) {}
    }

    #[test]
    fn versions_whose_hashes_collide_are_told_apart() {
        let versions = ["Bridge", "Bridge reopens", "Ferry", "Bridge"].map(|h| update(h, vec![]));
        let mut interner = Interner::<Collide>::default();
        assert_eq!(number(&mut interner, &versions), [0, 1, 2, 0]);
    }
}
