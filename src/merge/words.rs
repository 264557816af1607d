//! Normalised words: what identity compares.
//!
//! Text is split at Unicode word boundaries (UAX #29). ASCII text, nearly
//! all of it, is split by a byte loop that finds exactly the words
//! `unicode_words` finds ([`split_ascii`]); any other text goes through
//! `unicode_words`. The words go to a [`Sink`]: [`Strings`] keeps them,
//! [`Hashes`] keeps only each word's hash.

use crate::grammar::words::{chunk_at, lower_ascii, HIGH, ONES};
use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;

/// Where [`split`] writes the words of a text.
pub(super) trait Sink {
    /// One more byte of the word being written.
    fn push(&mut self, byte: u8);
    /// `n` (1 to 8) more bytes of the word being written: the low `n`
    /// bytes of `eight` (little-endian), ASCII, lower-cased here; the
    /// bytes above them are anything.
    fn push_lower(&mut self, eight: u64, n: usize) {
        for b in eight.to_le_bytes().iter().take(n) {
            self.push(b.to_ascii_lowercase());
        }
    }
    /// The word being written ends: `keep` it, or drop it (it had nothing
    /// but `_`).
    fn end(&mut self, keep: bool);
    /// A whole word of `n` (1 to 8) bytes, when none is being written: as
    /// [`push_lower`](Sink::push_lower) then [`end`](Sink::end).
    fn word(&mut self, eight: u64, n: usize, keep: bool) {
        self.push_lower(eight, n);
        self.end(keep);
    }
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
    #[cfg(test)]
    pub(super) fn with_capacity(bytes: usize) -> Self {
        Hashes::in_buffer(Vec::new(), bytes)
    }

    /// Room for the words of texts of `bytes` bytes in all (a guess of
    /// one word in six bytes: more words only grow the buffer), in
    /// `buffer` (emptied first): its room is reused.
    pub(super) fn in_buffer(mut buffer: Vec<u64>, bytes: usize) -> Self {
        buffer.clear();
        buffer.reserve(bytes / 6);
        Hashes {
            hash: WordHash::new(),
            words: buffer,
        }
    }
}

impl Sink for Hashes {
    fn push(&mut self, byte: u8) {
        self.hash.push(byte);
    }

    fn push_lower(&mut self, eight: u64, n: usize) {
        self.hash.push_lower(eight, n);
    }

    fn end(&mut self, keep: bool) {
        let hash = self.hash.finish();
        if keep {
            self.words.push(hash);
        }
    }

