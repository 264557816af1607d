//! Content identity: normalised words, similarity, and the grouping of
//! versions into updates.
//!
//! Nothing here compares every version with every other: each version gets a
//! few lookup keys (its normalised headline, its body, its blocks, and a
//! sketch of its word n-grams), and only versions sharing a key are compared.

use super::words::{run_hash, split, Hashes, Strings};
use super::MergeOptions;
use crate::{Block, Update};
use std::collections::BTreeSet;

/// The normalised words of `text`: split into words with Unicode word
/// boundaries, lower-cased, with punctuation, white space and quote-mark
/// style folded away (apostrophes inside words are dropped, so `don’t`,
/// `don't` and `dont` are one word).
///
/// ```
/// use liveupdates::merge::normalise;
/// assert_eq!(normalise("“Don’t  PANIC,” he said…"), ["dont", "panic", "he", "said"]);
/// assert_eq!(normalise("closed onNorth Quay"), ["closed", "onnorth", "quay"]);
/// ```
pub fn normalise(text: &str) -> Vec<String> {
    let mut words = Strings::default();
    split(text, &mut words);
    words.words
}

/// Call `f` with every text an update's body keeps, in order.
pub(crate) fn block_texts<'b>(block: &'b Block<'_>, f: &mut impl FnMut(&'b str)) {
    match block {
        Block::Paragraph(p) => f(&p.text),
        Block::Subheading(s) => f(&s.text),
        Block::Caption(c) => {
            if let Some(alt) = &c.alt {
                f(alt);
            }
            f(&c.text);
        }
        Block::Quote(q) => f(&q.text),
        Block::BlockQuote(q) => {
            for p in &q.paragraphs {
                f(&p.text);
            }
            if let Some(a) = &q.attribution {
                f(&a.text);
            }
        }
        Block::Report(r) => f(&r.text),
        Block::List(l) => {
            for item in &l.items {
                f(&item.text);
            }
        }
        Block::CrossRef(c) => f(&c.text),
    }
}

/// What identity looks at in one version, in one allocation: the hashes of
/// the headline's distinct normalised words, then the body's (each a set:
/// see [`distinct`]), then the lookup keys (a set too; versions sharing one
/// are compared).
#[derive(Debug, Clone)]
pub(crate) struct Features {
    data: Box<[u64]>,
    /// Where the body's words start in `data`.
    body_at: u32,
    /// Where the keys start.
    keys_at: u32,
}

const KEY_HEADLINE: u8 = 1;
const KEY_BODY: u8 = 2;
const KEY_BLOCK: u8 = 3;
const KEY_HEAD_SKETCH: u8 = 4;
const KEY_BODY_SKETCH: u8 = 5;

/// How many blocks give a key of their own.
const BLOCK_KEYS: usize = 16;
/// The fewest words a block needs to give a key.
const BLOCK_KEY_WORDS: usize = 4;
/// The most keys a version has: its blocks', the headline's, the body's,
/// and the sketches' (2 + 4).
const MAX_KEYS: usize = BLOCK_KEYS + 8;

// The keys make a small set (see [`distinct`]).
const _: () = assert!(MAX_KEYS <= SMALL_SET);

impl Features {
    /// The features of one version. Each word is hashed once, and no text
    /// is kept; the keys of runs of words combine the words' hashes
    /// ([`run_hash`]).
    pub(crate) fn of(update: &Update<'_>, options: &MergeOptions) -> Features {
        Features::of_in(update, options, &mut Vec::new())
    }

    /// [`Features::of`], with `scratch` to work in: a merge makes the
    /// features of many versions with one buffer, and each version's are
    /// copied out once, at their size (no buffer per version, grown and
    /// then shrunk).
    pub(crate) fn of_in(
        update: &Update<'_>,
        options: &MergeOptions,
        scratch: &mut Vec<u64>,
    ) -> Features {
        let mut bytes = update.headline.text.len();
        for block in &update.blocks {
            block_texts(block, &mut |t| bytes += t.len());
        }
        // The word sequences, headline then body, in the one buffer, with
        // room for the keys added at its end (one word in six bytes).
        let mut words = Hashes::in_buffer(std::mem::take(scratch), bytes + 6 * MAX_KEYS);
        split(&update.headline.text, &mut words);
        let head_end = words.words.len();
        let mut keys = Keys::default();
        let mut block_keys = 0;
        for block in &update.blocks {
            let start = words.words.len();
            block_texts(block, &mut |t| split(t, &mut words));
            let block = words.words.get(start..).unwrap_or_default();
            if block_keys < BLOCK_KEYS && block.len() >= BLOCK_KEY_WORDS {
                keys.push(run_hash(KEY_BLOCK, block));
                block_keys += 1;
            }
        }
        let mut data = words.words;
        let (head, body) = data.split_at(head_end);
        keys.push(run_hash(KEY_HEADLINE, head));
        let body_key = run_hash(KEY_BODY, body);
        sketch::<2>(&mut keys, KEY_HEAD_SKETCH, head, 2);
        sketch::<4>(&mut keys, KEY_BODY_SKETCH, body, 3);
        // The word sets, in place: the sequences are no longer needed.
        let (head, body) = data.split_at_mut(head_end);
        let head_len = distinct(head);
        let body_len = distinct(body);
        data.copy_within(head_end..head_end + body_len, head_len);
        data.truncate(head_len + body_len);
        if body_len >= options.min_body_words {
            keys.push(body_key);
        }
        data.extend_from_slice(keys.set());
        let features = Features {
            data: Box::from(data.as_slice()),
            body_at: head_len as u32,
            keys_at: (head_len + body_len) as u32,
        };
        *scratch = data;
        features
    }

