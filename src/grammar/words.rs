//! Words: what the context rules weigh. Unicode word segmentation (UAX #29)
//! is used where a rule asks what a word is (is a word capitalised, a name?),
//! and only on the few lines a rule weighs; text is otherwise split cheaply
//! at anything that is not a letter, a digit or an inner apostrophe.

use unicode_segmentation::UnicodeSegmentation;

/// At most this many words are read from a neighbouring paragraph.
const WINDOW: usize = 40;

/// One in every byte of a `u64`: the lanes of the eight-bytes-at-once
/// reads here and in [`crate::merge`].
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;

/// The high bit of every byte of a `u64`.
pub(crate) const HIGH: u64 = ONES * 0x80;

/// Function words that say nothing about what a line is about (sorted;
/// compared as folded, see [`StopTable`]).
const STOP: &[&str] = &[
    "a", "about", "after", "again", "all", "also", "an", "and", "any", "are", "as", "at", "back",
    "be", "been", "before", "being", "but", "by", "can", "could", "did", "do", "does", "ever",
    "every", "few", "first", "for", "from", "get", "got", "had", "has", "have", "he", "her",
    "here", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "last", "less",
    "made", "make", "many", "may", "more", "most", "much", "new", "next", "no", "not", "now", "of",
    "off", "on", "one", "only", "or", "other", "our", "out", "over", "own", "s", "said", "same",
    "say", "says", "she", "so", "some", "still", "such", "take", "than", "that", "the", "their",
    "them", "then", "there", "these", "they", "this", "those", "to", "today", "tonight", "too",
    "up", "us", "very", "was", "we", "well", "were", "what", "when", "where", "which", "while",
    "who", "why", "will", "with", "would", "yet", "you", "your",
];

/// The number of words in `text` (runs of non-space characters), counted
/// up to `limit + 1` at most: enough to compare with `limit` without reading
/// a long paragraph to its end.
///
/// Read in blocks of [`BLOCK`] bytes, each counted whole with no branch on
/// its bytes (the compiler reads such a block in a few vector steps); the
/// count stops after the block that passes the limit.
pub(crate) fn count_up_to(text: &str, limit: usize) -> usize {
    let mut words = 0;
    // The text opens as if after a space.
    let mut space_before = true;
    let mut blocks = text.as_bytes().chunks_exact(BLOCK);
    for block in &mut blocks {
        let Some(block) = block.first_chunk::<BLOCK>() else {
            break;
        };
        words += usize::from(word_starts(block, space_before));
        if words > limit {
            return limit + 1;
        }
        space_before = is_space(block[BLOCK - 1]) == 1;
    }
    let mut tail = [b' '; BLOCK];
    let rest = blocks.remainder();
    if let Some(head) = tail.get_mut(..rest.len()) {
        head.copy_from_slice(rest);
    }
    words += usize::from(word_starts(&tail, space_before));
    words.min(limit + 1)
}

/// The bytes [`count_up_to`] reads at once.
const BLOCK: usize = 64;

/// The bytes [`may_speak_personally`] reads at once (fewer than
/// [`BLOCK`]: the lines it reads are short).
const FILTER_BLOCK: usize = 32;

/// How many words start in `block`: non-space bytes after a space (or,
/// for the first, after the block before it).
#[inline]
fn word_starts(block: &[u8; BLOCK], space_before: bool) -> u8 {
    // The same starts as `report::is_name_phrase` (vertical tab a space); sharing cost 0.13 M a MB.
    let mut space = [0u8; BLOCK + 1];
    space[0] = u8::from(space_before);
    for (s, &b) in space[1..].iter_mut().zip(block) {
        *s = is_space(b);
    }
    space
        .iter()
        .zip(&space[1..])
        .map(|(&before, &here)| before & !here & 1)
        .sum()
}

/// 1 for ASCII white space ([`u8::is_ascii_whitespace`]), else 0.
#[inline]
fn is_space(b: u8) -> u8 {
    u8::from(b.is_ascii_whitespace())
}

/// Whether an ASCII byte occurs in `text` (a vectorised search).
pub(crate) fn has_byte(text: &str, byte: u8) -> bool {
    memchr::memchr(byte, text.as_bytes()).is_some()
}

/// Whether `text` has at most `n` words (reading no further than that).
pub(crate) fn at_most(text: &str, n: usize) -> bool {
    count_up_to(text, n) <= n
}

