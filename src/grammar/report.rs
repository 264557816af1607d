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
    // one before counting anything.
    let last = memchr::memrchr(b' ', body.as_bytes()).map_or(body, |i| &body[i + 1..]);
    let first = memchr::memchr(b' ', t.as_bytes()).map_or(t, |i| &t[..i]);
    let telling_last = matches!(
        last,
        "reports" | "story" | "more" | "out" | "report" | "latest" | "-" | "–"
    );
    let telling_first = [
        "here", "here's", "video", "watch", "click", "this", "follow",
    ]
    .iter()
    .any(|w| first.eq_ignore_ascii_case(w));
    // Without a telling word only the `spoke to` form is left, and it ends
    // with a full stop: search for it only then.
    if !(telling_last || telling_first || t.ends_with('.') && spoke_to(t).is_some()) {
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

/// Where ` spoke to ` first stands in `t` (its searcher is built once).
fn spoke_to(t: &str) -> Option<usize> {
    static FINDER: std::sync::OnceLock<memchr::memmem::Finder<'static>> =
        std::sync::OnceLock::new();
    FINDER
        .get_or_init(|| memchr::memmem::Finder::new(" spoke to "))
        .find(t.as_bytes())
}

/// A run of capitalised words (a name with its outlet and title).
fn is_name_phrase(s: &str) -> bool {
    let mut words = 0;
    for w in s.split_whitespace() {
        words += 1;
        if words > 8 || !w.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
    }
    words > 0 && !s.contains(',')
}

/// The reporter's name: what follows the last job title, if any.
fn reporter(name: &str) -> &str {
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
