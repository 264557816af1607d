//! Headline shape: what a line must look like to be able to start an update,
//! and the label split off its front (`WATCH: …`, `Special Report: …`).
//! Whether a line that can be a headline is one is decided in context by
//! [`crate::classify`].

use super::quote;
use super::words;

/// Labels a headline may carry before a colon (compared in lower case).
const LABELS: &[&str] = &[
    "watch",
    "video",
    "listen",
    "pictures",
    "in pictures",
    "photos",
    "breaking",
    "live",
    "update",
    "analysis",
    "exclusive",
    "special report",
    "reports",
    "explainer",
    "opinion",
    "interview",
    "poll",
    "latest",
    "revealed",
    "timeline",
];

/// The longest headline, in words.
pub(crate) const MAX_WORDS: usize = 18;

/// Split a label off a headline: `WATCH: Red kites nest` → (`WATCH`, `Red
/// kites nest`).
pub(crate) fn label(text: &str) -> Option<(&str, &str)> {
    let colon = memchr::memchr(b':', text.as_bytes())?;
    let (label, title) = (text[..colon].trim(), text[colon + 1..].trim_start());
    let known = LABELS.iter().any(|l| label.eq_ignore_ascii_case(l));
    (known && !title.is_empty()).then_some((label, title))
}

/// How a line that could start an update ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ending {
    /// No sentence stop (most headlines), or `?`, `!`, `…`.
    Open,
    /// A full stop: rare in headlines, allowed only where context insists.
    FullStop,
}

/// A line with the shape of a headline: how it ends, and how many words it
/// has (runs of non-space characters, at most [`MAX_WORDS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Fit {
    pub ending: Ending,
    pub words: usize,
}

/// Whether a line has the shape of a headline: short, one sentence, opening
/// with a capital, digit, currency sign or quotation mark, not ending like
/// an introduction (`:` `;` `,`), and not in the first person outside quotes.
/// A line opening with a quotation mark must close it on the line (a wholly
/// or partly quoted headline), and not with a full stop inside the marks.
///
/// `t` is trimmed, and `n` its words as [`words::count_up_to`] counts them
/// (up to [`MAX_WORDS`] at least): the caller counts once for this test and
/// the report pointer's. `hash` says whether `t` holds a `#` (the caller
/// knows from a search across the page).
// Inlined into its one caller, the classifier's row cache: left to the
// compiler, that depends on how the crate falls into codegen units, and
// costs 0.1 M instructions on the 1 MB page when it is not.
#[inline]
pub(crate) fn shape_counted(t: &str, n: usize, hash: bool) -> Option<Fit> {
    if n == 0 || n > MAX_WORDS {
        return None;
    }
    let first = t.chars().next()?;
    if t.ends_with([':', ';', ',', '-', '–', '—']) {
        return None;
    }
    let capital = first.is_uppercase() || first.is_ascii_digit() || "£$€".contains(first);
    if !capital && quote::opening(t).is_none() {
        return None;
    }
    if hash || is_avatar(t) || is_schedule(t) {
        return None;
    }
    if let Some((family, len)) = quote::opening(t) {
        let (close, clen) = quote::find_close(&t[len..], family)?;
        let inside = t[len..len + close].trim_end();
        let after = t[len + close + clen..].trim();
        if after.is_empty() && inside.ends_with(['.', ',']) && !inside.ends_with("...") {
            return None;
        }
        if after.ends_with('.') && !after.ends_with("...") {
            return None;
        }
        return Some(Fit {
            ending: Ending::Open,
            words: n,
        });
    }
    if !capital {
        return None;
    }
    if has_inner_full_stop(t)
        || (n > 12 && has_clause(t))
        || words::speaks_personally(unquoted_prefix(t))
    {
        return None;
    }
    // A sentence may end inside its closing quotation mark: `… "we will win."`
    let end = t.trim_end_matches(['"', '”', '’', '\'', ')']);
    let ending = if end.ends_with('.') && !end.ends_with("...") {
        Ending::FullStop
    } else {
        Ending::Open
    };
    Some(Fit { ending, words: n })
}

