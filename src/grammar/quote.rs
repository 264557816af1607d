//! Quotations: a paragraph that opens with a quotation mark (`"` `“` `”` `'`
//! `‘` `’`, a backtick or a doubled apostrophe), its quoted words, the rest of
//! the sentence and the speaker; `…`/`...` continuations of an open quotation.

/// The two families of quotation marks. Marks of one family close each
/// other, whatever their curl: typography is mixed even inside one quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    /// `"` `“` `”` and the doubled apostrophe `''`.
    Double,
    /// `'` `‘` `’` and the backtick.
    Single,
}

/// The opening mark at the start of `text`: its family and byte length.
pub(crate) fn opening(text: &str) -> Option<(Family, usize)> {
    if text.starts_with("''") {
        return Some((Family::Double, 2));
    }
    let c = text.chars().next()?;
    match c {
        '"' | '“' | '”' | '„' => Some((Family::Double, c.len_utf8())),
        '\'' | '‘' | '’' | '`' => Some((Family::Single, c.len_utf8())),
        _ => None,
    }
}

/// A continuation opener: `…` or `...`.
pub(crate) fn continuation(text: &str) -> Option<usize> {
    if text.starts_with('…') {
        Some('…'.len_utf8())
    } else if text.starts_with("...") {
        Some(3)
    } else {
        None
    }
}

/// The byte length of a closing mark of `family` at the start of `s`, given
/// the char before it. A single mark between two letters is an apostrophe
/// (`don't`), not a close.
fn closing_at(s: &str, family: Family, before: Option<char>) -> Option<usize> {
    let c = s.chars().next()?;
    let after = s[c.len_utf8()..].chars().next();
    match family {
        Family::Double if s.starts_with("''") => Some(2),
        Family::Double if matches!(c, '"' | '”' | '“') => Some(c.len_utf8()),
        Family::Single if matches!(c, '\'' | '’') => {
            let apostrophe = before.is_some_and(char::is_alphanumeric)
                && after.is_some_and(char::is_alphanumeric);
            let opens_word = before.is_none_or(char::is_whitespace);
            (!apostrophe && !opens_word).then_some(c.len_utf8())
        }
        _ => None,
    }
}

/// Find the first close of `family` in `s`: (offset of the mark, its length).
/// Jumps between the bytes a mark can start with (`"`, `'`, and the lead
/// byte of the curly marks).
pub(crate) fn find_close(s: &str, family: Family) -> Option<(usize, usize)> {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(off) = memchr::memchr3(b'"', b'\'', 0xE2, &bytes[from..]) {
        let i = from + off;
        let before = s[..i].chars().next_back();
        if let Some(len) = closing_at(&s[i..], family, before) {
            return Some((i, len));
        }
        from = i + 1;
    }
    None
}

/// The parts of a quote paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct QuoteParts<'a> {
    /// The quoted words of the first quotation.
    pub quoted: &'a str,
    /// The rest of the paragraph after its close, if any.
    pub rest: Option<&'a str>,
    /// Whether a quotation is still open at the end.
    pub continues: bool,
}

/// Read a quote paragraph that opens with a mark (or, when `open` is set,
/// continues an open quotation with `…`).
pub(crate) fn parts(text: &str, open: Option<Family>) -> Option<QuoteParts<'_>> {
    let (family, start) = match (opening(text), open, continuation(text)) {
        (Some(found), _, _) => found,
        (None, Some(family), Some(len)) => (family, len),
        _ => return None,
    };
    let body = &text[start..];
    let Some((close, len)) = find_close(body, family) else {
        return Some(QuoteParts {
            quoted: body.trim(),
            rest: None,
            continues: true,
        });
    };
    let after = &body[close + len..];
    let rest = after.trim();
    Some(QuoteParts {
        quoted: body[..close].trim(),
        rest: (!rest.is_empty()).then_some(rest),
        continues: reopens_unclosed(after, family),
    })
}

/// Whether `s` reopens a quotation of `family` that it never closes.
///
/// Only the bytes a mark can start with are visited; the character before
/// one is decoded when it is reached.
fn reopens_unclosed(s: &str, family: Family) -> bool {
    let bytes = s.as_bytes();
    let mut open = false;
    // Right after an opening mark nothing stands before the next character.
    let mut after_opening = false;
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let before = if after_opening {
            None
        } else {
            s[..i].chars().next_back()
        };
        if open {
            if let Some(len) = closing_at(rest, family, before) {
                open = false;
                after_opening = false;
                i += len;
                continue;
            }
        } else if before.is_none_or(|c| c.is_whitespace() || c == '(') {
            if let Some((f, len)) = opening(rest) {
                if f == family {
                    open = true;
                    after_opening = true;
                    i += len;
                    continue;
                }
            }
        }
        after_opening = false;
        i += rest.chars().next().map_or(1, char::len_utf8);
        i += next_mark(bytes.get(i..).unwrap_or_default());
    }
    open
}

