//! Captions: `text Credit: source`, `Credit: PA.`, `Video Credit: Kim
//! Park`, `Video: Kim Park`, and a lone `Credit:` where the page was cut.

use crate::CreditKind;

/// A caption line's parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CaptionLine<'a> {
    /// The description before the credit (may be empty).
    pub description: &'a str,
    /// How the credit is introduced.
    pub kind: CreditKind,
    /// The source after the credit label (empty where the page was cut).
    pub source: &'a str,
}

/// A line with a credit. `Credit:` stands at the start or after white space;
/// `Video Credit:` likewise; `Video: ` only at the start, in that letter
/// case, before a short name (the all-capitals `VIDEO:` is a headline label).
pub(crate) fn caption(line: &str) -> Option<CaptionLine<'_>> {
    let t = super::trim(line);
    if let Some(at) = credit_at(t) {
        let video = at
            .checked_sub(6)
            // By bytes: six bytes back may fall inside a character.
            .filter(|&v| t.as_bytes()[v..].starts_with(b"Video Credit:"));
        if let Some(v) = video.filter(|&v| v == 0 || t[..v].ends_with(char::is_whitespace)) {
            return Some(parts(t, v, "Video Credit:", CreditKind::Video));
        }
        return Some(parts(t, at, "Credit:", CreditKind::Image));
    }
    let source = t.strip_prefix("Video: ")?.trim();
    let words = super::words::count_up_to(source, 6);
    let name_like = (1..=6).contains(&words)
        && !source.ends_with(['.', '?', '!', ':'])
        && source.split_whitespace().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '@')
        });
    name_like.then_some(CaptionLine {
        description: "",
        kind: CreditKind::Video,
        source,
    })
}

/// Where `Credit:` stands in `t` at the start or after white space (the
/// last such place, so a description that mentions credit keeps it).
/// Found from the colons of the line, from the last: lines have few.
fn credit_at(t: &str) -> Option<usize> {
    const LABEL: &str = "Credit:";
    let bytes = t.as_bytes();
    memchr::memrchr_iter(b':', bytes)
        .filter_map(|colon| (colon + 1).checked_sub(LABEL.len()))
        .filter(|&i| bytes[i..].starts_with(LABEL.as_bytes()))
        .find(|&i| i == 0 || t[..i].ends_with(char::is_whitespace))
}

fn parts<'a>(t: &'a str, at: usize, label: &str, kind: CreditKind) -> CaptionLine<'a> {
    CaptionLine {
        description: t[..at].trim_end(),
        kind,
        source: t[at + label.len()..].trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cap(d: &'static str, s: &'static str) -> Option<CaptionLine<'static>> {
        Some(CaptionLine {
            description: d,
            kind: CreditKind::Image,
            source: s,
        })
    }

    #[test]
    fn credit_with_and_without_full_stop() {
        assert_eq!(
            caption("Cattle in the ring. Credit: Vale TV"),
            cap("Cattle in the ring.", "Vale TV")
        );
        assert_eq!(
            caption("The final of the contest Credit: Kelford Society"),
            cap("The final of the contest", "Kelford Society")
        );
    }

    #[test]
    fn sources_of_every_kind() {
        assert_eq!(
            caption("Sunrise. Credit: @marrowbaysnaps").map(|c| c.source),
            Some("@marrowbaysnaps")
        );
        assert_eq!(
            caption("Huts Credit: Ben Cairns/Westmarch Picture Agency").map(|c| c.source),
            Some("Ben Cairns/Westmarch Picture Agency")
        );
        assert_eq!(
            caption("Light. Credit: Go Marrow Bay!").map(|c| c.source),
            Some("Go Marrow Bay!")
        );
    }

    #[test]
    fn credit_only_and_cut_credit() {
        assert_eq!(caption("Credit: PA."), cap("", "PA."));
        assert_eq!(caption("Credit:"), cap("", ""));
        assert_eq!(
            caption("Baker with the winning loaf. Credit:"),
            cap("Baker with the winning loaf.", "")
        );
    }

    #[test]
    fn video_credits() {
        let v = |s| {
            Some(CaptionLine {
                description: "",
                kind: CreditKind::Video,
                source: s,
            })
        };
        assert_eq!(
            caption("Video Credit: Marcus Oyelaran"),
            v("Marcus Oyelaran")
        );
        assert_eq!(
            caption("Video: Tilbeck Village Shop"),
            v("Tilbeck Village Shop")
        );
        assert_eq!(caption("VIDEO: Drone footage shows scale of floods"), None);
        assert_eq!(
            caption("Video: drone footage shows the scale of the floods"),
            None
        );
    }

    #[test]
    fn credit_must_start_a_word() {
        assert_eq!(caption("Discredit:the claims"), None);
        assert_eq!(caption("The bank gave no credit: none at all"), None);
    }

    #[test]
    fn credit_after_multibyte_characters() {
        // Six bytes before `Credit:` fall inside a character here.
        assert_eq!(
            caption("\u{fffd}\u{fffd} Credit:"),
            cap("\u{fffd}\u{fffd}", "")
        );
        assert_eq!(caption("a€€ Credit: PA"), cap("a€€", "PA"));
    }
}
