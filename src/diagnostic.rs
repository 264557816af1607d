//! Things the parser noticed on a page but could place anyway.

use crate::Span;
use core::fmt;

/// Something odd on a page that the parser placed anyway.
///
/// With [`ParseOptions::strict`](crate::ParseOptions::strict) the first
/// diagnostic becomes a [`ParseError`](crate::ParseError) instead.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Diagnostic {
    /// What was noticed.
    pub kind: DiagnosticKind,
    /// Where.
    pub span: Span,
    /// A one-line explanation, without position.
    pub message: String,
}

impl Diagnostic {
    pub(crate) fn new(kind: DiagnosticKind, span: Span) -> Self {
        Diagnostic {
            kind,
            span,
            message: kind.message().to_string(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// The kinds of [`Diagnostic`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum DiagnosticKind {
    /// The page has no `Live updates` header (nor a line standing in for it).
    NoHeader,
    /// Text stands above the header (story-page preamble).
    TextBeforeHeader,
    /// A caption's `Credit:` has no source after it.
    CaptionWithoutSource,
    /// A quotation opens and is never closed.
    UnclosedQuote,
    /// An attribution line follows nothing it could attribute.
    AttributionWithoutQuote,
    /// The text ends in the middle of an element.
    CutLastElement,
}

impl DiagnosticKind {
    /// The message used for this kind.
    pub fn message(self) -> &'static str {
        match self {
            DiagnosticKind::NoHeader => "page has no `Live updates` header",
            DiagnosticKind::TextBeforeHeader => "text stands before the header",
            DiagnosticKind::CaptionWithoutSource => "caption has no credit source",
            DiagnosticKind::UnclosedQuote => "quotation is never closed",
            DiagnosticKind::AttributionWithoutQuote => "attribution has nothing to attribute",
            DiagnosticKind::CutLastElement => "page ends in the middle of an element",
        }
    }
}
