//! Normalised words: what identity compares.
//!
//! Text is split at Unicode word boundaries (UAX #29). ASCII text, nearly
//! all of it, is split by a byte loop that finds exactly the words
//! `unicode_words` finds ([`split_ascii`]); any other text goes through
//! `unicode_words`. The words go to a [`Sink`]: [`Strings`] keeps them,
//! [`Hashes`] keeps only each word's hash.

use crate::grammar::words::{lower_ascii, pack};
use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;

/// Where [`split`] writes the words of a text.
pub(super) trait Sink {
    /// One more byte of the word being written.
    fn push(&mut self, byte: u8);
    /// More bytes of the word being written: ASCII `run`, lower-cased.
    fn push_lower(&mut self, run: &[u8]) {
        run.iter().for_each(|b| self.push(b.to_ascii_lowercase()));
    }
    /// The word being written ends: `keep` it, or drop it (it had nothing
    /// but `_`).
    fn end(&mut self, keep: bool);
}

/// The words themselves, for [`normalise`](super::normalise).
#[derive(Default)]
pub(super) struct Strings {
    /// The word being written.
    word: Vec<u8>,
    /// The words, in order.
    pub(super) words: Vec<String>,
}

impl Sink for Strings {
    fn push(&mut self, byte: u8) {
        self.word.push(byte);
    }

    fn end(&mut self, keep: bool) {
        if keep {
            // Whole words of UTF-8 text are pushed.
            let word = std::mem::take(&mut self.word);
            self.words.push(String::from_utf8(word).unwrap_or_default());
        } else {
            self.word.clear();
        }
    }
}

/// Each word's hash ([`WordHash`]), in order; no text is kept.
pub(super) struct Hashes {
    hash: WordHash,
    /// The words' hashes, in order.
    pub(super) words: Vec<u64>,
}

impl Hashes {
    /// Room for the words of texts of `bytes` bytes in all (a guess of
    /// one word in six bytes: more words only grow the buffer).
    pub(super) fn with_capacity(bytes: usize) -> Self {
        Hashes {
            hash: WordHash::new(),
            words: Vec::with_capacity(bytes / 6),
        }
    }
}

impl Sink for Hashes {
    fn push(&mut self, byte: u8) {
        self.hash.push(byte);
    }

    fn push_lower(&mut self, run: &[u8]) {
        self.hash.push_lower(run);
    }

    fn end(&mut self, keep: bool) {
        let hash = self.hash.finish();
        if keep {
            self.words.push(hash);
        }
    }
}

/// Write the [`normalise`](super::normalise)d words of `text` to `sink`.
pub(super) fn split(text: &str, sink: &mut impl Sink) {
    // Of ASCII, folding changes only '`', which `split_ascii` reads as '\''.
    if text.is_ascii() {
        return split_ascii(text.as_bytes(), sink);
    }
    let folded: Cow<'_, str> = if text.chars().any(|c| fold_quote(c) != c) {
        Cow::Owned(text.chars().map(fold_quote).collect())
    } else {
        Cow::Borrowed(text)
    };
    if folded.is_ascii() {
        return split_ascii(folded.as_bytes(), sink);
    }
    for word in folded.unicode_words() {
        let mut keep = false;
        lower_word(word, |b| {
            keep |= b != b'_';
            sink.push(b);
        });
        sink.end(keep);
    }
}

/// Write the words of ASCII `text` (after [`fold_quote`]: '`' reads as
/// '\'') to `sink`, lower-cased, quote marks dropped: the words
/// `unicode_words` finds. UAX #29 reads on ASCII: letters, digits and `_`
/// join each other (WB5, WB8–WB10, WB13a–b); `:`, `.` and `'` join two
/// letters (WB6–WB7); `,`, `;`, `.` and `'` join two digits (WB11–WB12);
/// any other byte stands alone. A word has a letter or a digit.
fn split_ascii(text: &[u8], sink: &mut impl Sink) {
    let mut at = 0;
    while let Some(skip) = text.get(at..).and_then(|rest| rest.iter().position(joins)) {
        at += skip;
        let mut keep = false;
        loop {
            // A run of letters, digits and `_` (one at least)...
            let rest = text.get(at..).unwrap_or_default();
            let len = rest.iter().position(|b| !joins(b)).unwrap_or(rest.len());
            let run = rest.get(..len).unwrap_or_default();
            sink.push_lower(run);
            keep = keep || run.iter().any(|&b| b != b'_');
            at += len;
            // ...goes on across a mark between two letters or digits.
            match text.get(at) {
                Some(&mid) if joins_at(text, at) => {
                    if mid != b'\'' && mid != b'`' {
                        sink.push(mid);
                    }
                    at += 1;
                }
                _ => break,
            }
        }
        sink.end(keep);
    }
}