/// Fold a word for comparison into `out`: lower case, curly apostrophes
/// straightened, a possessive `'s` dropped, and the common inflections
/// (`-ing`, `-ed`, `-es`, `-s`, a final `-e`) cut, so that `closes`,
/// `closed`, `closing` and `close` all read `clos`. The slow path of
/// [`key`], for words with letters beyond ASCII.
fn fold_into(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        match c {
            '’' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    out.truncate(stem(out.as_bytes()));
}

/// A folded word as a number: equal words give equal keys, and distinct
/// folded words of up to eight bytes never share one (the mixing step is a
/// bijection); longer ones collide with odds of about 2^-64.
pub(crate) type Key = u64;

/// The odd multiplier that mixes each eight-byte chunk into a key.
const K: u64 = 0x517c_c1b7_2722_0a95;

/// The key of folded bytes.
fn hash(bytes: &[u8]) -> Key {
    let mut h: u64 = 0;
    let mut i = 0;
    while i < bytes.len() {
        let mut chunk: u64 = 0;
        let mut j = 0;
        while j < 8 && i + j < bytes.len() {
            chunk |= (bytes[i + j] as u64) << (8 * j);
            j += 1;
        }
        h = (h.rotate_left(5) ^ chunk).wrapping_mul(K);
        i += 8;
    }
    h
}

/// Fold a word (see [`fold_into`]) straight to its key, and the first byte
/// of the folded word. Words of ASCII letters and curly apostrophes, nearly
/// all of them, fold on the stack; those of eight bytes or fewer, most of
/// them, in one register.
#[inline]
fn key(word: &str) -> (Key, Option<u8>) {
    short_key(word.as_bytes()).unwrap_or_else(|| long_key(word))
}

/// [`key`] of a longer word, or one with bytes beyond ASCII.
#[inline(never)]
fn long_key(word: &str) -> (Key, Option<u8>) {
    if word.is_ascii() {
        return ascii_key(word.as_bytes());
    }
    let mut buf = [0u8; 64];
    if let Some(ascii) = straightened(word, &mut buf) {
        return ascii_key(ascii);
    }
    let mut out = String::new();
    fold_into(word, &mut out);
    (hash(out.as_bytes()), out.bytes().next())
}

/// [`key`] of a word of ASCII bytes, of any length. The suffixes are ASCII
/// letters: stemming in any case is the same.
#[inline(always)]
fn ascii_key(ascii: &[u8]) -> (Key, Option<u8>) {
    let stem = ascii.get(..stem(ascii)).unwrap_or(ascii);
    (hash_lower(stem), stem.first().map(u8::to_ascii_lowercase))
}

/// The word as ASCII, curly apostrophes read as straight ones (copied into
/// `buf` only when it holds one); `None` for other characters beyond ASCII.
fn straightened<'w>(word: &'w str, buf: &'w mut [u8; 64]) -> Option<&'w [u8]> {
    const CURLY: &[u8] = "’".as_bytes();
    let bytes = word.as_bytes();
    if bytes.is_ascii() {
        return Some(bytes);
    }
    let (mut i, mut n) = (0, 0);
    while let Some(&b) = bytes.get(i) {
        let slot = buf.get_mut(n)?;
        if b.is_ascii() {
            *slot = b;
            i += 1;
        } else if bytes[i..].starts_with(CURLY) {
            *slot = b'\'';
            i += CURLY.len();
        } else {
            return None;
        }
        n += 1;
    }
    Some(&buf[..n])
}

/// [`key`] of a word of at most eight ASCII bytes, folded in one register.
#[inline(always)]
fn short_key(bytes: &[u8]) -> Option<(Key, Option<u8>)> {
    let x = load_short(bytes)?;
    if x & HIGH != 0 {
        return None;
    }
    let lower = lower_ascii(x);
    let n = stem_packed(lower, bytes.len());
    // The bytes past the word are 0 already: mask only what the stem cut.
    let kept = if n < bytes.len() {
        lower & low_bytes(n)
    } else {
        lower
    };
    // One chunk: `hash` of the folded bytes.
    Some((kept.wrapping_mul(K), (n > 0).then_some(lower as u8)))
}

/// At most eight bytes packed into a `u64` as [`pack`] packs them (the
/// first byte lowest, zeros above the last); `None` for more than eight.
///
/// Read as two loads of four (or two) bytes, one from each end, instead of
/// byte by byte: where the two overlap they hold the same bytes, so or-ing
/// them together puts every byte in its place once.
#[inline(always)]
fn load_short(bytes: &[u8]) -> Option<u64> {
    let n = bytes.len();
    if let Some(all) = bytes.first_chunk::<8>() {
        return (n == 8).then(|| u64::from_le_bytes(*all));
    }
    if let (Some(head), Some(tail)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        let (head, tail) = (u32::from_le_bytes(*head), u32::from_le_bytes(*tail));
        return Some(u64::from(head) | u64::from(tail) << (8 * (n - 4)));
    }
    if let (Some(head), Some(tail)) = (bytes.first_chunk::<2>(), bytes.last_chunk::<2>()) {
        let (head, tail) = (u16::from_le_bytes(*head), u16::from_le_bytes(*tail));
        return Some(u64::from(head) | u64::from(tail) << (8 * (n - 2)));
    }
    Some(bytes.first().map_or(0, |&b| u64::from(b)))
}

/// A mask of the low `n` bytes of a `u64` (`n` at most 8).
fn low_bytes(n: usize) -> u64 {
    u64::MAX.checked_shr(64 - 8 * n as u32).unwrap_or(0)
}

/// [`stem`] of the `len` bytes of a lower-case word packed in `x`.
#[inline]
fn stem_packed(x: u64, len: usize) -> usize {
    let ends = |n: usize, suffix: &[u8]| {
        let k = suffix.len();
        n >= k && (x >> (8 * (n - k))) & low_bytes(k) == pack(suffix)
    };
    if len == 0 || !matches!((x >> (8 * (len - 1))) as u8, b's' | b'g' | b'd' | b'e') {
        return len;
    }
    let mut len = len;
    if ends(len, b"'s") {
        len -= 2;
    }
    let cut = if len > 5 && ends(len, b"ing") {
        3
    } else if len > 4 && (ends(len, b"ed") || ends(len, b"es")) {
        2
    } else if len > 3 && ends(len, b"s") && !ends(len, b"ss") {
        1
    } else {
        0
    };
    len -= cut;
    if len >= 4 && ends(len, b"e") {
        len -= 1;
    }
    len
}

/// ASCII capitals in eight bytes made small (every byte below 0x80, so the
/// sums never carry across bytes).
pub(crate) fn lower_ascii(x: u64) -> u64 {
    let above_z = x.wrapping_add(ONES * (0x7f - u64::from(b'Z')));
    let from_a = x.wrapping_add(ONES * (0x80 - u64::from(b'A')));
    let upper = from_a & !above_z & HIGH;
    x | (upper >> 2)
}

/// The length of the stem of a word (see [`fold_into`]), in any letter
/// case; only ASCII suffixes are cut, so the stem ends on a character
/// boundary.
fn stem(w: &[u8]) -> usize {
    // Every rule cuts after an `s`, `g`, `d` or `e`: most words end in
    // another letter.
    if !w
        .last()
        .is_some_and(|b| matches!(b.to_ascii_lowercase(), b's' | b'g' | b'd' | b'e'))
    {
        return w.len();
    }
    let ends = |w: &[u8], suffix: &[u8]| {
        w.len() >= suffix.len() && w[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    let mut len = w.len();
    if ends(w, b"'s") {
        len -= 2;
    }
    let w = &w[..len];
    let cut = if len > 5 && ends(w, b"ing") {
        3
    } else if len > 4 && (ends(w, b"ed") || ends(w, b"es")) {
        2
    } else if len > 3 && ends(w, b"s") && !ends(w, b"ss") {
        1
    } else {
        0
    };
    len -= cut;
    if len >= 4 && w[len - 1].eq_ignore_ascii_case(&b'e') {
        len -= 1;
    }
    len
}

/// [`hash`] of ASCII bytes in lower case, eight at a time: capitals are
/// found and folded in all eight bytes at once.
fn hash_lower(bytes: &[u8]) -> Key {
    let mix = |h: u64, chunk: u64| (h.rotate_left(5) ^ lower_ascii(chunk)).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    let mut h = 0;
    for chunk in &mut chunks {
        h = mix(h, chunk.first_chunk().map_or(0, |c| u64::from_le_bytes(*c)));
    }
    let tail = chunks.remainder();
    if tail.is_empty() {
        return h;
    }
    // The tail packed with zeros above it: the last eight bytes shifted
    // down past those already mixed, or, in a word shorter than eight,
    // the whole word.
    let last = match bytes.last_chunk::<8>() {
        Some(last) => u64::from_le_bytes(*last) >> (8 * (8 - tail.len())),
        None => load_short(tail).unwrap_or(0),
    };
    mix(h, last)
}

/// The keys of [`STOP`] as folded (`before` reads `befor`), in an open
/// addressing table: a word is looked up in one or two probes.
struct StopTable {
    /// Keys by their top bits, then the next free slot; 0 is empty (no
    /// folded word has key 0: a word has a byte, and no byte is 0).
    slots: [Key; Self::SLOTS],
}

impl StopTable {
    /// Twice the stop words and more: probe runs stay short.
    const SLOTS: usize = 512;

    fn new() -> StopTable {
        let mut slots = [0; Self::SLOTS];
        for word in STOP {
            let k = key(word).0;
            let mut i = Self::home(k);
            while slots[i] != 0 && slots[i] != k {
                i = (i + 1) % Self::SLOTS;
            }
            slots[i] = k;
        }
        StopTable { slots }
    }

    fn home(k: Key) -> usize {
        (k >> 55) as usize % Self::SLOTS
    }

    fn contains(&self, k: Key) -> bool {
        let mut i = Self::home(k);
        loop {
            match self.slots[i] {
                0 => return false,
                s if s == k => return true,
                _ => i = (i + 1) % Self::SLOTS,
            }
        }
    }
}

/// The stop table, built on first use. (Key 0, which only an empty folded
/// word has, is in no slot: a probe for it meets an empty one and fails.)
fn stop_table() -> &'static StopTable {
    static TABLE: std::sync::OnceLock<StopTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(StopTable::new)
}

/// The content words of a short line: folded, deduplicated, function words
/// dropped, read from its first [`WINDOW`] words as [`Words`] splits them.
/// Kept on the stack: weighing a line allocates nothing.
#[derive(Debug, Clone)]
pub(crate) struct Content {
    keys: [Key; WINDOW],
    len: usize,
    /// Bit `b % 64` is set for every first byte `b` of a folded word.
    firsts: u64,
    /// Bit [`key_bit`] is set for every key held: a key whose bit is clear
    /// is new, and is added without reading the keys.
    held: u64,
}

impl Content {
    /// The keys, in the order the words first appear.
    pub(crate) fn keys(&self) -> &[Key] {
        &self.keys[..self.len]
    }

    /// Add a content word's key (and the first byte of the folded word)
    /// unless it is held already. At most [`WINDOW`] words are added, one
    /// per word read, so there is always room.
    #[inline(always)]
    fn add(&mut self, k: Key, first: Option<u8>) {
        let bit = key_bit(k);
        if self.held & bit != 0 && self.keys().contains(&k) {
            return;
        }
        if let Some(slot) = self.keys.get_mut(self.len) {
            *slot = k;
            self.len += 1;
            self.held |= bit;
            self.firsts |= first.map_or(0, first_bit);
        }
    }
}

/// The bit of a first byte in [`Content::firsts`].
fn first_bit(b: u8) -> u64 {
    1u64 << (b.to_ascii_lowercase() % 64)
}

/// The bit of a key in [`Content::held`]: its top six bits (the
/// multiplication that makes a key mixes every byte into them).
fn key_bit(k: Key) -> u64 {
    1u64 << (k >> 58)
}

/// The content words of `text` (see [`Content`]).
pub(crate) fn content(text: &str) -> Content {
    let mut out = Content::EMPTY;
    out.read(text);
    out
}

impl Content {
    /// No words: what [`Content::read`] fills.
    pub(crate) const EMPTY: Content = Content {
        keys: [0; WINDOW],
        len: 0,
        firsts: 0,
        held: 0,
    };

    /// Read the content words of `text` into this empty `Content` (see
    /// [`content`]). Filling the caller's own `Content` in place spares
    /// copying its keys, as returning one would.
    #[inline(never)]
    pub(crate) fn read(&mut self, text: &str) {
        let stops = stop_table();
        for word in Words::new(text).take(WINDOW) {
            let (k, first) = key(word);
            if !stops.contains(k) {
                self.add(k, first);
            }
        }
    }
}

/// How many of `words` appear among the first [`WINDOW`] words of `text`,
/// or the last ones when `from_end` is set, counted up to `limit`: reading
/// stops at the `limit`th shared word, so a rule that only asks whether any
/// word is shared reads no further than the first.
pub(crate) fn overlap(words: &Content, text: &str, from_end: bool, limit: usize) -> usize {
    let shared = if from_end {
        shared_words(words, Words::new(text).rev(), limit)
    } else {
        shared_words(words, Words::new(text), limit)
    };
    shared.min(limit)
}

/// [`overlap`] over the words as `read` yields them, before the cap: a
/// plain loop, which the compiler folds together with the word splitting.
#[inline(always)]
fn shared_words<'t>(words: &Content, read: impl Iterator<Item = &'t str>, limit: usize) -> usize {
    // Bit `i` is set once `words.keys()[i]` is met (there are at most
    // [`WINDOW`] keys, fewer than 64); `shared` counts the bits set.
    let (mut found, mut shared): (u64, usize) = (0, 0);
    for word in read.take(WINDOW) {
        // Fold only the words whose first letter one of `words` starts with.
        if words.firsts & word.bytes().next().map_or(0, first_bit) == 0 {
            continue;
        }
        let (k, _) = key(word);
        if words.held & key_bit(k) == 0 {
            continue;
        }
        if let Some(i) = words.keys().iter().position(|&w| w == k) {
            if found & 1 << i == 0 {
                found |= 1 << i;
                shared += 1;
            }
            if shared >= limit {
                break;
            }
        }
    }
    shared
}

/// Whether a word after the first is capitalised (a name, a place): news
/// headlines nearly always name something; subheadings rarely do.
pub(crate) fn has_proper_noun(text: &str) -> bool {
    text.unicode_words()
        .skip(1)
        .take(WINDOW)
        .any(|w| w.chars().next().is_some_and(char::is_uppercase) && w != "I")
}

/// First- and second-person words: the voice of a statement, not a report.
const PERSONAL: &[&str] = &[
    "i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "we", "we're", "we've", "we'll", "we'd",
    "us", "our", "ours", "you", "you're", "you've", "you'll", "your", "yours", "let's",
];

/// Contractions other than the possessive `'s`.
const CONTRACTED: &[&str] = &["n't", "'re", "'ve", "'ll", "'m", "'d"];

/// `'s` after these words is `is`, not a possessive.
const IS_AFTER: &[&str] = &[
    "that", "it", "there", "here", "what", "who", "he", "she", "let",
];

/// Time words after `this` that a reporter uses (`this morning`).
const TIME: &[&str] = &[
    "morning",
    "afternoon",
    "evening",
    "week",
    "weekend",
    "month",
    "year",
    "summer",
    "winter",
    "spring",
    "autumn",
    "season",
    "time",
];

/// Words that report speech in the third person (of four letters or nine:
/// [`statement_score`] compares no others).
const REPORTING: &[&str] = &["said", "says", "told", "according"];

/// Whether `word` is first or second person (`US`, in capitals, is a
/// country, not `us`).
#[inline(always)]
pub(crate) fn is_personal(word: &str) -> bool {
    // Every personal word opens with `i'` or `i’` (`’` opens with E2), with
    // a pair of [`PERSONAL_OPENINGS`], or is `i` alone: most words are told
    // apart by two bytes.
    let opening = match word.as_bytes() {
        [one] => return one.eq_ignore_ascii_case(&b'i'),
        [a, b, ..] => (a.to_ascii_lowercase(), b.to_ascii_lowercase()),
        [] => return false,
    };
    let possible = matches!(opening, (b'i', b'\'' | 0xE2))
        || PERSONAL_OPENINGS
            .iter()
            .any(|&(first, seconds)| opening.0 == first && seconds.contains(&opening.1));
    if word.len() > 8 || !possible {
        return false;
    }
    let personal = packed_lower(word).is_some_and(|w| PERSONAL_PACKED.contains(&w));
    personal && !(word.len() > 1 && word.chars().all(|c| !c.is_lowercase()))
}

/// The first two bytes of the [`PERSONAL`] words of two letters or more
/// (lower case; `i'm` and the like aside): the first, and the seconds it
/// can have. [`is_personal`] and the byte filter ([`may_speak_personally`])
/// both read it. It is written by hand: built at compile time, its seconds
/// would need arrays and lengths of their own. A test derives it from
/// [`PERSONAL`], so it cannot go stale.
const PERSONAL_OPENINGS: [(u8, &[u8]); 6] = [
    (b'm', b"eyi"),
    (b'w', b"e"),
    (b'u', b"s"),
    (b'o', b"u"),
    (b'y', b"o"),
    (b'l', b"e"),
];

/// [`PERSONAL`], packed.
const PERSONAL_PACKED: [u64; PERSONAL.len()] = {
    let mut out = [0; PERSONAL.len()];
    let mut i = 0;
    while i < PERSONAL.len() {
        out[i] = pack(PERSONAL[i].as_bytes());
        i += 1;
    }
    out
};

/// Up to eight bytes as one number (little-endian, zero-padded): equal
/// numbers, equal bytes, for text without NUL bytes.
pub(crate) const fn pack(bytes: &[u8]) -> u64 {
    let mut out = 0;
    let mut i = 0;
    while i < bytes.len() && i < 8 {
        out |= (bytes[i] as u64) << (8 * i);
        i += 1;
    }
    out
}

/// A word in lower case with curly apostrophes straightened, [`pack`]ed,
/// if that gives at most eight ASCII bytes.
fn packed_lower(word: &str) -> Option<u64> {
    let mut buf = [0u8; 64];
    let ascii = straightened(word, &mut buf).filter(|a| a.len() <= 8)?;
    Some(lower_ascii(pack(ascii)))
}

/// How strongly an unmarked paragraph reads as someone's own words rather
/// than the reporter's: first/second person and contractions count for it,
/// a proximal `this` a little, reported speech against it.
///
/// Each word is read once into a [`Plain`] (its first eight bytes in lower
/// case, in one register) when it can equal a listed word at all: the lists
/// are ASCII words without apostrophes, so a word with an apostrophe or a
/// byte beyond ASCII is compared with none of them, and a list is looked up
/// by comparing registers, not strings.
pub(crate) fn statement_score(text: &str) -> i32 {
    let mut score = 0;
    let mut after_this = false;
    for (i, word) in Words::new(text).enumerate() {
        let bytes = word.as_bytes();
        let head = head_bytes(bytes);
        let apostrophe = has_apostrophe(bytes, head);
        let plain = Plain::of(bytes, head, apostrophe);
        let is = |list: &Listed| plain.as_ref().is_some_and(|p| p.is_in(list));
        if is_personal(word) {
            score += 2;
        } else if apostrophe && is_contracted(word) {
            score += 1;
        } else if matches!(word.len(), 4 | 9) && is(&REPORTING_LISTED) {
            score -= 2;
        } else if after_this && !is(&TIME_LISTED) {
            score += 1;
        } else if i == 0 && is(&PLEASE) {
            score += 2;
        }
        after_this = is(&THIS);
        if i > 400 {
            break;
        }
    }
    score
}

/// A list of ASCII words without apostrophes, each word with its first
/// eight bytes [`pack`]ed (lower case): a [`Plain`] word is told apart from
/// most of them by one comparison of registers.
struct Listed {
    entries: &'static [(u64, &'static str)],
}

