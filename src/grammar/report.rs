//! Report pointers: a line whose only job is to point at a video or embed the
//! rendering dropped (`Kim Park reports:`, `Here is a report by Kim Park:`,
//! `Kim Park spoke to Jo Bloggs.`, `Watch the debate here.`, `Follow us on
//! Twitter:`, `Email -`). A news paragraph that merely ends with such a
//! phrase (`…, as Kim Park reports.`) is not one.

/// What a reporter line ends with, after its name.
const ENDINGS: &[&str] = &[
    " reports",
    " has the story",
    " has more",
    " has been finding out more",
    " has been finding out",
    " has this report",
    " sent this report",
    " has the latest",
];

/// What a pointer line starts with (lower case).
const OPENINGS: &[&str] = &[
    "here is a report",
    "here's a report",
    "here is the report",
    "video report",
    "watch our report",
    "watch the report",
    "click below",
    "click here to watch",
    "this video",
    "follow us on",
    "watch the ",
    "watch it ",
    "watch here",
    "watch more",
];

/// Job titles between an outlet and a reporter's name.
const TITLES: &[&str] = &[
    "Correspondent",
    "Editor",
    "Reporter",
    "Presenter",
    "Producer",
    "Journalist",
    "Reporters",
];

/// A report pointer; gives the reporter's name where the line names one.
pub(crate) fn report(line: &str) -> Option<Option<&str>> {
    let t = super::trim(line);
    pointer(t, || super::words::count_up_to(t, MAX_WORDS))
}

/// The most words a report pointer has.
const MAX_WORDS: usize = 16;

/// [`report`] of a trimmed line whose words are counted already (as
/// [`super::words::count_up_to`] counts them, up to 16 at least): a line
/// of more words is no pointer, whatever it says.
pub(crate) fn report_counted(t: &str, words: usize) -> Option<Option<&str>> {
    if words > MAX_WORDS {
        return None;
    }
    pointer(t, || words)
}

/// A report pointer in the trimmed line `t`; `count` gives its words.
fn pointer(t: &str, count: impl FnOnce() -> usize) -> Option<Option<&str>> {
    let end = t.bytes().rposition(|b| !matches!(b, b'.' | b':' | b' '));
    let body = &t[..end.map_or(0, |e| e + 1)];
    // Every form has a telling first or last word, or `spoke to`: look for
    // one before counting anything. Without a telling word only the `spoke
    // to` form is left, and it ends with a full stop: search for it only
    // then.
    if !(telling_last(body) || telling_first(t) || t.ends_with('.') && spoke_to(t).is_some()) {
        return None;
    }
    let words = count();
    if words == 0 || words > MAX_WORDS || t.contains(". ") && !t.starts_with("Video") {
        return None;
    }
    for ending in ENDINGS {
        if let Some(name) = body.strip_suffix(ending) {
            return is_name_phrase(name).then(|| Some(reporter(name)));
        }
    }
    let opens = |o: &&str| t.get(..o.len()).is_some_and(|h| h.eq_ignore_ascii_case(o));
    if words <= 12 && OPENINGS.iter().any(opens) {
        return Some(
            t.find(" by ")
                .map(|at| t[at + 4..].trim_end_matches(['.', ':', ' '])),
        );
    }
    // A hanging link: `Email -`, `Twitter:`.
    if words <= 2 && (t.ends_with(" -") || t.ends_with(" –")) {
        return Some(None);
    }
    // `Kim Park spoke to Jo Bloggs and Sam Lee.`
    if let Some(subject) = spoke_to(t).map(|at| &t[..at]) {
        let pronoun = matches!(subject, "He" | "She" | "They");
        if t.ends_with('.') && !t.contains(',') && (pronoun || is_name_phrase(subject)) {
            return Some((!pronoun).then_some(subject));
        }
    }
    None
}

/// Words that end a pointer form (`… reports`, `Read more`, `– latest`).
const TELLING_LAST: &[&str] = &[
    "reports", "story", "more", "out", "report", "latest", "-", "–",
];

/// Words that open a pointer form, in any letter case (`Watch: …`).
const TELLING_FIRST: &[&str] = &[
    "here", "here's", "video", "watch", "click", "this", "follow",
];

/// The byte length of the longest of `words`.
const fn longest(words: &[&str]) -> usize {
    let (mut i, mut max) = (0, 0);
    while i < words.len() {
        if words[i].len() > max {
            max = words[i].len();
        }
        i += 1;
    }
    max
}

/// Whether the last word of a pointer's body (after its last space) is one
/// of [`TELLING_LAST`]. Read from the body's end: the word is no longer
/// than the longest of them.
fn telling_last(body: &str) -> bool {
    last_word(body.as_bytes(), const { longest(TELLING_LAST) })
        .is_some_and(|w| TELLING_LAST.iter().any(|t| w == t.as_bytes()))
}

