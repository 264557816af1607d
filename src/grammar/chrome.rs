//! Page chrome: header, count line, `Latest … reports`, ad slot, footer,
//! link remnants and lone dashes.

use super::{run, PResult};
use nom::bytes::complete::tag_no_case;
use nom::character::complete::{digit1, space1};
use nom::combinator::{eof, opt};
use nom::Parser;

/// `Live updates` or `Live news stream`, any letter case.
pub(crate) fn is_live_header(line: &str) -> bool {
    let t = super::trim(line);
    t.eq_ignore_ascii_case("live updates") || t.eq_ignore_ascii_case("live news stream")
}

/// A count line: `- 6 updates`, `- 1 update`.
pub(crate) fn is_count_line(line: &str) -> bool {
    super::trim(line).strip_prefix("- ").is_some_and(is_count)
}

/// What a count line says after its `- `: `6 updates`, `1 update`.
pub(crate) fn is_count(text: &str) -> bool {
    fn count(i: &str) -> PResult<'_, ()> {
        (
            digit1,
            space1,
            tag_no_case("update"),
            opt(tag_no_case("s")),
            eof,
        )
            .map(|_| ())
            .parse(i)
    }
    run(count, text.trim_end()).is_some()
}

/// `Latest … reports`: a related-reports heading (or, on some story pages,
/// the header).
pub(crate) fn is_latest_reports(line: &str) -> bool {
    let t = super::trim(line);
    t.get(..7)
        .is_some_and(|p| p.eq_ignore_ascii_case("latest "))
        && (3..=8).contains(&super::words::count_up_to(t, 8))
        && t.len() >= 8
        && t.get(t.len() - 8..)
            .is_some_and(|s| s.eq_ignore_ascii_case(" reports"))
}

/// `Advertisement` alone.
pub(crate) fn is_ad(line: &str) -> bool {
    super::trim(line).eq_ignore_ascii_case("advertisement")
}

/// What a footer line says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FooterLine {
    /// `Load more updates`, maybe followed by `Back to top`.
    LoadMore,
    /// `Back to top`.
    BackToTop,
}

/// `Load more updates`, `Load more updates Back to top`, `Back to top`.
pub(crate) fn footer_line(line: &str) -> Option<FooterLine> {
    let t = super::trim(line);
    if t.eq_ignore_ascii_case("back to top") {
        return Some(FooterLine::BackToTop);
    }
    let rest = t
        .get(..17)
        .filter(|p| p.eq_ignore_ascii_case("load more updates"))?;
    let after = t[rest.len()..].trim();
    (after.is_empty() || after.eq_ignore_ascii_case("back to top")).then_some(FooterLine::LoadMore)
}

/// A `Load more updates` cut short by the end of the capture: a proper
/// prefix of it, at least `Load m` long.
pub(crate) fn is_cut_load_more(line: &str) -> bool {
    const FULL: &str = "load more updates";
    let t = super::trim(line);
    t.len() >= 6
        && t.len() < FULL.len()
        && FULL
            .get(..t.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(t))
}

/// A lone `-` (layout chrome, or the marker of a related-reports item).
pub(crate) fn is_lone_dash(line: &str) -> bool {
    super::trim(line) == "-"
}

/// A link remnant glued to the start of the next element on the same line:
/// a short phrase ending in `›` (`Read the full story ›Advertisement`).
/// Gives the remnant (with its `›`) and the element's text.
pub(crate) fn split_remnant(line: &str) -> Option<(&str, &str)> {
    // Find the mark by its rare last byte (`›` is E2 80 BA).
    let cut = memchr::memchr_iter(MARK_END, line.as_bytes())
        .map(|i| i + 1)
        .find(|&cut| line.as_bytes()[..cut].ends_with("›".as_bytes()))?;
    let (remnant, rest) = (&line[..cut], line[cut..].trim_start());
    let words = remnant.split_whitespace().count();
    (!rest.is_empty() && words <= 7 && !remnant.trim_start().is_empty()).then_some((remnant, rest))
}

/// The last byte of the remnant mark `›` (E2 80 BA): a line without it
/// has no remnant.
pub(crate) const MARK_END: u8 = 0xBA;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_wordings_any_case() {
        assert!(is_live_header("Live updates"));
        assert!(is_live_header("LIVE UPDATES  "));
        assert!(is_live_header("Live news stream"));
        assert!(!is_live_header("Live updates from the count"));
    }

    #[test]
    fn count_lines() {
        assert!(is_count_line("- 6 updates"));
        assert!(is_count_line("- 1 update"));
        assert!(!is_count_line("- Westmarch"));
        assert!(!is_count_line("- 6 updates today"));
        assert!(!is_count_line("-   6 updates"));
        assert!(is_count("6 updates "));
    }

    #[test]
    fn latest_reports_heading() {
        assert!(is_latest_reports("Latest Vale TV reports"));
        assert!(is_latest_reports("latest news reports"));
        assert!(!is_latest_reports(
            "Latest reports suggest a delay to the bridge works"
        ));
    }

    #[test]
    fn ads_and_footers() {
        assert!(is_ad("Advertisement"));
        assert!(!is_ad("Advertisement feature"));
        assert_eq!(footer_line("Load more updates"), Some(FooterLine::LoadMore));
        assert_eq!(
            footer_line("Load more updates Back to top"),
            Some(FooterLine::LoadMore)
        );
        assert_eq!(footer_line("Back to top "), Some(FooterLine::BackToTop));
        assert_eq!(footer_line("Load more updates here"), None);
        assert!(is_cut_load_more("Load more upd"));
        assert!(is_cut_load_more("Load m"));
        assert!(!is_cut_load_more("Load"));
        assert!(!is_cut_load_more("Load limits on the bridge"));
    }

    #[test]
    fn link_remnants_split_off() {
        assert_eq!(
            split_remnant("Read the full story ›Advertisement"),
            Some(("Read the full story ›", "Advertisement"))
        );
        assert_eq!(
            split_remnant("Read the full story ›- Vale TV Report"),
            Some(("Read the full story ›", "- Vale TV Report"))
        );
        assert_eq!(split_remnant("Read the full story ›"), None);
        assert_eq!(split_remnant("Prices › rise"), Some(("Prices ›", "rise")));
    }
}
