//! One update: optional byline, headline, and its blocks.

use crate::{Block, Span, Text};

/// One update of a live page.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Update<'a> {
    /// From the byline (or headline) to the end of the last block.
    pub span: Span,
    /// The byline or section label above the headline, if any.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub byline: Option<Byline<'a>>,
    /// The first line of the update.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub headline: Headline<'a>,
    /// The body, in order.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub blocks: Vec<Block<'a>>,
}

/// The byline above a headline.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Byline<'a> {
    /// Where the byline stands (the whole line, remnant included).
    pub span: Span,
    /// How the line is marked.
    pub marker: BylineMarker,
    /// The text after the marker, as written (empty for a bare `  1.`).
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub text: Text<'a>,
    /// What the byline names.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub kind: BylineKind<'a>,
    /// A link remnant glued before it on the same line.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub remnant: Option<Text<'a>>,
}

/// How a byline line is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum BylineMarker {
    /// An indented list number: `  1. National`.
    Numbered,
    /// A leading dash, in the dash layout: `- Sam Lee`.
    Dash,
    /// No marker: a bare region name right before a headline.
    Bare,
}

/// What a byline names.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum BylineKind<'a> {
    /// Nothing: a bare marker where the page was cut.
    Empty,
    /// A section, region or report-type label (`National`, `Northmoor (E)`,
    /// `Vale TV Report`).
    #[cfg_attr(feature = "serde", serde(borrow))]
    Section(Text<'a>),
    /// A person.
    #[cfg_attr(feature = "serde", serde(borrow))]
    Person(Person<'a>),
}

/// A person named in a byline: `Sam Lee, ITV News`, `Sam Lee: Weather
/// Presenter`, `Sam Lee (@samlee)`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Person<'a> {
    /// The person's name.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub name: Text<'a>,
    /// The outlet after a comma.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub outlet: Option<Text<'a>>,
    /// The role after a colon.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub role: Option<Text<'a>>,
    /// The social handle in brackets, with its `@`.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub handle: Option<Text<'a>>,
}

/// The headline: the first line of an update.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Headline<'a> {
    /// Where the headline stands (the whole line, remnant included).
    pub span: Span,
    /// The headline as written, label included, remnant excluded.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub text: Text<'a>,
    /// A label split off the front (`WATCH`, `VIDEO`, `Special Report`).
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub label: Option<Text<'a>>,
    /// The headline without its label.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub title: Text<'a>,
    /// A link remnant glued before it on the same line.
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub remnant: Option<Text<'a>>,
}