/// Whether the first word of a line (up to its first space) is one of
/// [`TELLING_FIRST`], in any letter case. Read from the line's start: the
/// word is no longer than the longest of them.
fn telling_first(t: &str) -> bool {
    first_word(t.as_bytes(), const { longest(TELLING_FIRST) }).is_some_and(|w| {
        TELLING_FIRST
            .iter()
            .any(|o| w.eq_ignore_ascii_case(o.as_bytes()))
    })
}

/// The first word of `t` (up to its first space), if it is at most `max`
/// bytes long: only the first `max + 1` bytes are read.
fn first_word(t: &[u8], max: usize) -> Option<&[u8]> {
    let head = t.get(..=max).unwrap_or(t);
    match head.iter().position(|&b| b == b' ') {
        Some(i) => head.get(..i),
        None => (t.len() <= max).then_some(t),
    }
}

/// The last word of `t` (after its last space), if it is at most `max`
/// bytes long: only the last `max + 1` bytes are read.
fn last_word(t: &[u8], max: usize) -> Option<&[u8]> {
    let tail = t.get(t.len().saturating_sub(max + 1)..).unwrap_or(t);
    match tail.iter().rposition(|&b| b == b' ') {
        Some(i) => tail.get(i + 1..),
        None => (t.len() <= max).then_some(t),
    }
}

/// Where ` spoke to ` first stands in `t` (its searcher is built once).
fn spoke_to(t: &str) -> Option<usize> {
    static FINDER: std::sync::OnceLock<memchr::memmem::Finder<'static>> =
        std::sync::OnceLock::new();
    FINDER
        .get_or_init(|| memchr::memmem::Finder::new(" spoke to "))
        .find(t.as_bytes())
}

/// A run of capitalised words (a name with its outlet and title): one to
/// eight words split at white space, each opening with a capital letter,
/// and no comma.
///
/// A phrase of ASCII that fits in [`NAME_BLOCK`] bytes is read as one
/// padded block with no branch on its bytes (ASCII white space, as
/// [`char::is_whitespace`] reads it, is tab to carriage return and the
/// space; an ASCII capital is `A` to `Z`; the padding is spaces, which
/// open no word); any other phrase as [`is_name_phrase_plain`] reads it.
fn is_name_phrase(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut block = [b' '; NAME_BLOCK];
    match block.get_mut(..bytes.len()) {
        Some(head) if bytes.is_ascii() => head.copy_from_slice(bytes),
        _ => return is_name_phrase_plain(s),
    }
    // The same starts as `words::word_starts` (vertical tab no space); sharing cost 0.13 M a MB.
    // Whether each byte is white space, after a space standing before it.
    let mut space = [1u8; NAME_BLOCK + 1];
    for (s, &b) in space[1..].iter_mut().zip(&block) {
        *s = u8::from(matches!(b, b'\t'..=b'\r' | b' '));
    }
    let (mut words, mut bad) = (0u8, 0u8);
    for ((&before, &here), &b) in space.iter().zip(&space[1..]).zip(&block) {
        let start = before & !here & 1;
        words += start;
        bad |= start & u8::from(!b.is_ascii_uppercase()) | u8::from(b == b',');
    }
    (1..=8).contains(&words) && bad == 0
}

/// The longest phrase [`is_name_phrase`] reads as one block.
const NAME_BLOCK: usize = 64;

/// [`is_name_phrase`], read as words of [`str::split_whitespace`] and
/// characters of any script.
fn is_name_phrase_plain(s: &str) -> bool {
    let mut words = 0;
    for w in s.split_whitespace() {
        words += 1;
        if words > 8 || !w.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
    }
    words > 0 && !s.contains(',')
}