/// Each word of a list with its head (the [`pack`] of its first eight
/// bytes), built at compile time.
const fn entries<const N: usize>(list: &[&'static str]) -> [(u64, &'static str); N] {
    let mut out = [(0, ""); N];
    let mut i = 0;
    while i < N {
        out[i] = (pack(list[i].as_bytes()), list[i]);
        i += 1;
    }
    out
}

/// [`REPORTING`], for [`Plain::is_in`].
const REPORTING_LISTED: Listed = Listed {
    entries: &entries::<{ REPORTING.len() }>(REPORTING),
};

/// [`TIME`], for [`Plain::is_in`].
const TIME_LISTED: Listed = Listed {
    entries: &entries::<{ TIME.len() }>(TIME),
};

/// `this`, for [`Plain::is_in`].
const THIS: Listed = Listed {
    entries: &entries::<1>(&["this"]),
};

/// `please`, for [`Plain::is_in`].
const PLEASE: Listed = Listed {
    entries: &entries::<1>(&["please"]),
};

/// A word of ASCII bytes and no apostrophe (the only words equal to a
/// [`Listed`] word in any letter case), with its first eight bytes packed in
/// lower case.
struct Plain<'w> {
    head: u64,
    bytes: &'w [u8],
}

impl<'w> Plain<'w> {
    /// The word `bytes` (of [`Words`]) as a plain word, if it is one; `head`
    /// is its [`head_bytes`], `apostrophe` whether it holds an apostrophe's
    /// byte ([`has_apostrophe`]).
    #[inline]
    fn of(bytes: &'w [u8], head: u64, apostrophe: bool) -> Option<Plain<'w>> {
        let ascii = head & HIGH == 0 && (bytes.len() <= 8 || bytes.is_ascii());
        (ascii && !apostrophe).then(|| Plain {
            head: lower_ascii(head),
            bytes,
        })
    }

    /// Whether the word is one of `list`, in any letter case. Equal heads
    /// only say the first eight bytes agree: the whole word is compared
    /// then.
    #[inline(always)]
    fn is_in(&self, list: &Listed) -> bool {
        // A loop, not `any`: the compiler unrolls it over the constant
        // lists. (With `any`, the search is called, not inlined: 0.23 M
        // more instructions on the 1 MB page.)
        for &(head, word) in list.entries {
            if head == self.head && self.bytes.eq_ignore_ascii_case(word.as_bytes()) {
                return true;
            }
        }
        false
    }
}

/// The first eight bytes of `bytes` (all of them if fewer), [`pack`]ed:
/// one load, or [`load_short`]'s two.
#[inline]
fn head_bytes(bytes: &[u8]) -> u64 {
    match bytes.first_chunk::<8>() {
        Some(eight) => u64::from_le_bytes(*eight),
        None => load_short(bytes).unwrap_or(0),
    }
}

/// Whether a word holds an apostrophe's byte: `'`, or the E2 that opens `’`
/// (and any other character of U+2000–U+2FFF). `head` is the word's
/// [`head_bytes`]: a word of at most eight ASCII bytes is searched in that
/// register (a byte equal to `'` is a zero byte after XOR with `'` in
/// every byte; the test below sets a byte's high bit exactly when the
/// byte is not zero).
#[inline]
fn has_apostrophe(bytes: &[u8], head: u64) -> bool {
    const LOW7: u64 = ONES * 0x7f;
    if bytes.len() > 8 || head & HIGH != 0 {
        return bytes.iter().any(|&b| b == b'\'' || b == 0xE2);
    }
    // Bytes past the word's end are 0 in `head`, not `'`: none reads as one.
    let v = head ^ (ONES * u64::from(b'\''));
    let nonzero = (((v & LOW7) + LOW7) | v) & HIGH;
    nonzero != HIGH
}

/// `'s` after [`IS_AFTER`] words (`that's`), packed.
const IS_AFTER_S: [u64; IS_AFTER.len()] = {
    let mut out = [0; IS_AFTER.len()];
    let mut i = 0;
    while i < IS_AFTER.len() {
        let w = IS_AFTER[i].as_bytes();
        out[i] = pack(w) | pack(b"'s") << (8 * w.len());
        i += 1;
    }
    out
};

/// Whether a word with an apostrophe is contracted: it ends (in lower case,
/// curly apostrophes read as straight) with one of [`CONTRACTED`], or is an
/// [`IS_AFTER`] word with `'s`. Only the last three characters are read for
/// the first test (no ending is longer), and the second needs a word of at
/// most eight ASCII bytes ([`packed_lower`]).
fn is_contracted(word: &str) -> bool {
    // The last three characters, the last at the end; a character beyond
    // ASCII (no ending holds one) reads as 0x80, a missing one as 0.
    let mut tail = [0u8; 3];
    for (slot, c) in tail.iter_mut().rev().zip(word.chars().rev()) {
        *slot = match c {
            '’' => b'\'',
            c if c.is_ascii() => (c as u8).to_ascii_lowercase(),
            _ => 0x80,
        };
    }
    let ends = |ending: &str| tail.ends_with(ending.as_bytes());
    CONTRACTED.iter().any(|c| ends(c))
        || packed_lower(word).is_some_and(|w| IS_AFTER_S.contains(&w))
}

/// Whether the text (outside any quotation) uses the first or second person.
pub(crate) fn speaks_personally(text: &str) -> bool {
    may_speak_personally(text) && Words::new(text).take(WINDOW).any(is_personal)
}

/// Whether a personal word may stand in `text`: one opens, after a byte
/// that is no ASCII letter or digit, with one of the pairs of bytes that
/// [`is_personal`] lets through (or an `i` before a byte that is no ASCII
/// letter or digit). A word of [`Words`] opens after a byte of no word (or
/// an apostrophe it drops), so a text without such a pair holds no
/// personal word; most lines have none, and are told so without splitting
/// them into words. Read in blocks of [`FILTER_BLOCK`] bytes with no branch on
/// their bytes.
fn may_speak_personally(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        // The block with the byte before and the byte after it; spaces
        // stand outside the text.
        let mut window = [b' '; FILTER_BLOCK + 2];
        if let Some(&b) = start.checked_sub(1).and_then(|i| bytes.get(i)) {
            window[0] = b;
        }
        let rest = &bytes[start..];
        match rest.first_chunk::<{ FILTER_BLOCK + 1 }>() {
            Some(chunk) => window[1..].copy_from_slice(chunk),
            None => window[1..=rest.len()].copy_from_slice(rest),
        }
        let found = window
            .windows(3)
            .fold(0, |any, w| any | opens_personal(w[0], w[1], w[2]));
        if found != 0 {
            return true;
        }
        start += FILTER_BLOCK;
    }
    false
}

