//! Normalised words, each hashed once: what identity compares.
//!
//! Text is split at Unicode word boundaries (UAX #29). ASCII text, nearly
//! all of it, is split by a byte loop that finds exactly the words
//! `unicode_words` finds ([`Words::push_ascii`]); any other text goes
//! through `unicode_words`.

use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;

/// Normalised words kept end to end in one buffer, each with its hash, so
/// a version's words cost no allocation each.
#[derive(Default)]
pub(super) struct Words {
    /// The words, one after another (UTF-8: whole words are pushed).
    text: Vec<u8>,
    /// Where each word ends in `text`.
    ends: Vec<usize>,
    /// Each word's [`word_hash`].
    hashes: Vec<u64>,
}

impl Words {
    /// Room for the words of texts of `bytes` bytes in all (a guess of
    /// one word in four bytes: more words only grow the buffers).
    pub(super) fn with_capacity(bytes: usize) -> Self {
        Words {
            text: Vec::with_capacity(bytes),
            ends: Vec::with_capacity(bytes / 4),
            hashes: Vec::with_capacity(bytes / 4),
        }
    }

    /// Append the [`normalise`](super::normalise)d words of `text`.
    pub(super) fn push_text(&mut self, text: &str) {
        // Of ASCII, folding changes only '`', which `push_ascii` reads as '\''.
        if text.is_ascii() {
            return self.push_ascii(text.as_bytes());
        }
        let folded: Cow<'_, str> = if text.chars().any(|c| fold_quote(c) != c) {
            Cow::Owned(text.chars().map(fold_quote).collect())
        } else {
            Cow::Borrowed(text)
        };
        if folded.is_ascii() {
            return self.push_ascii(folded.as_bytes());
        }
        for word in folded.unicode_words() {
            let start = self.text.len();
            lower_word(word, &mut self.text);
            self.end_word(start);
        }
    }

    /// Append the words of ASCII `text` (after [`fold_quote`]: '`' reads as
    /// '\''), lower-cased, quote marks dropped: the words `unicode_words`
    /// finds. UAX #29 reads on ASCII: letters, digits and `_` join each
    /// other (WB5, WB8–WB10, WB13a–b); `:`, `.` and `'` join two letters
    /// (WB6–WB7); `,`, `;`, `.` and `'` join two digits (WB11–WB12); any
    /// other byte stands alone. A word has a letter or a digit.
    fn push_ascii(&mut self, text: &[u8]) {
        self.text.reserve(text.len());
        let mut at = 0;
        while let Some(skip) = text.get(at..).and_then(|rest| rest.iter().position(joins)) {
            at += skip;
            let start = self.text.len();
            loop {
                // A run of letters, digits and `_` (one at least)...
                let rest = text.get(at..).unwrap_or_default();
                let run = rest.split(|b| !joins(b)).next().unwrap_or_default();
                self.text.extend(run.iter().map(u8::to_ascii_lowercase));
                at += run.len();
                // ...goes on across a mark between two letters or digits
                // (`at` is past the run: 1 at least).
                match text.get(at.saturating_sub(1)..at + 2) {
                    Some(&[before, mid, after]) if joins_across(before, mid, after) => {
                        if mid != b'\'' && mid != b'`' {
                            self.text.push(mid);
                        }
                        at += 1;
                    }
                    _ => break,
                }
            }
            self.end_word(start);
        }
    }

    /// End the word written to `text` from `start`: keep it if it has more
    /// than `_` (a letter or a digit), else drop it.
    fn end_word(&mut self, start: usize) {
        match self.text.get(start..) {
            Some(word) if word.iter().any(|&b| b != b'_') => {
                self.hashes.push(word_hash(word));
                self.ends.push(self.text.len());
            }
            _ => self.text.truncate(start),
        }
    }

    /// How many words there are.
    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The words' hashes, in order.
    pub(super) fn hashes(&self) -> &[u64] {
        &self.hashes
    }

    /// The words, in order.
    pub(super) fn strs(&self) -> Vec<&str> {
        let mut start = 0;
        self.ends
            .iter()
            .map(|&end| {
                let word = self.text.get(start..end).unwrap_or_default();
                start = end;
                std::str::from_utf8(word).unwrap_or_default()
            })
            .collect()
    }
}