/// A full stop ending a sentence inside the line (`. ` before a capital or
/// a digit, see [`ends_sentence_at`]). Only a full stop with two bytes
/// after it can be one: the line's last (most lines' only one) is not
/// searched for.
fn has_inner_full_stop(t: &str) -> bool {
    followed_by_space_within(t, t.len().saturating_sub(2), b'.').any(|i| ends_sentence_at(t, i))
}

/// Whether the `. ` at byte `i` of `t` ends a sentence: a capital or a
/// digit follows, and the word before is not an abbreviation (see
/// [`is_abbreviation`]).
fn ends_sentence_at(t: &str, i: usize) -> bool {
    let before = t[..i].rsplit(' ').next().unwrap_or("");
    !is_abbreviation(before)
        && t[i + 2..].starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether a word standing before a full stop is an abbreviation, whose
/// stop ends no sentence: a word of one or two bytes (`St. Mary`,
/// `Dr. Lee`, `J. Smith`), letters with stops between them (`U.S. Army`,
/// `10 a.m. Monday`), the dots of an ellipsis (`Wait... Then`), or a title
/// or a month cut short (`Sen. Warren`, `Jan. 6`). A name or a number with
/// a dot inside (`example.org. The`, `1.5. Then`) is no abbreviation.
fn is_abbreviation(word: &str) -> bool {
    let initial =
        |part: &str| (1..=2).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphabetic());
    let initials = || word.contains('.') && word.split('.').all(initial);
    word.len() <= 2
        || word.ends_with('.')
        || initials()
        || ABBREVIATIONS.iter().any(|a| word.eq_ignore_ascii_case(a))
}

/// Abbreviations of three bytes or more that news text writes with a full
/// stop before a name or a number: titles and ranks (`Sen. Warren`), and
/// months (`Jan. 6`). Those that often end a sentence too (`Inc.`, `Ave.`)
/// are left out: a stop after them is read as a sentence's end.
const ABBREVIATIONS: &[&str] = &[
    "Sen", "Gov", "Rep", "Pres", "Gen", "Col", "Maj", "Capt", "Cpl", "Sgt", "Adm", "Cmdr", "Supt",
    "Insp", "Det", "Prof", "Rev", "Hon", "Atty", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec",
];

/// A comma followed by a lower-case word: a sentence with clauses, which a
/// long headline does not have.
fn has_clause(t: &str) -> bool {
    followed_by_space(t, b',').any(|i| t[i + 2..].starts_with(char::is_lowercase))
}

/// Where the ASCII `mark` stands followed by a space.
fn followed_by_space(t: &str, mark: u8) -> impl Iterator<Item = usize> + '_ {
    followed_by_space_within(t, t.len(), mark)
}

/// [`followed_by_space`], for a `mark` standing in the first `len` bytes.
fn followed_by_space_within(t: &str, len: usize, mark: u8) -> impl Iterator<Item = usize> + '_ {
    let bytes = t.as_bytes();
    memchr::memchr_iter(mark, bytes.get(..len).unwrap_or(bytes))
        .filter(|&i| bytes.get(i + 1) == Some(&b' '))
}

/// The part of a line before its first quotation (whose words are someone
/// else's).
fn unquoted_prefix(t: &str) -> &str {
    let b = t.as_bytes();
    // `"`, a backtick, or `'` opening a word…
    let plain = memchr::memchr3_iter(b'"', b'`', b'\'', b)
        .find(|&i| b[i] != b'\'' || i == 0 || b[i - 1] == b' ')
        .unwrap_or(b.len());
    // …or, before it, `“` or `‘` (E2 80 9C, E2 80 98).
    let curly = memchr::memchr_iter(0xE2, &b[..plain])
        .find(|&i| b[i + 1..].starts_with(&[0x80, 0x9C]) || b[i + 1..].starts_with(&[0x80, 0x98]))
        .unwrap_or(plain);
    &t[..curly]
}

/// An avatar file name left by a stripped social post (`a8Xk2_normal`).
pub(crate) fn is_avatar(t: &str) -> bool {
    // One word: a file name has no space (in a line of words, one comes
    // within a few bytes: read byte by byte, not with `memchr`).
    if t.bytes().any(|b| b == b' ') {
        return false;
    }
    words::has_byte(t, b'_') && t.bytes().any(|b| b.is_ascii_digit())
        || ["_normal", "_bigger", "_mini", ".jpg", ".jpeg", ".png"]
            .iter()
            .any(|s| t.ends_with(s))
}