/// 1 if a personal word may open with `a`, `b` after `before` (see
/// [`may_speak_personally`]), else 0.
#[inline]
fn opens_personal(before: u8, a: u8, b: u8) -> u8 {
    let alnum = |x: u8| u8::from(x.is_ascii_alphanumeric());
    let (a, lower_b) = (a | 0x20, b | 0x20);
    let is = |x: u8, c: u8| u8::from(x == c);
    let pair =
        PERSONAL_OPENINGS
            .iter()
            .fold(is(a, b'i') & (alnum(b) ^ 1), |pair, &(first, seconds)| {
                let second = seconds.iter().fold(0, |any, &s| any | is(lower_b, s));
                pair | is(a, first) & second
            });
    pair & (alnum(before) ^ 1)
}

/// The words of a text, split at anything but letters, digits and inner
/// apostrophes (an apostrophe opening or closing a word is a quotation
/// mark): a cheap split for reading neighbouring paragraphs, where only
/// whole common words matter. ASCII letters are read eight at a time
/// ([`letter_run`]), other ASCII bytes one by one; only other characters
/// are decoded. Never empty words; double-ended.
#[derive(Debug, Clone)]
pub(crate) struct Words<'a> {
    text: &'a str,
    /// Not yet read: `text[front..back]`.
    front: usize,
    back: usize,
}

impl<'a> Words<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Words {
            text,
            front: 0,
            back: text.len(),
        }
    }

    /// The length of the word character starting at byte `i`, if it is one.
    #[inline]
    fn word_char_at(&self, i: usize) -> Option<usize> {
        let b = self.text.as_bytes()[i];
        if b.is_ascii() {
            return WORD_BYTE[usize::from(b)].then_some(1);
        }
        // U+2000–U+203F (E2 80 xx), the spaces, dashes and quotation marks
        // of typeset text, hold no letter; of them only `’` joins words.
        if let [0xE2, 0x80, third, ..] = self.text.as_bytes()[i..] {
            return (third == 0x99).then_some(3);
        }
        let c = self.text[i..].chars().next()?;
        is_word_char(c).then(|| c.len_utf8())
    }

    /// The length of the word character ending at byte `i`, if it is one.
    #[inline]
    fn word_char_before(&self, i: usize) -> Option<usize> {
        let b = self.text.as_bytes()[i - 1];
        if b.is_ascii() {
            return WORD_BYTE[usize::from(b)].then_some(1);
        }
        if let [.., 0xE2, 0x80, third] = self.text.as_bytes()[..i] {
            return (third == 0x99).then_some(3);
        }
        let c = self.text[..i].chars().next_back()?;
        is_word_char(c).then(|| c.len_utf8())
    }

    /// The character length at `i`, word character or not.
    fn char_len_at(&self, i: usize) -> usize {
        self.text[i..].chars().next().map_or(1, char::len_utf8)
    }

    /// The character length ending at `i`, word character or not.
    fn char_len_before(&self, i: usize) -> usize {
        self.text[..i].chars().next_back().map_or(1, char::len_utf8)
    }
}