    /// The headline's word set (see [`distinct`]).
    fn head(&self) -> &[u64] {
        self.data.get(..self.body_at as usize).unwrap_or_default()
    }

    /// The body's word set (see [`distinct`]).
    fn body(&self) -> &[u64] {
        let range = self.body_at as usize..self.keys_at as usize;
        self.data.get(range).unwrap_or_default()
    }

    /// The lookup keys, each once, in no order.
    pub(crate) fn keys(&self) -> &[u64] {
        self.data.get(self.keys_at as usize..).unwrap_or_default()
    }
}

/// A version's lookup keys as they are found.
#[derive(Default)]
struct Keys {
    keys: [u64; MAX_KEYS],
    len: usize,
}

impl Keys {
    fn push(&mut self, key: u64) {
        if let Some(slot) = self.keys.get_mut(self.len) {
            *slot = key;
            self.len += 1;
        }
    }

    /// The keys, each once.
    fn set(&mut self) -> &[u64] {
        let keys = self.keys.get_mut(..self.len).unwrap_or_default();
        let len = distinct(keys);
        keys.get(..len).unwrap_or_default()
    }
}

/// Sort `hashes` and move the distinct ones to the front; gives how many
/// there are.
fn sort_set(hashes: &mut [u64]) -> usize {
    hashes.sort_unstable();
    let mut len = 0;
    for i in 0..hashes.len() {
        if len == 0 || hashes[i] != hashes[len - 1] {
            hashes[len] = hashes[i];
            len += 1;
        }
    }
    len
}

/// Add to `keys` the `KEEP` smallest distinct hashes of the `n`-grams of
/// `words` (word hashes; of the whole sequence when it is shorter than
/// `n`), ascending: a small edit leaves most of them.
fn sketch<const KEEP: usize>(keys: &mut Keys, tag: u8, words: &[u64], n: usize) {
    if words.len() <= n {
        if !words.is_empty() {
            keys.push(run_hash(tag, words));
        }
        return;
    }
    let mut kept = Smallest::<KEEP>::default();
    for gram in words.windows(n) {
        kept.offer(run_hash(tag, gram));
    }
    for &k in kept.as_slice() {
        keys.push(k);
    }
}

/// The smallest distinct values offered, `N` at most, ascending.
struct Smallest<const N: usize> {
    values: [u64; N],
    len: usize,
}

impl<const N: usize> Default for Smallest<N> {
    fn default() -> Self {
        Smallest {
            values: [0; N],
            len: 0,
        }
    }
}

impl<const N: usize> Smallest<N> {
    /// Keep `value` if it is among the `N` smallest distinct so far.
    fn offer(&mut self, mut value: u64) {
        // Once full, most values are too large: one comparison.
        if self.len == N && self.values.last().is_some_and(|&max| value >= max) {
            return;
        }
        // Insert in order, carrying the larger value up; a value already
        // kept changes nothing, and once full the largest falls off.
        for slot in self.values.iter_mut().take(self.len) {
            match value.cmp(slot) {
                std::cmp::Ordering::Less => std::mem::swap(&mut value, slot),
                std::cmp::Ordering::Equal => return,
                std::cmp::Ordering::Greater => {}
            }
        }
        if let Some(slot) = self.values.get_mut(self.len) {
            *slot = value;
            self.len += 1;
        }
    }

    /// The values kept, ascending.
    fn as_slice(&self) -> &[u64] {
        self.values.get(..self.len).unwrap_or_default()
    }
}