/// How far the next byte that may open or close a quotation stands (`"`,
/// `'`, a backtick, or E2, the first byte of `“` `”` `‘` `’`), or the
/// length if none does: searched for, the rare backtick only before the
/// others.
fn next_mark(b: &[u8]) -> usize {
    let mark = memchr::memchr3(b'"', b'\'', 0xE2, b).unwrap_or(b.len());
    let before = b.get(..mark).unwrap_or(b);
    memchr::memchr(b'`', before).unwrap_or(mark)
}

/// Whether a word is a speech verb, joining a quotation to its speaker.
fn is_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "added"
            | "adds"
            | "told"
            | "explained"
            | "continued"
            | "insisted"
            | "warned"
            | "admitted"
            | "asked"
            | "replied"
            | "wrote"
            | "tweeted"
            | "declared"
            | "stated"
    )
}

/// Pronouns that stand for the last named speaker.
pub(crate) const PRONOUNS: &[&str] = &["he", "she", "they", "He", "She", "They"];

/// The speaker named in the rest of a quote's sentence: `said Jo Bloggs, the
/// organiser.` → `Jo Bloggs`; `the council said.` → `the council`;
/// `he said.` → `he`. A role before a name is dropped (`said warden Jo
/// Bloggs` → `Jo Bloggs`).
pub(crate) fn speaker(rest: &str) -> Option<&str> {
    let stop = sentence_stop(rest.as_bytes());
    let sentence = rest[..stop].trim_start_matches([',', ' ']);
    let clause = sentence.split(',').next()?.trim();
    // The words of the clause with their offsets (read twice, not stored).
    let words = || spaced_words(clause);
    let verb = words().position(|(_, w)| is_verb(w))?;
    let (first, last) = if verb == 0 {
        // `said Jo Bloggs` / `said the council`: up to `in`, `on`, `after`…
        first_and_last(words().skip(1).take_while(|(_, w)| {
            !matches!(
                *w,
                "in" | "on" | "at" | "after" | "while" | "when" | "as" | "to"
            )
        }))?
    } else {
        first_and_last(words().take(verb))?
    };
    let phrase = &clause[first.0..last.0 + last.1.len()];
    Some(trailing_name(phrase))
}

/// Where the speaker's sentence stops: at the first sentence stop or
/// opening quotation mark (`“` is the only character holding the bytes
/// E2 80 9C), or at the end. The stops are searched for first, then the
/// marks before the first stop.
fn sentence_stop(b: &[u8]) -> usize {
    let stop = memchr::memchr3(b'.', b'!', b'?', b).unwrap_or(b.len());
    let head = b.get(..stop).unwrap_or(b);
    memchr::memchr2_iter(b'"', 0xE2, head)
        .find(|&i| {
            let at = b.get(i..).unwrap_or_default();
            at.starts_with(b"\"") || at.starts_with("“".as_bytes())
        })
        .unwrap_or(stop)
}

/// The words of `s` between spaces (as `split(' ')` gives them, empty ones
/// dropped), with their offsets: read byte by byte, as the words of a
/// clause are short.
fn spaced_words(s: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let b = s.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while b.get(at) == Some(&b' ') {
            at += 1;
        }
        let start = at;
        while b.get(at).is_some_and(|&c| c != b' ') {
            at += 1;
        }
        (at > start).then(|| (start, s.get(start..at).unwrap_or_default()))
    })
}

/// The first and last items of an iterator (the same one if it has one).
fn first_and_last<T: Copy>(mut items: impl Iterator<Item = T>) -> Option<(T, T)> {
    let first = items.next()?;
    Some((first, items.last().unwrap_or(first)))
}