/// A schedule line: a time, then a dash or colon (`10am – gates open`).
pub(crate) fn is_schedule(t: &str) -> bool {
    let digits = t
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.' || *b == b':')
        .count();
    if digits == 0 || digits > 5 {
        return false;
    }
    let rest = t[digits..].trim_start();
    let rest = rest
        .strip_prefix("am")
        .or_else(|| rest.strip_prefix("pm"))
        .or_else(|| rest.strip_prefix("GMT"))
        .or_else(|| (digits >= 4).then_some(rest))
        .unwrap_or(rest);
    let rest = rest.trim_start();
    rest.starts_with(['–', '—', '-', ':'])
        && (digits >= 4 || t[digits..].trim_start().starts_with(['a', 'p']))
}

/// A date heading: `Saturday 14 June`, `14 June`, `June 14`, `Monday`.
pub(crate) fn is_date(t: &str) -> bool {
    is_date_counted(t, words::count_up_to(t, 4))
}

/// [`is_date`] of a line whose words are counted already (as
/// [`words::count_up_to`] counts them, up to four at least: a headline's
/// [`Fit::words`] will do).
pub(crate) fn is_date_counted(t: &str, n: usize) -> bool {
    const DAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    const MONTHS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let is = |list: &[&str], w: &str| list.iter().any(|d| d.eq_ignore_ascii_case(w));
    let number = |w: &str| {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        !digits.is_empty() && digits.len() <= 4 && digits.bytes().all(|b| b.is_ascii_digit())
    };
    // A date has at most four words (`Saturday 14 June 2025`).
    if n > 4 {
        return false;
    }
    let mut words = t
        .trim_end_matches([':', '.'])
        .split_whitespace()
        .map(|w| w.trim_end_matches(','));
    let mut first = words.next();
    let day = first.is_some_and(|w| is(DAYS, w));
    if day {
        first = words.next();
    }
    let Some(a) = first else { return day };
    let Some(b) = words.next() else { return false };
    let third_ok = words.next().is_none_or(number);
    let date = (number(a) && is(MONTHS, b)) || (is(MONTHS, a) && number(b));
    date && third_ok && words.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(text: &str) -> Option<Fit> {
        shape_counted(
            text,
            words::count_up_to(text, MAX_WORDS),
            text.contains('#'),
        )
    }

    fn ending(text: &str) -> Option<Ending> {
        shape(text).map(|f| f.ending)
    }

    #[test]
    fn a_headline_shape_keeps_its_word_count_for_weighing() {
        assert_eq!(
            shape("Snow on the way for the Ashbury hills?"),
            Some(Fit {
                ending: Ending::Open,
                words: 8
            })
        );
        let eighteen = "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen Eighteen";
        assert_eq!(shape(eighteen).map(|f| f.words), Some(18));
        assert_eq!(shape(&format!("{eighteen} nineteen")), None);
    }

    #[test]
    fn labels_split_off() {
        assert_eq!(
            label("WATCH: Red kites nest"),
            Some(("WATCH", "Red kites nest"))
        );
        assert_eq!(
            label("Special Report: The last ferryman"),
            Some(("Special Report", "The last ferryman"))
        );
        assert_eq!(
            label("Reports: Manager set to leave"),
            Some(("Reports", "Manager set to leave"))
        );
        assert_eq!(label("Council: 'No more cuts'"), None);
        assert_eq!(label("US: 'Help us by admitting it'"), None);
    }

    #[test]
    fn headline_shapes() {
        assert_eq!(
            ending("Snow on the way for the Ashbury hills?"),
            Some(Ending::Open)
        );
        assert_eq!(
            ending("Red card! Halberry down to ten men"),
            Some(Ending::Open)
        );
        assert_eq!(ending("And the best kept garden is..."), Some(Ending::Open));
        assert_eq!(
            ending("Turnout down to 31 per cent."),
            Some(Ending::FullStop)
        );
        assert_eq!(
            ending("'I thought the roof was coming in'"),
            Some(Ending::Open)
        );
        assert_eq!(
            ending("\"We ran a positive campaign\" - Shona Ferrier"),
            Some(Ending::Open)
        );
        assert_eq!(
            ending("'Ghost ship' seen off Marrow Bay was a film set"),
            Some(Ending::Open)
        );
        assert_eq!(ending("£2m for the harbour wall"), Some(Ending::Open));
        assert_eq!(
            ending("Council: 'No more cuts to bus routes'"),
            Some(Ending::Open)
        );
        assert_eq!(
            ending("The mayor said it was \"a disaster.\""),
            Some(Ending::FullStop)
        );
    }

    #[test]
    fn not_headline_shapes() {
        assert_eq!(ending("A spokesperson for the trust said:"), None);
        assert_eq!(ending("by Gwen Trevaskis"), None);
        assert_eq!(ending("“We just want to swim outdoors again.\""), None);
        assert_eq!(ending("\"We will keep the opening hours under rev"), None);
        assert_eq!(
            ending("I would especially like to speak to anyone with dashcam foot"),
            None
        );
        assert_eq!(ending("Never seen colours like it tonight #aurora"), None);
        assert_eq!(ending("q7Rt2mW9xk_normal"), None);
        assert_eq!(ending("10am – gates open"), None);
        assert_eq!(
            ending("Has it been snowing? We would love to see. Send them in."),
            None
        );
        assert_eq!(ending("It was late. Then the lights went out"), None);
    }

    #[test]
    fn dates() {
        assert!(is_date("Saturday 14 June"));
        assert!(is_date("3 August"));
        assert!(is_date("June 14"));
        assert!(!is_date("Saturday market moves indoors"));
        assert!(!is_date("May Day"));
        // The count a headline-shaped row already has answers the same.
        for (t, date) in [
            ("Saturday 14 June 2025", true),
            ("Saturday 14 June 2025 again", false),
            ("June", false),
        ] {
            let counted = is_date_counted(t, words::count_up_to(t, MAX_WORDS));
            assert_eq!((counted, is_date(t)), (date, date), "{t}");
        }
    }

    #[test]
    fn inner_full_stops_come_before_a_capital_or_digit_and_not_after_abbreviations() {
        for (t, inner) in [
            ("Rain falls. Roads close", true),
            ("Turnout fell. 31 per cent voted", true),
            ("Rain falls. Émile stays in", true),
            ("It’s over. Fans head home", true),
            ("Fans sang ‘Jerusalem’. Then they left", true),
            ("Rain falls. A", true),
            ("St. Mary's church reopens", false),
            ("Dr. Lee returns to the ward", false),
            ("J. Smith wins the seat", false),
            ("No. 10 denies the report", false),
            ("U.S. Army leaves the base", false),
            ("Talks end at 10 a.m. Monday", false),
            ("Sen. Warren backs the bill", false),
            ("Gov. Hale signs the order", false),
            ("Jan. 6 panel meets again", false),
            ("Rain fell in Senegal. Roads close", true),
            ("Give at example.org. The appeal is open", true),
            ("Inflation rose to 1.5. Then it fell", true),
            ("The U.K. Government responds", false),
            ("Rain falls. roads close", false),
            ("Rain falls. état d'urgence", false),
            ("Turnout down to 31 per cent.", false),
            ("Wait... Then the lights went out", false),
            ("Snow on the way", false),
        ] {
            assert_eq!(has_inner_full_stop(t), inner, "{t}");
        }
        // A short word that ends a sentence still reads as an
        // abbreviation: a rule of two bytes cannot tell `it` from `St`.
        assert!(!has_inner_full_stop("He did it. Then he left"));
    }

    proptest::proptest! {
        /// Leaving the last two bytes out of the search for `. ` finds the
        /// same inner full stops as searching the whole line.
        #[test]
        fn inner_full_stops_are_found_as_in_the_whole_line(t in "[a-zA-Z. 1é’]{0,24}") {
            let whole = t.match_indices(". ").any(|(i, _)| ends_sentence_at(&t, i));
            proptest::prop_assert_eq!(has_inner_full_stop(&t), whole);
        }
    }
}