/// A letter (`ALetter` of UAX #29 on ASCII).
const LETTER: u8 = 1;
/// A digit (`Numeric`).
const DIGIT: u8 = 2;
/// Letters, digits and `_` (`ExtendNumLet`): they join each other.
const JOINS: u8 = 4;
/// `:`, `.` and `'` (`MidLetter`, `MidNumLet`, `Single_Quote`) join two
/// letters: [`LETTER`] shifted, see [`joins_at`].
const JOINS_LETTERS: u8 = LETTER << 3;
/// `,`, `;`, `.` and `'` (`MidNum`, `MidNumLet`, `Single_Quote`) join two
/// digits: [`DIGIT`] shifted.
const JOINS_DIGITS: u8 = DIGIT << 3;

/// What each byte is, for splitting words: bits of the above ('`' is a
/// quote mark, as [`fold_quote`] makes it; bytes beyond ASCII are none).
const CLASS: [u8; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => LETTER | JOINS,
            b'0'..=b'9' => DIGIT | JOINS,
            b'_' => JOINS,
            b':' => JOINS_LETTERS,
            b',' | b';' => JOINS_DIGITS,
            b'.' | b'\'' | b'`' => JOINS_LETTERS | JOINS_DIGITS,
            _ => 0,
        };
        b += 1;
    }
    t
};

/// The [`CLASS`] of `b`.
fn class(b: u8) -> u8 {
    CLASS[usize::from(b)]
}

/// Whether `b` is a letter, a digit or `_`.
fn joins(b: &u8) -> bool {
    class(*b) & JOINS != 0
}

/// Whether the mark at `at` joins the bytes either side of it: two letters
/// or two digits, and a mark that joins those.
fn joins_at(text: &[u8], at: usize) -> bool {
    match at.checked_sub(1).and_then(|from| text.get(from..at + 2)) {
        Some(&[before, mid, after]) => {
            let both = class(before) & class(after) & (LETTER | DIGIT);
            (both << 3) & class(mid) != 0
        }
        _ => false,
    }
}

/// Push the bytes of one word lower-cased, apostrophes dropped. An ASCII
/// word is lowered byte by byte (`to_ascii_lowercase` is
/// `char::to_lowercase` on ASCII); any other goes through
/// `char::to_lowercase`.
fn lower_word(word: &str, mut push: impl FnMut(u8)) {
    if word.is_ascii() {
        for b in word.bytes().filter(|&b| b != b'\'') {
            push(b.to_ascii_lowercase());
        }
    } else {
        let chars = word.chars().filter(|&c| c != '\'');
        for c in chars.flat_map(char::to_lowercase) {
            c.encode_utf8(&mut [0; 4]).bytes().for_each(&mut push);
        }
    }
}

/// Every single and double quotation mark style becomes `'` or `"`.
fn fold_quote(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '`' | '\u{b4}' | '\u{2032}'
        | '\u{2bc}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{ab}' | '\u{bb}' | '\u{2033}' => '"',
        other => other,
    }
}

/// A 64-bit hash of one word, taken as its bytes come: each whole eight
/// bytes (little-endian) [`mix`]ed into the hash so far, then the last
/// seven or fewer (zero-filled) with the length in the top byte. Words of
/// up to seven bytes get distinct hashes. Fixed, so nothing depends on a
/// seed.
struct WordHash {
    /// The hash of the whole eights so far.
    hash: u64,
    /// The bytes since, little-endian.
    eight: u64,
    /// How many bytes there are.
    len: u64,
}

/// Where every word's hash starts.
const WORD_SEED: u64 = 0x243f_6a88_85a3_08d3;

impl WordHash {
    fn new() -> Self {
        WordHash {
            hash: WORD_SEED,
            eight: 0,
            len: 0,
        }
    }

    /// Push one byte.
    fn push(&mut self, byte: u8) {
        self.eight |= u64::from(byte) << (8 * (self.len % 8));
        self.len += 1;
        if self.len % 8 == 0 {
            self.hash = mix(self.hash ^ self.eight);
            self.eight = 0;
        }
    }

