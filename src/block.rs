//! The blocks of an update's body.

use crate::{Span, Text};

/// One block of an update's body.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "type", rename_all = "snake_case"))]
pub enum Block<'a> {
    /// Body text.
    #[cfg_attr(feature = "serde", serde(borrow))]
    Paragraph(Paragraph<'a>),
    /// A short title-like line inside the body.
    #[cfg_attr(feature = "serde", serde(borrow))]
    Subheading(Subheading<'a>),
    /// An image or video caption.
    #[cfg_attr(feature = "serde", serde(borrow))]
    Caption(Caption<'a>),
    /// A paragraph that opens with a quotation mark.
    #[cfg_attr(feature = "serde", serde(borrow))]
    Quote(Quote<'a>),
    /// Quoted paragraphs closed by an attribution line.
    #[cfg_attr(feature = "serde", serde(borrow))]
    BlockQuote(BlockQuote<'a>),
    /// A pointer at a video or embed the rendering dropped.
    #[cfg_attr(feature = "serde", serde(borrow))]
    Report(Report<'a>),
    /// Bullet items.
    #[cfg_attr(feature = "serde", serde(borrow))]
    List(List<'a>),
    /// A pointer at a related story.
    #[cfg_attr(feature = "serde", serde(borrow))]
    CrossRef(CrossRef<'a>),
}

impl<'a> Block<'a> {
    /// The block's span.
    pub fn span(&self) -> Span {
        match self {
            Block::Paragraph(b) => b.span,
            Block::Subheading(b) => b.span,
            Block::Caption(b) => b.span,
            Block::Quote(b) => b.span,
            Block::BlockQuote(b) => b.span,
            Block::Report(b) => b.span,
            Block::List(b) => b.span,
            Block::CrossRef(b) => b.span,
        }
    }
}

/// Body text; consecutive plain lines join into one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Paragraph<'a> {
    /// Where the paragraph stands.
    pub span: Span,
    /// Its text; lines are joined with `\n`.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub text: Text<'a>,
}

/// A short title-like line inside an update's body.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Subheading<'a> {
    /// Where the subheading stands.
    pub span: Span,
    /// Its text.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub text: Text<'a>,
}

/// An image or video caption: description, then a credit.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Caption<'a> {
    /// Where the caption stands (with its alt-text line, if any).
    pub span: Span,
    /// The image's alt text, standing alone on the line above the caption.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub alt: Option<Text<'a>>,
    /// The caption line as written.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub text: Text<'a>,
    /// The description before the credit (may be empty).
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub description: Text<'a>,
    /// The credit, if the caption has one.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub credit: Option<Credit<'a>>,
}

/// The credit of a caption.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Credit<'a> {
    /// How the credit is introduced.
    pub kind: CreditKind,
    /// The source (a name, a handle, an agency path); empty where the page
    /// was cut after `Credit:`.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub source: Text<'a>,
}

/// How a credit is introduced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CreditKind {
    /// `Credit: …`
    Image,
    /// `Video Credit: …` or `Video: …`
    Video,
}

/// A paragraph that opens with a quotation mark (or continues one with `…`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Quote<'a> {
    /// Where the quote stands.
    pub span: Span,
    /// The whole paragraph as written.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub text: Text<'a>,
    /// The quoted words of the first quotation, without their marks.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub quoted: Text<'a>,
    /// Who said it, when the paragraph says so.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub speaker: Option<Speaker<'a>>,
    /// The rest of the sentence after the first quotation (`said Jo Bloggs,
    /// the organiser.`), if any.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub rest: Option<Text<'a>>,
    /// Whether the quotation is still open at the end of the paragraph and
    /// continues into the next one.
    pub continues: bool,
}

/// The speaker of a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Speaker<'a> {
    /// The speaker as written (`the council`, `Jo Bloggs`, `he`).
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub name: Text<'a>,
    /// For a pronoun, the last named speaker in the same update.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub resolved: Option<Text<'a>>,
}

/// Quoted paragraphs closed by an attribution line.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct BlockQuote<'a> {
    /// From the first quoted paragraph to the attribution.
    pub span: Span,
    /// The quoted paragraphs (may be empty when an attribution stands with
    /// nothing to attribute).
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub paragraphs: Vec<Paragraph<'a>>,
    /// The attribution; `None` when the page was cut before it.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub attribution: Option<Attribution<'a>>,
}

/// The line that closes a block quote: `– Jo Bloggs, Chief Fire Officer`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Attribution<'a> {
    /// Where the line stands.
    pub span: Span,
    /// The line as written, dash included.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub text: Text<'a>,
    /// The source after the dash, stray quotation marks removed.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub source: Text<'a>,
}

/// A line whose job is to point at a dropped video or embed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Report<'a> {
    /// Where the line stands.
    pub span: Span,
    /// The line as written (bullet included).
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub text: Text<'a>,
    /// The reporter's name, where the line gives it.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub reporter: Option<Text<'a>>,
}

/// Consecutive bullet items.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct List<'a> {
    /// From the first item to the last.
    pub span: Span,
    /// The items in order.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub items: Vec<ListItem<'a>>,
}

/// One bullet item.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ListItem<'a> {
    /// Where the line stands.
    pub span: Span,
    /// The bullet the item is marked with.
    pub marker: ListMarker,
    /// The item's text after its bullet (its own number included).
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub text: Text<'a>,
}

/// The bullets a list item is marked with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ListMarker {
    /// `  • item`
    Bullet,
    /// `· item`
    MiddleDot,
    /// `- item` (dash layout)
    Dash,
}

/// A pointer at a related story: `Read More: …`, `Find out more here.`
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CrossRef<'a> {
    /// Where the line stands.
    pub span: Span,
    /// The line as written.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub text: Text<'a>,
    /// The title of the story pointed at, after `Read More:` and the like.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub target: Option<Text<'a>>,
}