/// The most words a set is kept unsorted in: a version's sets are made
/// once and compared only with the few versions sharing a key, so the
/// distinct words of a small set are found with a table on the stack
/// ([`SmallTable`]) rather than by sorting. A larger set is sorted.
const SMALL_SET: usize = 64;

/// Move the distinct hashes of `hashes` to the front (in the order first
/// met, or sorted if there are more than [`SMALL_SET`] hashes); gives how
/// many there are.
fn distinct(hashes: &mut [u64]) -> usize {
    if hashes.len() > SMALL_SET {
        return sort_set(hashes);
    }
    let mut table = SmallTable::default();
    let mut len = 0;
    for i in 0..hashes.len() {
        let h = hashes[i];
        let slot = table.slot(hashes, h);
        if table.is_empty(slot) {
            hashes[len] = h;
            table.fill(slot, len);
            len += 1;
        }
    }
    len
}

/// The size of the intersection of two sets made by [`distinct`].
fn overlap(a: &[u64], b: &[u64]) -> usize {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if small.len() > SMALL_SET {
        // Both are large, so both are sorted.
        return sorted_overlap(small, large);
    }
    let mut table = SmallTable::default();
    for (at, &h) in small.iter().enumerate() {
        let slot = table.slot(small, h);
        table.fill(slot, at);
    }
    large
        .iter()
        .filter(|&&h| !table.is_empty(table.slot(small, h)))
        .count()
}

/// The size of the intersection of two sorted sets.
fn sorted_overlap(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Slots of a [`SmallTable`]: twice [`SMALL_SET`], so a probe soon meets an
/// empty slot.
const SLOTS: usize = 2 * SMALL_SET;

/// A set of at most [`SMALL_SET`] of the hashes of a slice, open-addressed
/// by their low bits (word hashes are mixed). A slot holds the place of its
/// hash in the slice, plus one (0 is empty): 128 bytes to clear. A crafted
/// page can make hashes share low bits; a probe then reads at most the
/// [`SMALL_SET`] slots in use.
struct SmallTable {
    slots: [u8; SLOTS],
}

impl Default for SmallTable {
    fn default() -> Self {
        SmallTable { slots: [0; SLOTS] }
    }
}

// A slot holds a place up to `SMALL_SET`, plus one.
const _: () = assert!(SMALL_SET < u8::MAX as usize);

impl SmallTable {
    /// The slot holding `h` (a hash of `hashes`, where the filled slots
    /// point), or the empty slot where it would go. The table is never
    /// full, so the probe ends.
    fn slot(&self, hashes: &[u64], h: u64) -> usize {
        let mut i = h as usize % SLOTS;
        loop {
            match self.slots[i] {
                0 => return i,
                at if hashes.get(usize::from(at) - 1) == Some(&h) => return i,
                _ => i = (i + 1) % SLOTS,
            }
        }
    }

    fn is_empty(&self, slot: usize) -> bool {
        self.slots[slot] == 0
    }

    /// Point `slot` at place `at` (below [`SMALL_SET`]) of the slice.
    fn fill(&mut self, slot: usize, at: usize) {
        self.slots[slot] = u8::try_from(at + 1).unwrap_or(u8::MAX);
    }
}

/// Jaccard similarity; two empty sets are alike.
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let inter = overlap(a, b);
    let union = a.len() + b.len() - inter;
    if union == 0 {
        1.0
    } else {
        inter as f64 / union as f64
    }
}

/// How alike two versions are, when they are alike enough to be one update:
/// a score from 0 to 2 (headline similarity plus body similarity).
pub(crate) fn alike(a: &Features, b: &Features, options: &MergeOptions) -> Option<f64> {
    let head = jaccard(a.head(), b.head());
    let inter = overlap(a.body(), b.body());
    let smaller = a.body().len().min(b.body().len());
    let union = a.body().len() + b.body().len() - inter;
    let body = if union == 0 {
        1.0
    } else {
        inter as f64 / union as f64
    };
    let contained = if smaller == 0 {
        0.0
    } else {
        inter as f64 / smaller as f64
    };
    let score = head + body;
    let same_headline =
        head >= options.headline_similarity && (smaller == 0 || contained >= options.body_overlap);
    let same_body = smaller >= options.min_body_words
        && (body >= options.body_similarity || contained >= options.body_containment);
    (same_headline || same_body).then_some(score)
}

