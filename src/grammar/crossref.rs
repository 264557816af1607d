//! Cross-references: `Read More: …`, `More: …`, `Read: …`, `Click here for
//! more details.`, `Find out more here.`

/// Prefixes that introduce the title of a related story (any letter case).
const PREFIXES: &[&str] = &[
    "read more:",
    "more:",
    "read:",
    "see also:",
    "related:",
    "also read:",
];

/// Openings of a pointer with no title (any letter case): `Click here for
/// more details.`
const POINTERS: &[&str] = &["click here", "find out more", "read the full story"];

/// A cross-reference line; gives the title pointed at, if it names one.
pub(crate) fn crossref(line: &str) -> Option<Option<&str>> {
    let t = super::trim(line);
    // Only the forms opening with the line's first letter are compared:
    // most lines open with a letter none of them has.
    let first = t.as_bytes().first()?.to_ascii_lowercase();
    let opens = |p: &str| {
        p.as_bytes().first() == Some(&first)
            && t.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p))
    };
    if let Some(p) = PREFIXES.iter().find(|p| opens(p)) {
        let target = t[p.len()..].trim();
        return (!target.is_empty()).then_some(Some(target));
    }
    let pointer = POINTERS.iter().any(|p| opens(p));
    (pointer && super::words::at_most(t, 10) && !t.to_ascii_lowercase().contains("watch"))
        .then_some(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titled_pointers_any_case() {
        assert_eq!(
            crossref("Read More: Bridge 'unsafe', survey finds"),
            Some(Some("Bridge 'unsafe', survey finds"))
        );
        assert_eq!(
            crossref("Read more: Meadows at risk"),
            Some(Some("Meadows at risk"))
        );
        assert_eq!(
            crossref("More: Full list of diversions"),
            Some(Some("Full list of diversions"))
        );
        assert_eq!(
            crossref("Read: How the route was chosen"),
            Some(Some("How the route was chosen"))
        );
    }

    #[test]
    fn untitled_pointers() {
        assert_eq!(crossref("Click here for more details."), Some(None));
        assert_eq!(crossref("Find out more here."), Some(None));
        assert_eq!(crossref("Click below to watch our report"), None);
    }

    #[test]
    fn not_crossrefs() {
        assert_eq!(crossref("More than 30,000 people went to the show."), None);
        assert_eq!(crossref("Readers: send us your pictures"), None);
    }
}