    /// Push ASCII `run` lower-cased: eight bytes at a time once the word's
    /// length is a multiple of eight (nearly always: most words are one
    /// run, pushed from length 0).
    fn push_lower(&mut self, mut run: &[u8]) {
        while self.len % 8 != 0 {
            match run.split_first() {
                Some((&b, rest)) => {
                    self.push(b.to_ascii_lowercase());
                    run = rest;
                }
                None => return,
            }
        }
        let mut eights = run.chunks_exact(8);
        for eight in &mut eights {
            let eight = u64::from_le_bytes(eight.try_into().unwrap_or_default());
            self.hash = mix(self.hash ^ lower_ascii(eight));
            self.len += 8;
        }
        let tail = eights.remainder();
        self.eight = lower_ascii(pack(tail));
        self.len += tail.len() as u64;
    }

    /// The word's hash; the next byte starts a new word.
    fn finish(&mut self) -> u64 {
        let hash = mix(self.hash ^ self.eight ^ (self.len << 56));
        *self = WordHash::new();
        hash
    }
}

/// A 64-bit hash of a run of words from their [`WordHash`]es: in order,
/// with the `tag` and how many words there are. Word hashes are already
/// mixed, so each is taken with one multiply, and the whole is [`mix`]ed
/// once. Runs that differ in one word get distinct hashes.
pub(super) fn run_hash(tag: u8, hashes: &[u64]) -> u64 {
    let seed = 0x1319_8a2e_0370_7344 ^ (u64::from(tag) << 56) ^ hashes.len() as u64;
    mix(hashes
        .iter()
        .fold(seed, |h, &w| (h ^ w).wrapping_mul(0x9e37_79b9_7f4a_7c15)))
}

