//! The page: preamble, header, updates, ad slots and footer.

use crate::{Diagnostic, Span, Text, Update};

/// A parsed live-update page.
///
/// Every node borrows its text from the source where it can; use
/// [`Page::into_owned`] for a `Page<'static>`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Page<'a> {
    /// The span of the whole page (after any byte-order mark).
    pub span: Span,
    /// How elements are separated on this page.
    pub layout: Layout,
    /// Lines above the header on story pages (headline and standfirst pairs,
    /// region and count lines, layout chrome), one block per group of lines.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub preamble: Vec<PreambleBlock<'a>>,
    /// The page header, if the capture has one.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub header: Option<Header<'a>>,
    /// The updates, newest first.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub updates: Vec<Update<'a>>,
    /// Where the ad slots stood.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub ads: Vec<AdSlot<'a>>,
    /// The footer chrome after the last update, if any.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub footer: Option<Footer<'a>>,
    /// A byline whose update fell past the cut (a bare `  1.` ending the page).
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub dangling_byline: Option<crate::Byline<'a>>,
    /// Whether the page says that older updates exist beyond its window
    /// (a "Load more updates" footer).
    pub has_more: bool,
    /// Whether the text ends in the middle of an element (the capture was cut).
    pub truncated: bool,
    /// Things the parser noticed but could place anyway.
    pub diagnostics: Vec<Diagnostic>,
}

/// How the elements of a page are separated.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Layout {
    /// Elements stand apart with blank lines between them (most pages).
    #[default]
    Spaced,
    /// The newer "dash" layout: no blank lines at all, one element a line.
    Compact,
}

/// One group of preamble lines above the header.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PreambleBlock<'a> {
    /// Where the block stands.
    pub span: Span,
    /// Its text; lines of one block are joined with `\n`.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub text: Text<'a>,
}

/// The page header line.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Header<'a> {
    /// Where the header stands.
    pub span: Span,
    /// Which wording the header uses.
    pub kind: HeaderKind,
    /// The header line as written.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub text: Text<'a>,
}

/// The wordings a page header takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum HeaderKind {
    /// `Live updates` or `Live news stream`, in any letter case.
    Live,
    /// A count line such as `- 6 updates` standing in the header's place.
    Count,
    /// `Latest … reports` standing in the header's place.
    LatestReports,
}

/// An `Advertisement` slot. Not content: its place moves between snapshots.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AdSlot<'a> {
    /// Where the slot stands.
    pub span: Span,
    /// Where the slot stood relative to the updates.
    pub position: AdPosition,
    /// A link remnant glued before it on the same line (`Read the full story ›`).
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub remnant: Option<Text<'a>>,
}

/// Where an ad slot stood relative to the updates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum AdPosition {
    /// Before the first update.
    BeforeUpdates,
    /// Between update `after` and update `after + 1` (or after the last one).
    AfterUpdate {
        /// Index into [`Page::updates`] of the update above the slot.
        after: usize,
    },
    /// Inside an update, between two of its blocks.
    InUpdate {
        /// Index into [`Page::updates`].
        update: usize,
        /// How many of the update's blocks stand above the slot.
        blocks_before: usize,
    },
}

/// The footer chrome after the last update.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Footer<'a> {
    /// Where the footer stands, first line to last.
    pub span: Span,
    /// Its lines in order.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub lines: Vec<FooterLine<'a>>,
}

/// One line of footer chrome.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct FooterLine<'a> {
    /// Where the line stands.
    pub span: Span,
    /// What the line is.
    pub kind: FooterKind,
    /// The line as written.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub text: Text<'a>,
}

/// The kinds of footer line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum FooterKind {
    /// `Load more updates` (possibly with `Back to top` on the same line, or
    /// cut short by the end of the capture).
    LoadMore,
    /// `Back to top`.
    BackToTop,
    /// A `Latest … reports` heading.
    LatestReports,
    /// A line of the related-reports list under that heading.
    Related,
}