/// What a byte is, for splitting words.
#[derive(Clone, Copy)]
enum Class {
    /// ASCII, not a word character.
    Separator,
    /// ASCII letters and digits.
    Alnum,
    /// The apostrophe `'`.
    Apostrophe,
    /// Part of a character beyond ASCII: decode to tell.
    Other,
}

/// The [`Class`] of every byte.
const CLASS: [Class; 256] = {
    let mut t = [Class::Other; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = if b == b'\'' as usize {
            Class::Apostrophe
        } else if WORD_BYTE[b] {
            Class::Alnum
        } else {
            Class::Separator
        };
        b += 1;
    }
    t
};

/// ASCII bytes that are word characters: letters, digits, the apostrophe.
const WORD_BYTE: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b == b'\'' as usize;
        b += 1;
    }
    t
};

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    /// The next word. Separators are skipped byte by byte (there are
    /// seldom more than two); a word's letters are read eight at a time
    /// ([`letter_run`]). A word of ASCII letters and digits (nearly every
    /// word) is returned as it stands: it has no apostrophe to trim, and
    /// both its ends are ASCII bytes (or the end), whole characters. A word
    /// that opens or goes on with an apostrophe or a character beyond ASCII
    /// is read by [`Words::careful_word`].
    #[inline(always)]
    fn next(&mut self) -> Option<&'a str> {
        // A copy of the text, and its bytes before `back`, sliced from it
        // so that the compiler sees they start where the text does: the
        // bytes read to find a word are then known to be those its slice
        // checks.
        let text = self.text;
        let bytes = bytes_before(text, self.back);
        let mut i = self.front;
        // Skip what separates words.
        let start = loop {
            let Some(&b) = bytes.get(i) else {
                self.front = self.back;
                return None;
            };
            match CLASS[usize::from(b)] {
                Class::Separator => i += 1,
                // (`b` is ASCII: said again for the slice below.)
                Class::Alnum if b.is_ascii() => break i,
                _ => match self.word_char_at(i) {
                    // An apostrophe before a letter or digit opens a
                    // quotation: trimming drops it, and the word is
                    // read from the letter.
                    Some(len) if opens_word(bytes, i, len) => i += len,
                    Some(_) => match self.careful_word(i, i) {
                        Some(w) => return Some(w),
                        // Only apostrophes: read on after them.
                        None => i = self.front,
                    },
                    None => i += self.char_len_at(i),
                },
            }
        };
        // The word's end, and where reading resumes.
        let (end, resume) = loop {
            // Letters, most of a word, eight at a time; then digits.
            let run = letter_run(bytes, i);
            i += run;
            if run == 8 {
                continue;
            }
            let Some(&b) = bytes.get(i) else {
                break (i, i);
            };
            match CLASS[usize::from(b)] {
                Class::Alnum => i += 1,
                // (`b` is ASCII: said again for the slice below.)
                Class::Separator if b.is_ascii() => break (i, i + 1),
                // An apostrophe: before a letter or digit it is inside
                // the word (`don't`, `Scarrow’s`), which goes on; before
                // an ASCII separator or the end it closes a quotation,
                // and trimming drops it.
                _ => match apostrophe_at(bytes, i) {
                    Some(len) => match bytes.get(i + len).map(|&b| CLASS[usize::from(b)]) {
                        Some(Class::Alnum) => i += len,
                        None | Some(Class::Separator) => break (i, i + len),
                        Some(_) => return self.careful_word(start, i),
                    },
                    // A character beyond ASCII: the word may go on,
                    // and may need trimming.
                    None => return self.careful_word(start, i),
                },
            }
        };
        let word = text.get(start..end);
        self.front = resume;
        word
    }
}

impl<'a> Words<'a> {
    /// The word that opens at `start` (a word character), whose bytes before
    /// `i` are word characters, read one character at a time and trimmed of
    /// apostrophes ([`trim_apostrophes`]); `None` if nothing is left.
    /// Reading resumes after the separator that ends it.
    #[inline(never)]
    fn careful_word(&mut self, start: usize, mut i: usize) -> Option<&'a str> {
        let bytes = bytes_before(self.text, self.back);
        // The word's end; reading resumes after the separator there.
        let end = loop {
            // Letters, most of a word, eight at a time.
            let run = letter_run(bytes, i);
            i += run;
            if run == 8 {
                continue;
            }
            let Some(&b) = bytes.get(i) else { break i };
            match CLASS[usize::from(b)] {
                Class::Alnum | Class::Apostrophe => i += 1,
                Class::Separator => {
                    i += 1;
                    break i - 1;
                }
                Class::Other => match self.word_char_at(i) {
                    Some(len) => i += len,
                    None => break i,
                },
            }
        };
        self.front = i;
        let w = trim_apostrophes(self.text.get(start..end)?);
        (!w.is_empty()).then_some(w)
    }
}

/// The bytes of `text` before `back` (all of them if it is shorter).
#[inline(always)]
fn bytes_before(text: &str, back: usize) -> &[u8] {
    let all = text.as_bytes();
    &all[..back.min(all.len())]
}

/// The length of the apostrophe (`'` or `’`) at `i`, if there is one.
#[inline(always)]
fn apostrophe_at(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i..)? {
        [b'\'', ..] => Some(1),
        [0xE2, 0x80, 0x99, ..] => Some(3),
        _ => None,
    }
}

/// Whether the word character of `len` bytes at `i` is an apostrophe with
/// an ASCII letter or digit after it.
#[inline(always)]
fn opens_word(bytes: &[u8], i: usize, len: usize) -> bool {
    apostrophe_at(bytes, i).is_some()
        && bytes
            .get(i + len)
            .is_some_and(|&b| matches!(CLASS[usize::from(b)], Class::Alnum))
}

/// The eight bytes of `bytes` from `i`, packed (the first lowest), with
/// zeros past the end (a zero byte is an ASCII separator). Near the end the
/// last eight bytes are loaded and shifted down past those before `i`; a
/// text shorter than eight bytes is loaded as [`load_short`] loads it.
#[inline(always)]
pub(crate) fn chunk_at(bytes: &[u8], i: usize) -> u64 {
    // (`i + 8` does not overflow: `i` is an index into a slice.)
    if let Some(chunk) = bytes.get(i..i + 8).and_then(<[u8]>::first_chunk::<8>) {
        return u64::from_le_bytes(*chunk);
    }
    let left = bytes.len().saturating_sub(i);
    match bytes.last_chunk::<8>() {
        // `left` is below 8: the shift is 8 to 64 bits (64 leaves nothing).
        Some(last) => u64::from_le_bytes(*last)
            .checked_shr(8 * (8 - left) as u32)
            .unwrap_or(0),
        None => bytes.get(i..).and_then(load_short).unwrap_or(0),
    }
}

impl DoubleEndedIterator for Words<'_> {
    #[inline]
    fn next_back(&mut self) -> Option<Self::Item> {
        let bytes = self.text.as_bytes();
        let front = self.front;
        let mut i = self.back;
        // The class of the byte before `i`, while `i` is past `front`.
        let before = |i: usize| (i > front).then(|| bytes.get(i - 1)).flatten();
        while i > front {
            while let Some(&b) = before(i) {
                match CLASS[usize::from(b)] {
                    Class::Separator => i -= 1,
                    Class::Alnum | Class::Apostrophe => break,
                    Class::Other => match self.word_char_before(i) {
                        Some(_) => break,
                        None => i -= self.char_len_before(i),
                    },
                }
            }
            let end = i;
            while let Some(&b) = before(i) {
                match CLASS[usize::from(b)] {
                    Class::Alnum | Class::Apostrophe => i -= 1,
                    Class::Separator => break,
                    Class::Other => match self.word_char_before(i) {
                        Some(len) => i -= len,
                        None => break,
                    },
                }
            }
            let w = trim_apostrophes(&self.text[i..end]);
            if !w.is_empty() {
                self.back = i;
                return Some(w);
            }
        }
        self.back = front;
        None
    }
}