/// The reporter's name: what follows the last job title, if any. The name
/// is split at spaces as bytes (a title is ASCII, and a space byte is always
/// a whole character) from its end: the first title found is the last.
fn reporter(name: &str) -> &str {
    let bytes = name.as_bytes();
    let mut start = 0;
    let mut end = bytes.len();
    for w in bytes.rsplit(|&b| b == b' ') {
        if TITLES.iter().any(|t| t.as_bytes() == w) {
            start = (end + 1).min(bytes.len());
            break;
        }
        end = end.saturating_sub(w.len() + 1);
    }
    let rest = name.get(start..).unwrap_or(name).trim();
    if rest.is_empty() {
        name
    } else {
        rest
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_counted_line_reads_as_the_line_does() {
        let lines = [
            "Nia Tallis reports:",
            "Here is a report by Bethan Carrow:",
            "Watch the debate here.",
            "Email -",
            "Owen Fairley spoke to Jo Bloggs.",
            "The harbour wall, which Owen Fairley reports on every winter, is to be rebuilt by the council next spring",
            "Crews were called to the harbour at 6am.",
        ];
        for line in lines {
            let counted = report_counted(line, crate::grammar::words::count_up_to(line, 18));
            assert_eq!(counted, report(line), "{line}");
        }
    }

    /// [`reporter`] as first written: the name split at spaces from its
    /// start, the last title found kept.
    fn reporter_plain(name: &str) -> &str {
        let mut start = 0;
        let mut at = 0;
        for w in name.split(' ') {
            at += w.len() + 1;
            if TITLES.contains(&w) {
                start = at.min(name.len());
            }
        }
        let rest = name[start..].trim();
        if rest.is_empty() {
            name
        } else {
            rest
        }
    }

    proptest::proptest! {
        /// The block reading of a name phrase answers as the reading by
        /// words and characters, on phrases short and long, with every kind
        /// of white space, capitals, commas, digits and letters beyond
        /// ASCII.
        #[test]
        fn name_phrases_read_as_words_do(
            s in "(Kim|Park|ITV|News'|de|O'Neill|Émile|élan|\\d|,|A| |  |\t|\r|\n|\u{b}|\u{c}|\u{a0}|\u{3000}|x){0,30}",
        ) {
            proptest::prop_assert_eq!(is_name_phrase(&s), is_name_phrase_plain(&s), "{:?}", s);
        }

        /// Reading a name's words from its end finds the name after the
        /// last title, as reading them from its start does.
        #[test]
        fn reporters_read_from_the_end_as_from_the_start(
            s in "(Kim|Park|Correspondent|Editor|Reporters|Reporter|Producer|Journalist|Presenter|Edito|ITV|Émile| |  |\t|\u{a0}){0,12}",
        ) {
            proptest::prop_assert_eq!(reporter(&s), reporter_plain(&s), "{:?}", s);
        }

        /// The telling words read from the ends are the first and last
        /// words as a split at spaces gives them.
        #[test]
        fn telling_words_are_the_first_and_last_words(
            t in "(reports|Story|more|out|report|latest|-|–|here|HERE'S|here’s|video|watch|Click|this|follow|x|reportsx| |  |\\.|:){0,6}",
        ) {
            let last = t.rsplit(' ').next().unwrap_or("");
            let first = t.split(' ').next().unwrap_or("");
            let plain_last = TELLING_LAST.contains(&last);
            let plain_first = TELLING_FIRST.iter().any(|w| first.eq_ignore_ascii_case(w));
            proptest::prop_assert_eq!(telling_last(&t), plain_last);
            proptest::prop_assert_eq!(telling_first(&t), plain_first);
        }
    }

    #[test]
    fn reporter_lines() {
        assert_eq!(report("Nia Tallis reports:"), Some(Some("Nia Tallis")));
        assert_eq!(report("Owen Fairley reports"), Some(Some("Owen Fairley")));
        assert_eq!(
            report("Vale TV's Transport Correspondent Hugo Tamblyn reports."),
            Some(Some("Hugo Tamblyn"))
        );
        assert_eq!(
            report("Tobias Wren has the story:"),
            Some(Some("Tobias Wren"))
        );
        assert_eq!(
            report("Gwen Trevaskis has more:"),
            Some(Some("Gwen Trevaskis"))
        );
        assert_eq!(
            report("Bethan Carrow has been finding out more."),
            Some(Some("Bethan Carrow"))
        );
    }

    #[test]
    fn pointer_lines() {
        assert_eq!(
            report("Here is a report by Bethan Carrow:"),
            Some(Some("Bethan Carrow"))
        );
        assert_eq!(
            report("Video report by Nia Tallis."),
            Some(Some("Nia Tallis"))
        );
        assert_eq!(report("Watch the debate here."), Some(None));
        assert_eq!(report("Watch our report:"), Some(None));
        assert_eq!(report("Click below to watch our report"), Some(None));
        assert_eq!(
            report("This video from the scene shows the flames"),
            Some(None)
        );
        assert_eq!(report("Follow us on Twitter:"), Some(None));
        assert_eq!(report("Email -"), Some(None));
    }

    #[test]
    fn spoke_to_lines() {
        assert_eq!(
            report("Dara Quinlan spoke to pier trust chairman Ros Kimball."),
            Some(Some("Dara Quinlan"))
        );
        assert_eq!(
            report("She spoke to residents Anne Collier and Raj Patel."),
            Some(None)
        );
    }

    #[test]
    fn news_paragraphs_ending_in_a_pointer_are_not_reports() {
        assert_eq!(
            report("Farmers say the harvest is ruined, as Lucy Ferrand reports."),
            None
        );
        assert_eq!(
            report("A dozen families are in caravans. Priya Holloway reports."),
            None
        );
        assert_eq!(
            report("Holm's county news agency reports that talks failed."),
            None
        );
        assert_eq!(report("Watch: Small tornado filmed over Lowmarsh"), None);
    }
}