/// The trailing run of capitalised words of a phrase (a name after a role),
/// or the whole phrase when it has none or is all capitalised.
fn trailing_name(phrase: &str) -> &str {
    let mut start = phrase.len();
    for (i, w) in phrase.rsplit(' ').scan(phrase.len(), |end, w| {
        let s = *end - w.len();
        *end = s.saturating_sub(1);
        Some((s, w))
    }) {
        if w.chars().next().is_some_and(char::is_uppercase) {
            start = i;
        } else {
            break;
        }
    }
    if start >= phrase.len() {
        phrase
    } else {
        &phrase[start..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaced_words_split_as_split_does() {
        for s in [
            "",
            " ",
            "said Jo  Bloggs ",
            "  a b",
            "Jo\u{a0}Bloggs said",
            "x",
        ] {
            let plain: Vec<(usize, &str)> = s
                .split(' ')
                .scan(0, |at, w| {
                    let start = *at;
                    *at += w.len() + 1;
                    Some((start, w))
                })
                .filter(|(_, w)| !w.is_empty())
                .collect();
            assert_eq!(spaced_words(s).collect::<Vec<_>>(), plain, "{s:?}");
        }
    }

    #[test]
    fn opening_marks_of_both_families() {
        assert_eq!(opening("\"We will"), Some((Family::Double, 1)));
        assert_eq!(opening("“It has"), Some((Family::Double, 3)));
        assert_eq!(opening("''It was"), Some((Family::Double, 2)));
        assert_eq!(opening("'I have"), Some((Family::Single, 1)));
        assert_eq!(opening("`We have"), Some((Family::Single, 1)));
        assert_eq!(opening("We have"), None);
    }

    #[test]
    fn quoted_words_rest_and_speaker() {
        let p = parts("\"We will reopen,\" the council said.", None).unwrap();
        assert_eq!(p.quoted, "We will reopen,");
        assert_eq!(p.rest, Some("the council said."));
        assert!(!p.continues);
        assert_eq!(speaker("the council said."), Some("the council"));
    }

    #[test]
    fn mixed_marks_close_each_other() {
        let p = parts(
            "‘The car park was full,' said warden Elin Maddocks. ‘We never knew it.’",
            None,
        )
        .unwrap();
        assert_eq!(p.quoted, "The car park was full,");
        assert!(!p.continues);
        assert_eq!(speaker(p.rest.unwrap()), Some("Elin Maddocks"));
        let p = parts("“We just want to swim outdoors again.\"", None).unwrap();
        assert_eq!(
            (p.quoted, p.rest),
            ("We just want to swim outdoors again.", None)
        );
    }

    #[test]
    fn apostrophes_do_not_close_single_quotes() {
        let p = parts(
            "`I don't think we have ever done that,' said club captain Ellie Vance.",
            None,
        )
        .unwrap();
        assert_eq!(p.quoted, "I don't think we have ever done that,");
        assert_eq!(speaker(p.rest.unwrap()), Some("Ellie Vance"));
    }

    #[test]
    fn doubled_apostrophes_and_continuing_quotes() {
        let p = parts(
            "''It was a long night,'' she told supporters. ''We kept it local.",
            None,
        )
        .unwrap();
        assert_eq!(p.quoted, "It was a long night,");
        assert!(p.continues);
        assert_eq!(speaker(p.rest.unwrap()), Some("she"));
        let p = parts("“We want the whole town out on the streets.", None).unwrap();
        assert!(p.continues && p.rest.is_none());
    }

    #[test]
    fn ellipsis_continues_an_open_quote() {
        let p = parts("…It will take months to put right.”", Some(Family::Double)).unwrap();
        assert_eq!(p.quoted, "It will take months to put right.");
        assert!(!p.continues);
        assert_eq!(parts("...Now the hard work starts.''", None), None);
    }

    #[test]
    fn speakers_after_and_before_the_verb() {
        assert_eq!(
            speaker("National Security Council spokesman Mark Stroh said."),
            Some("Mark Stroh")
        );
        assert_eq!(
            speaker("said Ros Kimball, chair of the Friends of Ashbury Lido."),
            Some("Ros Kimball")
        );
        assert_eq!(
            speaker("Holmco said in a statement after the talks."),
            Some("Holmco")
        );
        assert_eq!(
            speaker("Mr Lantry said while taking questions."),
            Some("Mr Lantry")
        );
        assert_eq!(speaker("he said."), Some("he"));
        assert_eq!(speaker("and more besides."), None);
    }

    /// The reading the jumping `reopens_unclosed` must equal: every
    /// character visited.
    fn reopens_unclosed_char_by_char(s: &str, family: Family) -> bool {
        let mut open = false;
        let mut before: Option<char> = None;
        let mut i = 0;
        while i < s.len() {
            let rest = &s[i..];
            if open {
                if let Some(len) = closing_at(rest, family, before) {
                    open = false;
                    before = rest[..len].chars().last();
                    i += len;
                    continue;
                }
            } else if before.is_none_or(|c| c.is_whitespace() || c == '(') {
                if let Some((f, len)) = opening(rest) {
                    if f == family {
                        open = true;
                        i += len;
                        before = None;
                        continue;
                    }
                }
            }
            let Some(c) = rest.chars().next() else { break };
            before = Some(c);
            i += c.len_utf8();
        }
        open
    }

    proptest::proptest! {
        /// The next mark found by searching is the first read byte by byte.
        #[test]
        fn marks_are_found_as_byte_by_byte(s in "[a .`'\"“”’‘…]{0,30}") {
            let b = s.as_bytes();
            let plain = b
                .iter()
                .position(|&b| matches!(b, b'"' | b'\'' | b'`' | 0xE2))
                .unwrap_or(b.len());
            proptest::prop_assert_eq!(next_mark(b), plain);
        }

        /// The sentence stop found by searching is the first stop or
        /// opening mark read byte by byte.
        #[test]
        fn sentence_stops_are_found_as_byte_by_byte(s in "[a .!?\"“”’‘]{0,30}") {
            let b = s.as_bytes();
            let plain = b
                .iter()
                .enumerate()
                .position(|(i, &c)| {
                    matches!(c, b'.' | b'!' | b'?' | b'"')
                        || c == 0xE2 && b[i..].starts_with("“".as_bytes())
                })
                .unwrap_or(b.len());
            proptest::prop_assert_eq!(sentence_stop(b), plain);
        }

        #[test]
        fn reopening_is_read_at_marks_as_at_every_character(
            s in "[a ('\"`“”‘’„–.]{0,40}",
        ) {
            for family in [Family::Double, Family::Single] {
                proptest::prop_assert_eq!(
                    reopens_unclosed(&s, family),
                    reopens_unclosed_char_by_char(&s, family)
                );
            }
        }
    }
}