    /// The word's hash from a fresh [`WordHash`] (the one kept is fresh:
    /// no word is being written), with no state kept between.
    fn word(&mut self, eight: u64, n: usize, keep: bool) {
        if keep {
            let mut hash = WordHash::new();
            hash.push_lower(eight, n);
            self.words.push(hash.finish());
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
///
/// The text is read 64 bytes at a time, as a bit per byte ([`Block`]):
/// the runs of letters, digits and `_` are the runs of set bits, found
/// with a few bit operations each instead of a test per byte, and each
/// run goes to the sink eight bytes at a time, read from the text again.
/// Only the byte after a run is looked at on its own: a mark that joins
/// two letters or digits (rare) carries the word on to the next run.
/// `split_ascii_plain`, the byte-by-byte version, is kept in the tests,
/// which check that the two agree.
fn split_ascii(text: &[u8], sink: &mut impl Sink) {
    let mut keep = false;
    // Whether no word is being written: the next run starts one.
    let mut fresh = true;
    // Whether the last run reached the end of its block: whether it goes
    // on is known from the next block.
    let mut open = false;
    let mut base = 0;
    while base < text.len() {
        let block = Block::at(text, base);
        let mut rest = block.word;
        if open && rest & 1 == 0 {
            fresh = end_run(text, base, &mut keep, sink);
        }
        open = false;
        while rest != 0 {
            let start = rest.trailing_zeros();
            // Set bits from `start` up, then a clear one (or the end).
            let len = (!(rest >> start)).trailing_zeros();
            let end = start + len;
            let run = u64::MAX.checked_shl(end).map_or(u64::MAX, |above| !above) & rest;
            rest &= !run;
            let from = base + start as usize;
            let to = from + len as usize;
            // Most words are one run of up to eight bytes: written whole.
            if fresh && len <= 8 && end < 64 && joining(text, to).is_none() {
                sink.word(chunk_at(text, from), len as usize, block.alnum & run != 0);
                continue;
            }
            keep |= block.alnum & run != 0;
            push_run(text, from, to, sink);
            fresh = false;
            open = end == 64;
            if !open {
                fresh = end_run(text, to, &mut keep, sink);
            }
        }
        base += 64;
    }
    if open {
        end_run(text, text.len(), &mut keep, sink);
    }
}

/// The mark at `at`, if it joins the bytes either side of it (see
/// [`joins_at`]).
fn joining(text: &[u8], at: usize) -> Option<u8> {
    let mid = *text.get(at)?;
    (class(mid) & JOINS_ANY != 0 && joins_at(text, at)).then_some(mid)
}

/// The run of letters, digits and `_` before `at` has ended: the byte at
/// `at` either joins it to the next run (a mark between two letters or
/// two digits, written unless it is a quote mark) or ends the word.
/// Gives whether the word ended.
fn end_run(text: &[u8], at: usize, keep: &mut bool, sink: &mut impl Sink) -> bool {
    match joining(text, at) {
        Some(mid) => {
            if mid != b'\'' && mid != b'`' {
                sink.push(mid);
            }
            false
        }
        None => {
            sink.end(*keep);
            *keep = false;
            true
        }
    }
}

/// Push `text[from..to]` (ASCII) to the sink, eight bytes at a time.
fn push_run(text: &[u8], mut from: usize, to: usize, sink: &mut impl Sink) {
    while from < to {
        let n = (to - from).min(8);
        sink.push_lower(chunk_at(text, from), n);
        from += n;
    }
}

/// Multiplying by this gathers bit 0 of each byte of a number that has no
/// other bits into its top byte: bit `8i` moves to bit `56 + i`, and no
/// two of the products' bits meet, so nothing carries.
const GATHER: u64 = 0x0102_0408_1020_4080;

/// The high bits of the bytes of `flags` (nothing else set), as eight bits.
fn gather(flags: u64) -> u64 {
    (flags >> 7).wrapping_mul(GATHER) >> 56
}

/// Up to 64 bytes of ASCII text, a bit per byte (bit `i` for byte `i`;
/// none past the end of the text).
struct Block {
    /// The letters, digits and `_`: [`JOINS`].
    word: u64,
    /// The letters and digits.
    alnum: u64,
}

impl Block {
    /// The 64 bytes of `text` from `at`, read as eights ([`Eight`]).
    fn at(text: &[u8], at: usize) -> Block {
        let mut block = Block { word: 0, alnum: 0 };
        let mut i = 0;
        while i < 64 && at + i < text.len() {
            let eight = Eight::of(chunk_at(text, at + i));
            block.word |= gather(eight.word) << i;
            block.alnum |= gather(eight.alnum) << i;
            i += 8;
        }
        block
    }
}

/// What eight bytes of ASCII text are, a flag (the high bit) in each byte.
struct Eight {
    /// The letters, digits and `_`: [`JOINS`].
    word: u64,
    /// The letters and digits.
    alnum: u64,
}

impl Eight {
    /// The flags of `bytes` (little-endian). Every byte is ASCII, below
    /// 0x80, so adding below 0x80 to a byte never carries into the next:
    /// each byte is classified on its own.
    fn of(bytes: u64) -> Eight {
        // A byte in `lo..=hi`: it reaches 0x80 when `0x80 - lo` is added,
        // and not when `0x7f - hi` is.
        let within = |x: u64, lo: u8, hi: u8| {
            let from = x.wrapping_add(ONES * u64::from(0x80 - lo));
            let past = x.wrapping_add(ONES * u64::from(0x7f - hi));
            from & !past & HIGH
        };
        // `| 0x20` makes capitals small and nothing else a small letter.
        let letters = within(bytes | (ONES * 0x20), b'a', b'z');
        let digits = within(bytes, b'0', b'9');
        let underscores = within(bytes, b'_', b'_');
        let alnum = letters | digits;
        Eight {
            word: alnum | underscores,
            alnum,
        }
    }
}

/// The low `n` bytes of a `u64` set (`n` up to 8).
fn low_bytes(n: usize) -> u64 {
    u64::MAX.checked_shr(64 - 8 * n as u32).unwrap_or(0)
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
/// The marks that may join two letters or two digits.
const JOINS_ANY: u8 = JOINS_LETTERS | JOINS_DIGITS;

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

    /// Push `n` (1 to 8) ASCII bytes lower-cased: the low `n` bytes of
    /// `eight`. Whole when the word's length is a multiple of eight (nearly
    /// always: most words are one run, pushed from length 0), else spread
    /// over the eight being filled and the next.
    fn push_lower(&mut self, eight: u64, n: usize) {
        let bytes = lower_ascii(eight) & low_bytes(n);
        let fill = (self.len % 8) as u32;
        // `fill` is below 8: the shifts are too.
        self.eight |= bytes << (8 * fill);
        if fill as usize + n >= 8 {
            self.hash = mix(self.hash ^ self.eight);
            self.eight = bytes.checked_shr(8 * (8 - fill)).unwrap_or(0);
        }
        self.len += n as u64;
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
    use crate::grammar::words::pack;

    /// Whether `b` is a letter, a digit or `_`.
    fn joins(b: &u8) -> bool {
        class(*b) & JOINS != 0
    }

    /// [`split_ascii`] byte by byte, as its doc reads.
    fn split_ascii_plain(text: &[u8], sink: &mut impl Sink) {
        let mut at = 0;
        while let Some(skip) = text.get(at..).and_then(|rest| rest.iter().position(joins)) {
            at += skip;
            let mut keep = false;
            loop {
                // A run of letters, digits and `_` (one at least)...
                let rest = text.get(at..).unwrap_or_default();
                let len = rest.iter().position(|b| !joins(b)).unwrap_or(rest.len());
                let run = rest.get(..len).unwrap_or_default();
                run.iter().for_each(|b| sink.push(b.to_ascii_lowercase()));
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

    /// The words and hashes of [`split_ascii`] and [`split_ascii_plain`]
    /// agree.
    fn split_agrees(text: &[u8]) {
        let (mut fast, mut plain) = (Strings::default(), Strings::default());
        split_ascii(text, &mut fast);
        split_ascii_plain(text, &mut plain);
        assert_eq!(fast.words, plain.words, "{text:?}");
        let (mut fast, mut plain) = (Hashes::with_capacity(0), Hashes::with_capacity(0));
        split_ascii(text, &mut fast);
        split_ascii_plain(text, &mut plain);
        assert_eq!(fast.words, plain.words, "{text:?}");
    }

    #[test]
    fn eights_classify_every_ascii_byte() {
        for b in 0..0x80u8 {
            for place in 0..8 {
                let mut text = [b' '; 8];
                text[place] = b;
                let eight = Eight::of(u64::from_le_bytes(text));
                let flag = |mask: u64| mask >> (8 * place + 7) & 1 == 1;
                assert_eq!(flag(eight.word), joins(&b), "{b}");
                assert_eq!(flag(eight.alnum), b.is_ascii_alphanumeric(), "{b}");
                assert_eq!(eight.word & !(0x80 << (8 * place)), 0, "{b}");
                assert_eq!(gather(eight.word), u64::from(joins(&b)) << place, "{b}");
            }
        }
        for flags in 0..=255u64 {
            let spread = (0..8).fold(0, |x, i| x | (flags >> i & 1) << (8 * i + 7));
            assert_eq!(gather(spread), flags);
        }
        // Past the end: no word bytes, and zeros.
        assert_eq!(Block::at(b"ab", 0).word, 0b11);
        assert_eq!(Block::at(b"ab", 2).word, 0);
        let text = b"0123456789abcdef";
        for at in 0..=text.len() {
            for len in at..=text.len() {
                assert_eq!(
                    chunk_at(&text[..len], at),
                    pack(&text[at..len]),
                    "{at} {len}"
                );
            }
        }
    }

    #[test]
    fn split_ascii_agrees_with_plain_on_long_runs() {
        for text in [
            "a_very_long_identifier_of_many_bytes x",
            "don't.e.g. 1,000,000.5;7 ____ a__b__c__d__e__f__g__h",
            "abcdefgh'ijklmnop'qrstuvwx:yz",
            "12345678.12345678,1234 X",
            "________ ________a",
            "   \t\r\n   -- !! abcdefghabcdefgh",
            "a word that runs over the end of a block of sixty-four bytes: xxxxxyyyyyzzzzz and on",
            "sixty-three bytes of text, then a word that starts on the 64th: end.of.it",
            "sixty-four bytes of text and then a mark between two letters: a'b'c'd",
        ] {
            split_agrees(text.as_bytes());
        }
        // Words and marks at every place around the end of a block.
        for pad in 0..80 {
            for tail in [
                "abc'def gh",
                "__ 1,000.5;",
                "a.b",
                "x",
                "_",
                "' .",
                "long_word_x",
            ] {
                for fill in ["y ", "yy", "  "] {
                    let mut text = fill.repeat(pad / 2);
                    text.push_str(&fill[..pad % 2]);
                    text.push_str(tail);
                    split_agrees(text.as_bytes());
                    text.push_str(" z");
                    split_agrees(text.as_bytes());
                }
            }
        }
        split_agrees("w".repeat(200).as_bytes());
    }

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

    /// Push `run` to `hash` eight bytes at a time, the last up to eight.
    fn push_pieces(hash: &mut WordHash, run: &[u8]) {
        for piece in run.chunks(8) {
            hash.push_lower(pack(piece), piece.len());
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
                push_pieces(&mut hash, &word[..cut]);
                push_pieces(&mut hash, &word[cut..len]);
                assert_eq!(hash.finish(), word_hash(&lower[..len]), "{len} {cut}");
                let mut hash = WordHash::new();
                lower[..cut].iter().for_each(|&b| hash.push(b));
                push_pieces(&mut hash, &word[cut..len]);
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

        /// The eight-at-a-time split finds the words the byte-by-byte one
        /// finds, in long runs too.
        #[test]
        fn split_ascii_agrees_with_plain(text in "([aZ09_'.:,; -]{0,12}|[a-z]{8,20}){0,16}") {
            split_agrees(text.as_bytes());
        }

        /// Text beyond ASCII, whose quote marks may fold to ASCII.
        #[test]
        fn any_text_normalises_alike(text in "[aZ09_'.:, \t\u{2019}\u{201c}\u{b4}\u{b7}\u{e9}\u{130}\u{301}]{0,24}") {
            proptest::prop_assert_eq!(fast(&text), slow(&text));
        }
    }
}