/// Group versions into updates. `shown_in[v]` lists the snapshots (any
/// numbering) that show version `v`; versions shown by one snapshot are never
/// grouped. Returns, for each version, the smallest version of its group.
///
/// Candidate pairs come from shared keys; they are joined best score first
/// (ties by version numbers), so the grouping depends only on the set of
/// versions, never on the order they came in.
#[cfg(test)]
pub(crate) fn group(
    features: &[Features],
    shown_in: &[Vec<u32>],
    options: &MergeOptions,
) -> Vec<usize> {
    let mut postings: std::collections::BTreeMap<u64, Vec<u32>> = Default::default();
    for (v, f) in features.iter().enumerate() {
        for &k in f.keys() {
            postings.entry(k).or_default().push(v as u32);
        }
    }
    let edges = alike_edges(features, postings.values().map(Vec::as_slice), options);
    join(features.len(), edges, shown_in)
}

/// The pairs of versions that are alike, with their scores: only versions
/// sharing a lookup key that at most [`MergeOptions::max_key_versions`]
/// versions have are compared. `postings` holds, for each lookup key, the
/// versions that have it, keys and versions in any order. Pairs are
/// `(score, a, b)` with `a < b`, in the order of `(a, b)`.
pub(crate) fn alike_edges<'p>(
    features: &[Features],
    postings: impl IntoIterator<Item = &'p [u32]>,
    options: &MergeOptions,
) -> Vec<(f64, u32, u32)> {
    let limit = options.max_key_versions.max(1);
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for versions in postings.into_iter().filter(|vs| vs.len() <= limit) {
        for (i, &a) in versions.iter().enumerate() {
            for &b in versions.get(i + 1..).unwrap_or_default() {
                pairs.push((a.min(b), a.max(b)));
            }
        }
    }
    // A pair sharing several keys is compared once.
    pairs.sort_unstable();
    pairs.dedup();
    pairs
        .into_iter()
        .filter_map(|(a, b)| {
            let fa = features.get(a as usize)?;
            let fb = features.get(b as usize)?;
            alike(fa, fb, options).map(|s| (s, a, b))
        })
        .collect()
}

/// Join `n` versions along alike `edges` (`(score, a, b)`, numbered in key
/// order), best score first, ties by version numbers, never joining two
/// groups that one snapshot shows side by side (`shown_in[v]`: the
/// snapshots, in any numbering, that show `v`). Returns, for each version,
/// the smallest version of its group.
///
/// Only the edges of a connected component bear on its grouping, so a
/// component can be joined on its own, numbered in the same order.
pub(crate) fn join<S: AsRef<[u32]>>(
    n: usize,
    mut edges: Vec<(f64, u32, u32)>,
    shown_in: &[S],
) -> Vec<usize> {
    edges.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut parent: Vec<usize> = (0..n).collect();
    // The snapshots showing each group, as a set once an edge reaches it.
    let mut seen: Vec<Option<BTreeSet<u32>>> = vec![None; n];
    for (_, a, b) in edges {
        let (a, b) = (a as usize, b as usize);
        if a >= n || b >= n {
            continue;
        }
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra == rb {
            continue;
        }
        for r in [ra, rb] {
            if seen[r].is_none() {
                let shown = shown_in.get(r).map_or(&[][..], AsRef::as_ref);
                seen[r] = Some(shown.iter().copied().collect());
            }
        }
        let len = |r: usize| seen[r].as_ref().map_or(0, BTreeSet::len);
        let (big, small) = if len(ra) >= len(rb) {
            (ra, rb)
        } else {
            (rb, ra)
        };
        let moved = seen[small].take().unwrap_or_default();
        let into = seen[big].get_or_insert_with(BTreeSet::new);
        if moved.iter().any(|s| into.contains(s)) {
            seen[small] = Some(moved);
            continue; // one snapshot shows both: two updates
        }
        into.extend(moved);
        parent[small] = big;
    }
    let mut least = vec![usize::MAX; n];
    (0..n)
        .map(|v| {
            let r = find(&mut parent, v);
            if least[r] == usize::MAX {
                least[r] = v;
            }
            least[r]
        })
        .collect()
}

