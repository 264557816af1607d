//! `Display` for [`Timeline`]: the timeline as one page in the format.
//!
//! The crate's own `Display` for updates had not reached `main` when this
//! was written, so the merge renders updates itself, with the same
//! conventions: spaced layout, one blank line between elements, a remnant
//! glued in front of its line, an alt text right above its caption, list
//! items on consecutive lines.

use super::identity::block_texts;
use super::{GapKind, Timeline};
use crate::{Block, BylineMarker, ListMarker, Update};
use core::fmt;

impl Timeline {
    /// Whether the history is known to be complete at the bottom: the last
    /// entry is the last of some window that had nothing more below it.
    ///
    /// ```
    /// use liveupdates::merge::{merge, Snapshot};
    /// let page = liveupdates::parse("Live updates\n\nOne\n\nText.\n");
    /// let timeline = merge([Snapshot::new("a", page)]);
    /// assert_eq!(timeline.is_complete(), timeline.gaps.is_empty());
    /// ```
    pub fn is_complete(&self) -> bool {
        if self.entries.is_empty() {
            return self.snapshots.iter().all(|s| !s.has_more && !s.truncated);
        }
        !self.gaps.iter().any(|g| g.kind == GapKind::MoreBelow)
    }
}

/// The timeline as one page: a `Live updates` header, every entry (removed
/// ones too) as last seen, newest first, and a `Load more updates` footer
/// unless the history is known to be complete. Gaps inside the timeline
/// have no form in the page format and are not rendered.
impl fmt::Display for Timeline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Live updates\n")?;
        for entry in &self.entries {
            for element in update_elements(&entry.update) {
                write!(f, "\n{element}\n")?;
            }
        }
        if !self.is_complete() {
            f.write_str("\nLoad more updates\n")?;
        }
        Ok(())
    }
}

/// The elements of one update, each one or more lines without their final
/// line end; elements stand one blank line apart.
pub(crate) fn update_elements(update: &Update<'_>) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(b) = &update.byline {
        let remnant = b.remnant.as_deref().unwrap_or("");
        let line = match (b.marker, b.text.is_empty()) {
            (BylineMarker::Numbered, true) => "  1.".to_owned(),
            (BylineMarker::Numbered, false) => format!("  1. {}", b.text),
            (BylineMarker::Dash, _) => format!("- {}", b.text),
            (BylineMarker::Bare, _) => b.text.to_string(),
        };
        out.push(format!("{remnant}{line}"));
    }
    let remnant = update.headline.remnant.as_deref().unwrap_or("");
    out.push(format!("{remnant}{}", update.headline.text));
    for block in &update.blocks {
        match block {
            Block::Caption(c) => match &c.alt {
                Some(alt) => out.push(format!("{alt}\n{}", c.text)),
                None => out.push(c.text.to_string()),
            },
            Block::BlockQuote(q) => {
                out.extend(q.paragraphs.iter().map(|p| p.text.to_string()));
                if let Some(a) = &q.attribution {
                    out.push(a.text.to_string());
                }
            }
            Block::List(l) => {
                let lines: Vec<String> = l
                    .items
                    .iter()
                    .map(|item| {
                        let bullet = match item.marker {
                            ListMarker::Bullet => "  • ",
                            ListMarker::MiddleDot => "· ",
                            ListMarker::Dash => "- ",
                        };
                        format!("{bullet}{}", item.text)
                    })
                    .collect();
                out.push(lines.join("\n"));
            }
            other => {
                let mut text = String::new();
                block_texts(other, &mut |t| text.push_str(t));
                out.push(text);
            }
        }
    }
    out.retain(|e| !e.trim().is_empty());
    out
}
