//! Bylines: `  1. National`, `  1. Sam Lee, ITV News`, `  1. Sam Lee: Weather
//! Presenter`, `  1. Sam Lee (@samlee)`, a bare `  1.`, and (in context) a
//! bare region name or a dash-layout `- Sam Lee`.

use super::{run, PResult};
use nom::branch::alt;
use nom::bytes::complete::take_while1;
use nom::character::complete::{char, digit1, space0, space1};
use nom::combinator::{eof, recognize, rest};
use nom::sequence::{delimited, preceded};
use nom::Parser;

/// What a byline names, as slices of its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Named<'a> {
    /// Nothing (a bare marker).
    Empty,
    /// A section, region or report-type label.
    Section(&'a str),
    /// A person, with outlet, role and handle where given.
    Person {
        name: &'a str,
        outlet: Option<&'a str>,
        role: Option<&'a str>,
        handle: Option<&'a str>,
    },
}

/// An indented list number and what follows it: `  1. National` gives
/// `National`; a bare `  1.` gives the empty string.
pub(crate) fn numbered(line: &str) -> Option<&str> {
    fn marker(i: &str) -> PResult<'_, &str> {
        preceded(
            (space1, digit1, char('.')),
            alt((preceded(space1, rest), preceded(space0, eof))),
        )
        .parse(i)
    }
    run(marker, line).map(str::trim)
}

/// A bare region name that can stand as a byline with no marker: one to
/// three capitalised words, maybe with a bracketed code (`Northmoor (E)`).
pub(crate) fn is_region(text: &str) -> bool {
    if text.len() > 40 || super::words::count_up_to(text, 4) > 4 {
        return false;
    }
    let (name, code) = match text.split_once(" (") {
        Some((name, code)) => (name, Some(code)),
        None => (text, None),
    };
    let code_ok = code.is_none_or(|c| {
        c.strip_suffix(')')
            .is_some_and(|c| (1..=4).contains(&c.len()) && c.chars().all(char::is_alphabetic))
    });
    let words: Vec<&str> = name.split_whitespace().collect();
    code_ok
        && (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
        })
}

/// Read what a byline's text names.
pub(crate) fn named(text: &str) -> Named<'_> {
    let text = text.trim();
    if text.is_empty() {
        return Named::Empty;
    }
    // `Name (@handle)`
    if let Some((name, handle)) = run(handle_form, text) {
        return Named::Person {
            name,
            outlet: None,
            role: None,
            handle: Some(handle),
        };
    }
    if let Some((name, role)) = text.split_once(": ") {
        return Named::Person {
            name: name.trim(),
            outlet: None,
            role: Some(role.trim()),
            handle: None,
        };
    }
    if let Some((name, outlet)) = text.split_once(", ") {
        return Named::Person {
            name: name.trim(),
            outlet: Some(outlet.trim()),
            role: None,
            handle: None,
        };
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let label_word = |w: &&str| {
        matches!(
            *w,
            "Report" | "Reports" | "News" | "Live" | "Politics" | "Sport" | "Weather"
        ) || (w.len() > 1 && w.chars().all(|c| c.is_uppercase()))
    };
    // A region: `East Midlands`, `West Country`.
    let compass = |w: &&str| {
        matches!(
            *w,
            "North"
                | "South"
                | "East"
                | "West"
                | "Central"
                | "Mid"
                | "Greater"
                | "Country"
                | "Midlands"
        )
    };
    let person = (2..=4).contains(&words.len())
        && !text.contains('(')
        && !words.iter().any(label_word)
        && !words.iter().any(compass)
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    if person {
        Named::Person {
            name: text,
            outlet: None,
            role: None,
            handle: None,
        }
    } else {
        Named::Section(text)
    }
}

/// `Name (@handle)` → (name, `@handle`).
fn handle_form(i: &str) -> PResult<'_, (&str, &str)> {
    let handle = recognize(preceded(
        char('@'),
        take_while1(|c: char| c.is_alphanumeric() || c == '_'),
    ));
    (
        take_while1(|c| c != '('),
        delimited(char('('), handle, char(')')),
        space0,
        eof,
    )
        .map(|(name, handle, _, _): (&str, _, _, _)| (name.trim(), handle))
        .parse(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_marker_with_and_without_text() {
        assert_eq!(numbered("  1. National"), Some("National"));
        assert_eq!(
            numbered("  1.  Sam Lee, ITV News"),
            Some("Sam Lee, ITV News")
        );
        assert_eq!(numbered("  1."), Some(""));
        assert_eq!(numbered("1. National"), None, "the marker is indented");
        assert_eq!(numbered("  • 1.) Leeds"), None);
        assert_eq!(numbered("  1.5 million"), None);
    }

    #[test]
    fn person_forms() {
        assert_eq!(
            named("Priya Holloway, Vale TV News"),
            Named::Person {
                name: "Priya Holloway",
                outlet: Some("Vale TV News"),
                role: None,
                handle: None
            }
        );
        assert_eq!(
            named("Owen Fairley: Weather Presenter"),
            Named::Person {
                name: "Owen Fairley",
                outlet: None,
                role: Some("Weather Presenter"),
                handle: None
            }
        );
        assert_eq!(
            named("Dara Quinlan (@daraquinlan_vt)"),
            Named::Person {
                name: "Dara Quinlan",
                outlet: None,
                role: None,
                handle: Some("@daraquinlan_vt")
            }
        );
        assert_eq!(
            named("Lucy Ferrand"),
            Named::Person {
                name: "Lucy Ferrand",
                outlet: None,
                role: None,
                handle: None
            }
        );
    }

    #[test]
    fn section_labels() {
        assert_eq!(named("National"), Named::Section("National"));
        assert_eq!(named("Northmoor (E)"), Named::Section("Northmoor (E)"));
        assert_eq!(named("Vale TV Report"), Named::Section("Vale TV Report"));
        assert_eq!(named(""), Named::Empty);
        assert_eq!(named("East Midlands"), Named::Section("East Midlands"));
        assert_eq!(named("West Country"), Named::Section("West Country"));
    }

    #[test]
    fn bare_regions() {
        assert!(is_region("Southvale"));
        assert!(is_region("Northmoor (E)"));
        assert!(!is_region("Key points"));
        assert!(!is_region("Saturday 14 June"));
        assert!(!is_region("Lorry fire closes southbound A412 near Kelford"));
    }
}