/// The root of `v`, halving paths on the way.
fn find(parent: &mut [usize], mut v: usize) -> usize {
    while parent[v] != v {
        parent[v] = parent[parent[v]];
        v = parent[v];
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merge::fixtures::{self, paragraph};

    /// Hashes with many repeats, and many sharing their low bits (all
    /// multiples of 128 fall in one slot of a [`SmallTable`]), in runs up to
    /// three times [`SMALL_SET`] long.
    fn hashes() -> impl proptest::strategy::Strategy<Value = Vec<u64>> {
        use proptest::prelude::*;
        let value = prop_oneof![0u64..40, (0u64..40).prop_map(|k| k * 128), any::<u64>()];
        proptest::collection::vec(value, 0..3 * SMALL_SET)
    }

    proptest::proptest! {
        /// `distinct` keeps each hash once, whatever the repeats and
        /// collisions, and `overlap` counts what two such sets share.
        #[test]
        fn sets_are_the_distinct_hashes_and_overlap_counts_the_shared(
            a in hashes(),
            b in hashes(),
        ) {
            let (mut x, mut y) = (a.clone(), b.clone());
            let (nx, ny) = (distinct(&mut x), distinct(&mut y));
            let (x, y) = (&x[..nx], &y[..ny]);
            let (sa, sb): (BTreeSet<u64>, BTreeSet<u64>) =
                (a.into_iter().collect(), b.into_iter().collect());
            proptest::prop_assert_eq!(x.len(), sa.len());
            proptest::prop_assert_eq!(&x.iter().copied().collect::<BTreeSet<u64>>(), &sa);
            proptest::prop_assert_eq!(overlap(x, y), sa.intersection(&sb).count());
            proptest::prop_assert_eq!(overlap(y, x), sa.intersection(&sb).count());
        }
    }

    /// An update of plain paragraphs.
    fn update(headline: &str, paragraphs: &[&str]) -> Update<'static> {
        let blocks = paragraphs.iter().map(|p| paragraph(p)).collect();
        fixtures::update(headline, blocks)
    }

    const BODY: &str = "The harbour board is consulting the ferry, bus and rail operators \
                        on a response to the storm that has closed onNorth Quay.";

    /// The sketch as its doc says it: every n-gram hashed, sorted,
    /// repeats dropped, the first `KEEP` kept.
    fn sketch_slow<const KEEP: usize>(words: &[u64], n: usize) -> Vec<u64> {
        if words.len() <= n {
            return match words {
                [] => Vec::new(),
                _ => vec![run_hash(9, words)],
            };
        }
        let mut all: Vec<u64> = words.windows(n).map(|g| run_hash(9, g)).collect();
        all.sort_unstable();
        all.dedup();
        all.truncate(KEEP);
        all
    }

    #[test]
    fn sketch_keeps_the_smallest_distinct_grams() {
        // Word hashes from a small alphabet, so that n-grams repeat.
        let mut x = 1u64;
        for len in 0..60 {
            let words: Vec<u64> = (0..len)
                .map(|_| {
                    x = x
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    (x >> 61) + 100
                })
                .collect();
            let mut keys = Keys::default();
            keys.push(7);
            sketch::<4>(&mut keys, 9, &words, 3);
            assert_eq!(
                keys.keys[1..keys.len],
                sketch_slow::<4>(&words, 3),
                "{words:?}"
            );
            let mut keys = Keys::default();
            sketch::<2>(&mut keys, 9, &words, 2);
            assert_eq!(
                keys.keys[..keys.len],
                sketch_slow::<2>(&words, 2),
                "{words:?}"
            );
        }
    }

    #[test]
    fn typo_fix_is_alike() {
        let o = MergeOptions::default();
        let a = Features::of(&update("Harbour board plans response", &[BODY]), &o);
        let fixed = BODY.replace("onNorth", "on North");
        let b = Features::of(&update("Harbour board plans response", &[&fixed]), &o);
        assert!(alike(&a, &b, &o).is_some());
    }

    #[test]
    fn reworded_headline_same_body_is_alike() {
        let o = MergeOptions::default();
        let a = Features::of(&update("Harbour board plans response", &[BODY]), &o);
        let b = Features::of(
            &update("Ferry firms asked to help after storm", &[BODY]),
            &o,
        );
        assert!(alike(&a, &b, &o).is_some());
    }

    #[test]
    fn different_updates_are_not_alike() {
        let o = MergeOptions::default();
        let a = Features::of(&update("Harbour board plans response", &[BODY]), &o);
        let b = Features::of(
            &update(
                "Clooney: release the film",
                &["Hollywood actor George Clooney said the industry should push for release."],
            ),
            &o,
        );
        assert_eq!(alike(&a, &b, &o), None);
    }

    #[test]
    fn versions_in_one_snapshot_stay_apart() {
        let o = MergeOptions::default();
        let f = Features::of(&update("Same headline", &[BODY]), &o);
        let g = Features::of(&update("Same headline", &[BODY, "More."]), &o);
        let grouped = group(&[f.clone(), g.clone()], &[vec![0], vec![1]], &o);
        assert_eq!(grouped, [0, 0]);
        let apart = group(&[f, g], &[vec![0], vec![0]], &o);
        assert_eq!(apart, [0, 1]);
    }
}