/// How many of the eight bytes at `i` are ASCII letters before any other
/// byte (bytes past the end of `bytes` are none: [`chunk_at`]).
#[inline(always)]
fn letter_run(bytes: &[u8], i: usize) -> usize {
    let x = chunk_at(bytes, i);
    // Capitals read as small letters (no other byte becomes one); then the
    // high bit of each byte says: at least `a`, and at least `{` (no sum
    // carries into the next byte).
    let low = (x | (ONES * 0x20)) & !HIGH;
    let from_a = low + ONES * (0x80 - u64::from(b'a'));
    let past_z = low + ONES * (0x80 - u64::from(b'{'));
    let letter = from_a & !past_z & !x & HIGH;
    let other = !letter & HIGH;
    // 8 when every byte is a letter (64 trailing zeros).
    other.trailing_zeros() as usize / 8
}

fn is_word_char(c: char) -> bool {
    c == '’' || c == '\'' || c.is_alphanumeric()
}

/// A word without the apostrophes around it (quotation marks).
#[inline]
fn trim_apostrophes(mut w: &str) -> &str {
    const CURLY: &str = "’";
    let plain = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric());
    if plain(w.as_bytes().first()) && plain(w.as_bytes().last()) {
        return w;
    }
    loop {
        if let Some(rest) = w.strip_prefix('\'') {
            w = rest;
        } else if let Some(rest) = w.strip_prefix(CURLY) {
            w = rest;
        } else if let Some(rest) = w.strip_suffix('\'') {
            w = rest;
        } else if let Some(rest) = w.strip_suffix(CURLY) {
            w = rest;
        } else {
            return w;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    #[test]
    fn lower_ascii_is_to_ascii_lowercase() {
        for b in 0..0x80u8 {
            for at in 0..8 {
                let mut bytes = *b"Az_09mQ.";
                bytes[at] = b;
                let lowered = lower_ascii(u64::from_le_bytes(bytes)).to_le_bytes();
                assert_eq!(lowered[..], bytes.to_ascii_lowercase(), "{b:#x} at {at}");
            }
        }
    }

    #[test]
    fn every_stop_word_is_dropped_in_any_case() {
        for w in STOP {
            assert!(content(w).keys().is_empty(), "{w}");
            assert!(content(&w.to_uppercase()).keys().is_empty(), "{w}");
        }
    }

    #[test]
    fn content_words_fold_case_plurals_and_drop_function_words() {
        let keys = |words: &[&str]| words.iter().map(|w| hash(w.as_bytes())).collect::<Vec<_>>();
        assert_eq!(
            content("The Cliffs at Scarrow’s harbour").keys(),
            keys(&["cliff", "scarrow", "harbour"])
        );
        assert_eq!(
            content("Road closes, closed, closing: close").keys(),
            keys(&["road", "clos"])
        );
        assert_eq!(content("Ça Étoile étoiles").keys(), keys(&["ça", "étoil"]));
    }

    #[test]
    fn folding_cuts_case_possessives_and_inflections() {
        let fold = |w: &str| {
            let mut out = String::new();
            fold_into(w, &mut out);
            out
        };
        assert_eq!(fold("Scarrow’s"), "scarrow");
        assert_eq!(fold("CLOSING"), "clos");
        assert_eq!(fold("roads"), "road");
        assert_eq!(fold("glass"), "glass");
        assert_eq!(fold("Étoiles"), "étoil");
        let long = "Abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklm";
        for w in [
            "Scarrow’s",
            "CLOSING",
            "roads",
            "glass",
            "Étoiles",
            "x",
            "eightish",
            long,
            "@[`{Zaz",
            "Road'S",
            "GLASSES",
            "Büro’S",
        ] {
            assert_eq!(key(w).0, hash(fold(w).as_bytes()), "{w}");
        }
    }

    #[test]
    fn words_split_at_non_letters_and_trim_quotation_apostrophes() {
        let text = "‘Don't’ — Scarrow’s 3rd,  'big' café!";
        let words = ["Don't", "Scarrow’s", "3rd", "big", "café"];
        assert_eq!(Words::new(text).collect::<Vec<_>>(), words);
        let mut back: Vec<_> = Words::new(text).rev().collect();
        back.reverse();
        assert_eq!(back, words);
        assert_eq!(Words::new(" ' ’ ").next(), None);
    }

    #[test]
    fn overlap_counts_shared_content_words() {
        let words = content("Fourteen village schools closed by burst pipes");
        let next = "Fourteen primary schools will stay shut because of burst pipes.";
        assert_eq!(overlap(&words, next, false, usize::MAX), 4);
        assert_eq!(overlap(&words, next, false, 2), 2);
        assert_eq!(overlap(&words, next, true, 5), 4);
        assert_eq!(
            overlap(&words, "Gritting lorries went out overnight.", true, 1),
            0
        );
    }

    #[test]
    fn proper_nouns_are_capitalised_words_after_the_first() {
        assert!(has_proper_noun("Diversions in place around Ashbury"));
        assert!(!has_proper_noun("What happens next?"));
        assert!(!has_proper_noun("I think I saw it"));
    }

    #[test]
    fn statements_score_above_reporting() {
        assert!(statement_score("We have listened to our staff.") > 0);
        assert!(statement_score("That's the most important part.") > 0);
        assert!(statement_score("He taught half the crew at this station.") > 0);
        assert_eq!(
            statement_score("The lifeboat reached them within twenty minutes."),
            0
        );
        assert!(statement_score("The trust said the change would cost more.") < 0);
        for reporting in REPORTING {
            let text = format!(
                "The trust {} the change would cost more.",
                reporting.to_uppercase()
            );
            assert_eq!(statement_score(&text), -2, "{reporting}");
        }
        assert_eq!(
            statement_score("The lifeboat was launched this morning."),
            0
        );
    }

    #[test]
    fn personal_voice() {
        for w in ["I", "we’re", "You've", "Let's", "ours"] {
            assert!(is_personal(w), "{w}");
        }
        for w in ["US", "WE", "LET'S", "use", "yourself", "wé", "i'"] {
            assert!(!is_personal(w), "{w}");
        }
        assert!(speaks_personally("I would especially like to speak to you"));
        assert!(!speaks_personally("Police say 120 ewes have been stolen"));
        assert!(!speaks_personally("US: talks with the UK"));
    }

    /// [`PERSONAL_OPENINGS`], written by hand, are the first two bytes of
    /// the [`PERSONAL`] words, derived here from the list: a word added to
    /// it cannot leave the filters stale.
    #[test]
    fn personal_openings_are_the_personal_words_first_two_bytes() {
        let mut derived = BTreeMap::<u8, BTreeSet<u8>>::new();
        for word in PERSONAL {
            match *word.as_bytes() {
                [b'i', b'\'' | 0xE2, ..] | [_] | [] => {}
                [a, b, ..] => {
                    derived.entry(a).or_default().insert(b);
                }
            }
        }
        let table: BTreeMap<u8, BTreeSet<u8>> = PERSONAL_OPENINGS
            .iter()
            .map(|&(first, seconds)| (first, seconds.iter().copied().collect()))
            .collect();
        assert_eq!(table, derived);
        // Of one letter, the filters let only `i` through.
        let single: Vec<_> = PERSONAL.iter().filter(|w| w.len() == 1).collect();
        assert_eq!(single, [&"i"]);
    }

    #[test]
    fn every_personal_word_passes_the_byte_filter() {
        for word in PERSONAL {
            let capital = word[..1].to_uppercase() + &word[1..];
            for w in [word.to_string(), capital, word.replace('\'', "’")] {
                for before in ["", " ", "'", "’", "‘", "\"", "(", "-"] {
                    // At every offset around a block's edges.
                    for pad in 0..FILTER_BLOCK + 3 {
                        let text = format!("{} {before}{w}, said Jo", "x".repeat(pad));
                        assert!(Words::new(&text).any(is_personal), "{text}");
                        assert!(speaks_personally(&text), "{text}");
                    }
                }
            }
        }
    }

    /// Each part followed by its separator (parts without one are dropped).
    fn interleave(parts: &[String], seps: &[String]) -> String {
        parts
            .iter()
            .zip(seps)
            .flat_map(|(p, s)| [p.as_str(), s.as_str()])
            .collect()
    }

    /// [`statement_score`] as first written: each word compared with the
    /// lists as a string, a lower-case copy made of each word with an
    /// apostrophe.
    fn statement_score_reference(text: &str) -> i32 {
        let mut score = 0;
        let mut after_this = false;
        let mut w = String::new();
        for (i, word) in Words::new(text).enumerate() {
            let apostrophe = word.bytes().any(|b| b == b'\'' || b == 0xE2);
            if apostrophe {
                w.clear();
                w.extend(word.chars().map(|c| {
                    if c == '’' {
                        '\''
                    } else {
                        c.to_ascii_lowercase()
                    }
                }));
            }
            let is =
                |list: &[&str]| !apostrophe && list.iter().any(|t| word.eq_ignore_ascii_case(t));
            if is_personal(word) {
                score += 2;
            } else if apostrophe
                && (CONTRACTED.iter().any(|c| w.ends_with(c))
                    || w.strip_suffix("'s").is_some_and(|s| IS_AFTER.contains(&s)))
            {
                score += 1;
            } else if matches!(word.len(), 4 | 9) && is(REPORTING) {
                score -= 2;
            } else if after_this && !is(TIME) {
                score += 1;
            } else if i == 0 && is(&["please"]) {
                score += 2;
            }
            after_this = is(&["this"]);
            if i > 400 {
                break;
            }
        }
        score
    }

    #[test]
    fn statement_scores_read_at_most_402_words() {
        for (word, each) in [("I", 2), ("said", -2), ("that's", 1)] {
            for n in [400, 401, 402, 403, 500] {
                let text = vec![word; n].join(" ");
                assert_eq!(
                    statement_score(&text),
                    each * n.min(402) as i32,
                    "{word} {n}"
                );
                assert_eq!(statement_score(&text), statement_score_reference(&text));
            }
        }
    }

    #[test]
    fn listed_heads_are_their_words_packed() {
        for (listed, words) in [
            (REPORTING_LISTED, REPORTING),
            (TIME_LISTED, TIME),
            (THIS, &["this"]),
            (PLEASE, &["please"]),
        ] {
            let packed: Vec<_> = words.iter().map(|&w| (pack(w.as_bytes()), w)).collect();
            assert_eq!(listed.entries, packed);
        }
    }

    /// The plain reading of [`content`]: each of the first [`WINDOW`]
    /// words folded as a string and hashed, stop words found by a scan of
    /// [`STOP`], repeats by a scan of the keys kept so far. Returns the keys
    /// and the bits of their folded words' first bytes.
    fn content_plain(text: &str) -> (Vec<Key>, u64) {
        let fold = |w: &str| {
            let mut out = String::new();
            fold_into(w, &mut out);
            out
        };
        let stops: Vec<Key> = STOP.iter().map(|w| hash(fold(w).as_bytes())).collect();
        let (mut keys, mut firsts) = (Vec::new(), 0);
        for word in Words::new(text).take(WINDOW) {
            let folded = fold(word);
            let k = hash(folded.as_bytes());
            if !stops.contains(&k) && !keys.contains(&k) {
                keys.push(k);
                firsts |= folded.bytes().next().map_or(0, first_bit);
            }
        }
        (keys, firsts)
    }

    /// The plain reading of [`overlap`]: the keys of the first (or last)
    /// [`WINDOW`] words of `text` that are among `words`, counted and
    /// capped at `limit`. As in [`overlap`], a word is compared only if its
    /// first byte has a bit in `firsts` (so `İstanbul`, whose folded form
    /// opens with `i`, is not).
    fn overlap_plain(
        (words, firsts): &(Vec<Key>, u64),
        text: &str,
        from_end: bool,
        limit: usize,
    ) -> usize {
        let read: Vec<Option<Key>> = Words::new(text)
            .map(|w| (firsts & first_bit(w.as_bytes()[0]) != 0).then(|| key(w).0))
            .collect();
        let window = if from_end {
            &read[read.len().saturating_sub(WINDOW)..]
        } else {
            &read[..read.len().min(WINDOW)]
        };
        let shared = words.iter().filter(|&&k| window.contains(&Some(k))).count();
        shared.min(limit)
    }

    /// Text of words the content rules meet: stop words in any case,
    /// inflections, possessives with straight and curly apostrophes,
    /// quoted words, letters beyond ASCII, digits and long words, joined by
    /// spaces and punctuation; up to 60 words, so past [`WINDOW`], or none.
    fn content_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        let word = "(the|The|THE|a|An|of|said|says|it's|It’s|road|Roads|ROAD|road's|road’s|\
            roads’|closing|Closed|closes|close|glass|GLASSES|café|Café|Étoiles|étoile|ß|İstanbul|\
            Ça|3rd|2024|x|'quoted'|‘curly’|they’re|don't|eightish|Scarrowing's|\
            internationalisation|Internationalisations|well-being|Büro’s|naïve|zz)";
        let sep = "( |  |, |[.] |; | — |-|’ | ‘|\n)";
        proptest::collection::vec((word, sep), 0..60)
            .prop_map(|parts| parts.into_iter().map(|(w, s)| w + &s).collect::<String>())
    }

    /// The words of `text` read one character at a time: runs of letters,
    /// digits and apostrophes (`'`, `’`), trimmed of the apostrophes that
    /// open or close them, empty ones dropped. The rule [`Words`] reads
    /// faster.
    fn words_plain(text: &str) -> Vec<&str> {
        let mut words = Vec::new();
        let mut start = None;
        let mut push = |s: usize, e: usize| {
            let w = text[s..e].trim_matches(['\'', '’']);
            if !w.is_empty() {
                words.push(w);
            }
        };
        for (i, c) in text.char_indices() {
            let word_char = c == '\'' || c == '’' || c.is_alphanumeric();
            match (word_char, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    push(s, i);
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            push(s, text.len());
        }
        words
    }

    /// Text for [`Words`]: ASCII words and digits (some longer than eight
    /// bytes), straight and curly apostrophes inside words and around them,
    /// ASCII separators, punctuation of U+2000–U+203F, letters beyond ASCII
    /// (two, three and four bytes), combining marks, or nothing.
    fn words_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        let piece = "([a-zA-Z]{1,3}|[a-zA-Z0-9]{1,12}|2024|internationalisation|don't|it’s|\
            ' |’ | '| ’|''|’’|'|’| |  |, |[.]|;|-|[(]|[)]|\"|\t|\n|\u{a0}|—|“|”|‘|…|\u{2000}|\u{203f}|\
            \u{2010}|é|ß|İ|中|\u{1d400}|\u{301}|Ça|naïve|Étoile|x\u{301}y)";
        proptest::collection::vec(piece, 0..24).prop_map(|parts| parts.concat())
    }

    proptest::proptest! {
        /// `Words` yields the plain reading's words, from the front, from
        /// the back, and from both ends in any order, meeting in the middle.
        #[test]
        fn words_read_as_the_plain_splitter(
            text in words_text(),
            ends in proptest::collection::vec(proptest::bool::ANY, 0..40),
        ) {
            let expected = words_plain(&text);
            proptest::prop_assert_eq!(Words::new(&text).collect::<Vec<_>>(), expected.clone());
            let mut back: Vec<&str> = Words::new(&text).rev().collect();
            back.reverse();
            proptest::prop_assert_eq!(&back, &expected);
            // Mixed: take from the end each `true` says, the front each
            // `false` says, then the rest from the front.
            let mut words = Words::new(&text);
            let (mut front, mut back) = (Vec::new(), Vec::new());
            for &from_back in &ends {
                let w = if from_back { words.next_back() } else { words.next() };
                match (w, from_back) {
                    (Some(w), true) => back.push(w),
                    (Some(w), false) => front.push(w),
                    (None, _) => break,
                }
            }
            front.extend(words.by_ref());
            proptest::prop_assert_eq!(words.next(), None);
            proptest::prop_assert_eq!(words.next_back(), None);
            back.reverse();
            front.extend(back);
            proptest::prop_assert_eq!(front, expected);
        }

        /// The content words read with the stop table, the held bits and
        /// the keys written in place are the plain reading's.
        #[test]
        fn content_is_the_plain_reading(text in content_text()) {
            let words = content(&text);
            let (keys, firsts) = content_plain(&text);
            proptest::prop_assert_eq!(words.keys(), &keys[..]);
            proptest::prop_assert_eq!(words.firsts, firsts);
        }

        /// Shared words counted in one loop, filtered by first byte and by
        /// the held bits, are the plain count.
        #[test]
        fn overlap_is_the_plain_count(
            own in content_text(),
            text in content_text(),
            from_end in proptest::bool::ANY,
            limit in 0usize..8,
        ) {
            let words = content(&own);
            for limit in [limit, usize::MAX] {
                proptest::prop_assert_eq!(
                    overlap(&words, &text, from_end, limit),
                    overlap_plain(&content_plain(&own), &text, from_end, limit)
                );
            }
        }

        /// Hashing in lower case a chunk at a time, the tail loaded with
        /// the last eight bytes, is hashing the lower-cased bytes.
        #[test]
        fn hash_lower_is_the_hash_of_the_lower_case(text in "[ -~]{0,40}") {
            let lower = text.to_ascii_lowercase();
            proptest::prop_assert_eq!(hash_lower(text.as_bytes()), hash(lower.as_bytes()));
        }

        /// Loading a short word from both ends packs it as [`pack`] does.
        #[test]
        fn short_loads_pack_the_bytes(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..12)) {
            let expected = (bytes.len() <= 8).then(|| pack(&bytes));
            proptest::prop_assert_eq!(load_short(&bytes), expected);
        }

        /// The byte filter drops no text that speaks personally: with it,
        /// the test agrees with reading every word.
        #[test]
        fn personal_filter_drops_no_personal_text(
            parts in proptest::collection::vec(
                "(i|I|me|My|mine|WE|we're|We’ve|us|US|ours|you|you’ll|Let's|it|Ian|mel|uses|Our1|yo|le|é|2we|x|Iñ|Sony|Obama|mistake|North|lemon)",
                0..12,
            ),
            seps in proptest::collection::vec("[ ,.'’‘\"(é2a-]{1,2}", 40),
        ) {
            let text = interleave(&parts, &seps);
            let plain = Words::new(&text).take(WINDOW).any(is_personal);
            proptest::prop_assert_eq!(speaks_personally(&text), plain);
            proptest::prop_assert!(!plain || may_speak_personally(&text));
        }

        /// Reading each word once into a register scores as comparing
        /// strings: on text of listed words in any case, contractions with
        /// straight and curly apostrophes, quotation apostrophes, letters
        /// beyond ASCII, digits and punctuation.
        #[test]
        fn statement_scores_read_as_the_reference(
            parts in proptest::collection::vec(
                "(I|i|we|We’re|YOU'LL|you've|Let's|US|our|said|SAYS|Told|according|ACCORDING|accordinG|this|This|THIS|morning|afternoon|Afternoon|weekend|time|please|Please|PLEASE|that's|That’s|IT'S|there’s|who's|he's|She’S|let's|don't|can’t|won'T|they're|we’ve|I'll|I'M|he’d|'re|n't|’s|'|’|x's|café|Ça|naïve’s|été'd|Zoë|ⅰ|ⅱ's|2024|3rd|a|the|sai|saidx|thiss|accordingly|pleased|mornings|[a-zA-Z]{1,10}|[a-z'’é]{1,9})",
                0..30,
            ),
            seps in proptest::collection::vec("[ ,.:;!?()\"“”‘’'—-]{1,3}|\u{a0}|\u{2019}", 30),
        ) {
            let text = interleave(&parts, &seps);
            proptest::prop_assert_eq!(statement_score(&text), statement_score_reference(&text));
        }

        /// A word's first eight bytes are packed as [`pack`] packs them,
        /// and an apostrophe's byte is found as a byte-by-byte search finds it.
        #[test]
        fn word_heads_and_apostrophes_read_like_bytes(w in "[a-zA-Z0-9'’éⅰ]{0,12}") {
            let bytes = w.as_bytes();
            let head = head_bytes(bytes);
            proptest::prop_assert_eq!(head, pack(bytes));
            let plain = bytes.iter().any(|&b| b == b'\'' || b == 0xE2);
            proptest::prop_assert_eq!(has_apostrophe(bytes, head), plain);
        }

        /// Counting a block at a time counts as a byte-by-byte reading.
        #[test]
        fn word_counts_read_chunks_like_bytes(
            text in "[a b\t\n\r\u{b}\u{c}\u{1}é\u{a0}]{0,110}",
            limit in 0usize..30,
        ) {
            let mut words = 0;
            let mut in_word = false;
            for b in text.bytes() {
                let space = b.is_ascii_whitespace();
                if !space && !in_word {
                    words += 1;
                }
                in_word = !space;
            }
            proptest::prop_assert_eq!(count_up_to(&text, limit), words.min(limit + 1));
        }

        /// Folding on the stack gives the key of the folded string.
        #[test]
        fn key_is_the_hash_of_the_folded_word(w in "[a-zA-Z'’éÉßİK]{0,70}") {
            let mut folded = String::new();
            fold_into(&w, &mut folded);
            proptest::prop_assert_eq!(key(&w).0, hash(folded.as_bytes()));
        }

        /// Words of eight bytes or fewer fold in one register: the key is
        /// still the hash of the folded word, stem cut included.
        #[test]
        fn short_keys_are_the_hash_of_the_folded_word(
            w in "[a-zA-Z']{0,5}(ing|ING|ed|es|s|'s|ss|e|E|)",
        ) {
            let mut folded = String::new();
            fold_into(&w, &mut folded);
            proptest::prop_assert_eq!(key(&w).0, hash(folded.as_bytes()));
            proptest::prop_assert_eq!(key(&w).1, folded.bytes().next());
        }

        /// `Words` splits as a plain `split` at non-word characters would,
        /// from either end.
        #[test]
        fn words_split_like_str_split(text in "[a-zA-Z0-9 '’.,é—“”\u{2000}-\u{2070}\u{300}]{0,80}") {
            let expected: Vec<&str> = text
                .split(|c: char| !is_word_char(c))
                .map(|w| w.trim_matches(['\'', '’']))
                .filter(|w| !w.is_empty())
                .collect();
            proptest::prop_assert_eq!(Words::new(&text).collect::<Vec<_>>(), expected.clone());
            let mut back: Vec<&str> = Words::new(&text).rev().collect();
            back.reverse();
            proptest::prop_assert_eq!(back, expected);
        }

        /// Letters read eight at a time are the letters read one by one.
        #[test]
        fn letter_runs_read_like_bytes(text in "[a-zA-Z@\\[`{0-9 é’\u{c1}\u{e1}]{0,24}", i in 0usize..24) {
            let bytes = text.as_bytes();
            // Past the end there are no letters.
            let expected = bytes
                .get(i..)
                .unwrap_or_default()
                .iter()
                .take(8)
                .take_while(|b| b.is_ascii_alphabetic())
                .count();
            proptest::prop_assert_eq!(letter_run(bytes, i), expected);
        }

        /// The two-byte opening filter drops no personal word: the test
        /// agrees with the plain list lookup on any short word.
        #[test]
        fn personal_words_are_found_as_the_list_says(w in "[iImMwWeEuUsSoOyYlLrRvVdDtTnN'’]{1,7}") {
            let plain = packed_lower(&w).is_some_and(|p| PERSONAL_PACKED.contains(&p))
                && !(w.len() > 1 && w.chars().all(|c| !c.is_lowercase()));
            proptest::prop_assert_eq!(is_personal(&w), plain);
        }

        /// The stop table finds exactly the folded stop words.
        #[test]
        fn the_stop_table_holds_the_stop_words_and_no_other(w in "[a-zA-Z']{1,9}") {
            let k = key(&w).0;
            let listed = STOP.iter().any(|s| key(s).0 == k);
            proptest::prop_assert_eq!(stop_table().contains(k), listed);
        }

        /// Counting shared words up to a limit gives the full count, capped:
        /// stopping early never changes what a rule compares.
        #[test]
        fn overlap_up_to_a_limit_is_the_capped_overlap(
            own in "[abc ]{0,40}",
            text in "[abcA ]{0,120}",
            from_end in proptest::bool::ANY,
            limit in 0usize..6,
        ) {
            let words = content(&own);
            let all = words
                .keys()
                .iter()
                .filter(|&&k| {
                    let read: Vec<Key> = Words::new(&text).map(|w| key(w).0).collect();
                    let window = if from_end {
                        &read[read.len().saturating_sub(WINDOW)..]
                    } else {
                        &read[..read.len().min(WINDOW)]
                    };
                    window.contains(&k)
                })
                .count();
            proptest::prop_assert_eq!(overlap(&words, &text, from_end, usize::MAX), all);
            proptest::prop_assert_eq!(overlap(&words, &text, from_end, limit), all.min(limit));
        }
    }
}