/// A letter (`ALetter` of UAX #29 on ASCII).
const LETTER: u8 = 1;
/// A digit (`Numeric`).
const DIGIT: u8 = 2;
/// Letters, digits and `_` (`ExtendNumLet`): they join each other.
const JOINS: u8 = 4;
/// `:`, `.` and `'` (`MidLetter`, `MidNumLet`, `Single_Quote`) join two
/// letters: [`LETTER`] shifted, see [`joins_across`].
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

/// Whether `mid` joins `before` and `after`: two letters or two digits,
/// and a mark that joins those.
fn joins_across(before: u8, mid: u8, after: u8) -> bool {
    let both = class(before) & class(after) & (LETTER | DIGIT);
    (both << 3) & class(mid) != 0
}

/// Append one word lower-cased, apostrophes dropped, to `out`. An ASCII
/// word is done byte by byte (`to_ascii_lowercase` is `char::to_lowercase`
/// on ASCII); any other goes through `char::to_lowercase`.
fn lower_word(word: &str, out: &mut Vec<u8>) {
    if word.is_ascii() {
        out.extend(
            word.bytes()
                .filter(|&b| b != b'\'')
                .map(|b| b.to_ascii_lowercase()),
        );
    } else {
        let chars = word.chars().filter(|&c| c != '\'');
        for c in chars.flat_map(char::to_lowercase) {
            out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        }
    }
}

/// Every single and double quotation mark style becomes `'` or `"`.
pub(super) fn fold_quote(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '`' | '\u{b4}' | '\u{2032}'
        | '\u{2bc}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{ab}' | '\u{bb}' | '\u{2033}' => '"',
        other => other,
    }
}

/// A 64-bit hash of one word: its length, then its bytes eight at a time
/// (little-endian, the last eight zero-filled), each eight [`mix`]ed into
/// the hash so far. Fixed, so nothing depends on a seed.
fn word_hash(word: &[u8]) -> u64 {
    let mut h = 0x243f_6a88_85a3_08d3 ^ word.len() as u64;
    let mut eights = word.chunks_exact(8);
    for eight in &mut eights {
        h = mix(h ^ u64::from_le_bytes(eight.try_into().unwrap_or_default()));
    }
    let tail = eights.remainder();
    if !tail.is_empty() {
        h = mix(h ^ tail.iter().rev().fold(0, |v, &b| (v << 8) | u64::from(b)));
    }
    h
}

/// A 64-bit hash of a run of words from their [`word_hash`]es: in order,
/// with the `tag` and how many words there are.
pub(super) fn run_hash(tag: u8, hashes: &[u64]) -> u64 {
    let seed = 0x1319_8a2e_0370_7344 ^ (u64::from(tag) << 56) ^ hashes.len() as u64;
    hashes.iter().fold(seed, |h, &w| mix(h ^ w))
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

    /// The oracle: `unicode_words`, lowered word by word.
    fn slow(text: &str) -> Vec<String> {
        unicode(text)
            .iter()
            .map(|w| {
                let mut out = Vec::new();
                lower_word(w, &mut out);
                String::from_utf8(out).unwrap_or_default()
            })
            .filter(|w| !w.is_empty())
            .collect()
    }

    /// The words `Words` keeps, checking each one's hash.
    fn fast(text: &str) -> Vec<String> {
        let mut words = Words::default();
        words.push_text(text);
        let strs = words.strs();
        let hashes: Vec<u64> = strs.iter().map(|w| word_hash(w.as_bytes())).collect();
        assert_eq!(words.hashes(), hashes, "{text:?}");
        strs.into_iter().map(str::to_owned).collect()
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

    /// Every short string of the bytes UAX #29 tells apart on ASCII.
    #[test]
    fn ascii_words_match_unicode_words_exhaustively() {
        const ALPHABET: &[u8] = b"aZ9_'.:,;` \r\n-";
        let mut text = Vec::new();
        for len in 0..=4u32 {
            for mut n in 0..ALPHABET.len().pow(len) {
                text.clear();
                for _ in 0..len {
                    text.push(ALPHABET[n % ALPHABET.len()]);
                    n /= ALPHABET.len();
                }
                let text = std::str::from_utf8(&text).unwrap_or_default();
                assert_eq!(fast(text), slow(text), "{text:?}");
            }
        }
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
