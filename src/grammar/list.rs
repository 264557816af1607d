//! List items: `  • item`, `· item`, and (by context, in the dash layout)
//! `- item`. Items may carry their own numbers (`  • 1.) Leeds`).

use crate::ListMarker;

/// A bullet line: its marker and text.
pub(crate) fn bullet(line: &str) -> Option<(ListMarker, &str)> {
    let t = line.trim_start();
    let (marker, rest) = if let Some(r) = t.strip_prefix('•') {
        (ListMarker::Bullet, r)
    } else if let Some(r) = t.strip_prefix('·') {
        (ListMarker::MiddleDot, r)
    } else {
        return None;
    };
    let text = rest.trim();
    (rest.starts_with(char::is_whitespace) && !text.is_empty()).then_some((marker, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets_and_middle_dots() {
        assert_eq!(
            bullet("  • Clear the windows."),
            Some((ListMarker::Bullet, "Clear the windows."))
        );
        assert_eq!(
            bullet("· Ana Brightwell (Greens)"),
            Some((ListMarker::MiddleDot, "Ana Brightwell (Greens)"))
        );
        assert_eq!(
            bullet("  • 1.) Marrow Bay"),
            Some((ListMarker::Bullet, "1.) Marrow Bay"))
        );
    }

    #[test]
    fn not_bullets() {
        assert_eq!(bullet("•"), None);
        assert_eq!(bullet("·x"), None);
        assert_eq!(bullet("Prices rise · again"), None);
    }
}