/// The SplitMix64 finaliser: a bijection that spreads every input bit over
/// the whole output.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `unicode_words` finds, after quote folding.
    fn unicode(text: &str) -> Vec<String> {
        let folded: String = text.chars().map(fold_quote).collect();
        folded.unicode_words().map(str::to_owned).collect()
    }

    /// The oracle, by the plain definition: `unicode_words`, apostrophes
    /// dropped, `char::to_lowercase`, empty words dropped.
    fn slow(text: &str) -> Vec<String> {
        unicode(text)
            .iter()
            .map(|word| {
                word.chars()
                    .filter(|&c| c != '\'')
                    .flat_map(char::to_lowercase)
                    .collect::<String>()
            })
            .filter(|word| !word.is_empty())
            .collect()
    }

    /// The [`WordHash`] of one word, as its doc says it.
    fn word_hash(word: &[u8]) -> u64 {
        let mut eights = word.chunks_exact(8);
        let mut hash = WORD_SEED;
        for eight in &mut eights {
            hash = mix(hash ^ u64::from_le_bytes(eight.try_into().unwrap_or_default()));
        }
        mix(hash ^ pack(eights.remainder()) ^ ((word.len() as u64) << 56))
    }

    /// The words [`Strings`] keeps, checking that [`Hashes`] keeps their
    /// hashes.
    fn fast(text: &str) -> Vec<String> {
        let mut strings = Strings::default();
        split(text, &mut strings);
        let mut hashes = Hashes::with_capacity(0);
        split(text, &mut hashes);
        let expected: Vec<u64> = strings
            .words
            .iter()
            .map(|w| word_hash(w.as_bytes()))
            .collect();
        assert_eq!(hashes.words, expected, "{text:?}");
        strings.words
    }

    #[test]
    fn ascii_words_table() {
        // The text, and its words by UAX #29.
        for (text, words) in [
            ("don't", &["don't"][..]),
            ("e.g.", &["e.g"]),
            ("3.5", &["3.5"]),
            ("1,000", &["1,000"]),
            ("10:30", &["10", "30"]),
            ("a:b", &["a:b"]),
            ("_x_", &["_x_"]),
            ("x__1", &["x__1"]),
            ("'a'", &["a"]),
            ("a''b", &["a", "b"]),
            ("a.'b", &["a", "b"]),
            ("1.a", &["1", "a"]),
            ("a.1", &["a", "1"]),
            ("a1.2", &["a1.2"]),
            ("a1.b", &["a1", "b"]),
            ("a_.b", &["a_", "b"]),
            ("end.", &["end"]),
            ("1;2,3.4'5", &["1;2,3.4'5"]),
            ("a;b a,b", &["a", "b", "a", "b"]),
            ("`Quoted` O`Neil", &["Quoted", "O'Neil"]),
            ("__ _ x-y\r\nz\tw", &["x", "y", "z", "w"]),
            ("", &[]),
        ] {
            assert_eq!(unicode(text), words, "{text:?}");
            assert_eq!(fast(text), slow(text), "{text:?}");
        }
        assert_eq!(
            fast("Don't `Quoted` 1,000 _x_"),
            ["dont", "quoted", "1,000", "_x_"]
        );
    }

    #[test]
    fn texts_beyond_ascii_normalise_alike() {
        for text in [
            "“Don’t  PANIC,” he said… ÉCOLE Straße İstanbul ΣΑΣ",
            "mixed ASCII and Ünïcödé in one: café's ‘naïve’ O´Neil",
            "日本語のテキスト and emoji 👍🏽 mixed",
            "`quoted` words '' ' and 'single' \"double\"",
        ] {
            assert_eq!(fast(text), slow(text), "{text:?}");
        }
    }

    /// Every short string of the bytes UAX #29 tells apart on ASCII, alone
    /// and behind a word (the hash takes eight bytes at a time).
    #[test]
    fn ascii_words_match_unicode_words_exhaustively() {
        const ALPHABET: &[u8] = b"aZ9_'.:,;` \r\n-";
        let mut text = Vec::new();
        for lead in ["", "Abcdef", "Abcdefg", "7 abcd"] {
            for len in 0..=4u32 {
                for mut n in 0..ALPHABET.len().pow(len) {
                    text.clear();
                    text.extend_from_slice(lead.as_bytes());
                    for _ in 0..len {
                        text.push(ALPHABET[n % ALPHABET.len()]);
                        n /= ALPHABET.len();
                    }
                    let text = std::str::from_utf8(&text).unwrap_or_default();
                    assert_eq!(fast(text), slow(text), "{text:?}");
                }
            }
        }
    }

    /// A word pushed in runs and bytes, cut anywhere, hashes as its doc
    /// says.
    #[test]
    fn pieces_hash_as_the_word() {
        let word = b"MiXeD_CaSe_WoRdS_0123456789";
        let lower = word.to_ascii_lowercase();
        for len in 0..=word.len() {
            for cut in 0..=len {
                let mut hash = WordHash::new();
                hash.push_lower(&word[..cut]);
                hash.push_lower(&word[cut..len]);
                assert_eq!(hash.finish(), word_hash(&lower[..len]), "{len} {cut}");
                let mut hash = WordHash::new();
                lower[..cut].iter().for_each(|&b| hash.push(b));
                hash.push_lower(&word[cut..len]);
                assert_eq!(hash.finish(), word_hash(&lower[..len]), "{len} {cut}");
            }
        }
    }

    #[test]
    fn short_words_hash_apart() {
        let words: Vec<&[u8]> = vec![b"", b"a", b"a\0", b"ab", b"ba", b"abcdefg", b"abcdefgh"];
        let mut hashes: Vec<u64> = words.iter().map(|w| word_hash(w)).collect();
        hashes.sort_unstable();
        hashes.dedup();
        assert_eq!(hashes.len(), words.len());
        assert_ne!(word_hash(b"abcdefghi"), word_hash(b"abcdefghj"));
    }

    #[test]
    fn run_hash_is_ordered_tagged_and_sized() {
        let (a, b) = (word_hash(b"a"), word_hash(b"b"));
        let keys = [
            run_hash(1, &[a, b]),
            run_hash(1, &[b, a]),
            run_hash(2, &[a, b]),
            run_hash(1, &[a]),
            run_hash(1, &[a, b, a]),
            run_hash(1, &[]),
            run_hash(2, &[]),
        ];
        for (i, x) in keys.iter().enumerate() {
            assert!(keys[i + 1..].iter().all(|y| x != y), "{i}");
        }
    }

    proptest::proptest! {
        /// The byte loop finds the words `unicode_words` finds, and lowers
        /// them alike.
        #[test]
        fn ascii_words_match_unicode_words(text in "[aZ09_'.:,; \r\n\t\"`-]{0,40}") {
            proptest::prop_assert_eq!(fast(&text), slow(&text));
        }

        /// Text beyond ASCII, whose quote marks may fold to ASCII.
        #[test]
        fn any_text_normalises_alike(text in "[aZ09_'.:, \t\u{2019}\u{201c}\u{b4}\u{b7}\u{e9}\u{130}\u{301}]{0,24}") {
            proptest::prop_assert_eq!(fast(&text), slow(&text));
        }
    }
}
