//! The timeline as one page in the format.

use super::{GapKind, Timeline};
use crate::{Footer, FooterKind, FooterLine, Header, HeaderKind, Page, Span};
use core::fmt;
use std::borrow::Cow;

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

    /// The timeline as one page: a `Live updates` header, every entry
    /// (removed ones too) as last seen, newest first, and a `Load more
    /// updates` footer unless the history is known to be complete. Ad slots
    /// are not content and are left out; spans are empty, since the updates
    /// come from many captures.
    ///
    /// ```
    /// use liveupdates::merge::{merge, Snapshot};
    /// let page = liveupdates::parse("Live updates\n\nBridge reopens\n\nThe bridge is open.\n\nLoad more updates\n");
    /// let timeline = merge([Snapshot::new("a", page)]);
    /// let merged = timeline.to_page();
    /// assert_eq!(merged.updates.len(), 1);
    /// assert!(merged.has_more);
    /// ```
    pub fn to_page(&self) -> Page<'static> {
        let mut page = Page::empty("");
        page.header = Some(Header {
            span: Span::default(),
            kind: HeaderKind::Live,
            text: Cow::Borrowed("Live updates"),
        });
        page.updates = self.entries.iter().map(|e| e.update().clone()).collect();
        if !self.is_complete() {
            page.has_more = true;
            page.footer = Some(Footer {
                span: Span::default(),
                lines: vec![FooterLine {
                    span: Span::default(),
                    kind: FooterKind::LoadMore,
                    text: Cow::Borrowed("Load more updates"),
                }],
            });
        }
        page
    }
}

/// The timeline rendered as [`Timeline::to_page`]: one page in the format,
/// which parses back to the same updates. Gaps inside the timeline have no
/// form in the page format and are not rendered.
impl fmt::Display for Timeline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.to_page().fmt(f)
    }
}
