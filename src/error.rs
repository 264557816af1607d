//! The crate's one public error type.

use crate::{Diagnostic, DiagnosticKind, Span};
use core::fmt;

/// Why a parse failed.
///
/// The message names the 1-based line and column and shows the source line
/// with a caret under the position, as rustc does:
///
/// ```
/// use liveupdates::{parse_with, ErrorKind, ParseOptions};
/// let options = ParseOptions { strict: true, ..ParseOptions::default() };
/// let err = parse_with("Live updates\n\nFloods close road\n\nPicture. Credit:\n\nMore.\n", &options).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Diagnostic(liveupdates::DiagnosticKind::CaptionWithoutSource));
/// assert_eq!((err.line(), err.column()), (5, 1));
/// assert_eq!(
///     err.to_string(),
///     "line 5, column 1: caption has no credit source\n  |\n5 | Picture. Credit:\n  | ^"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.render())]
pub struct ParseError(Box<Inner>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Inner {
    kind: ErrorKind,
    span: Span,
    line: usize,
    column: usize,
    message: String,
    source_line: String,
}

/// The kinds of [`ParseError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The bytes are not UTF-8 (and the lossy option is off).
    InvalidUtf8,
    /// A line is longer than [`ParseOptions::max_line_len`](crate::ParseOptions::max_line_len).
    LineTooLong,
    /// The page has more updates than [`ParseOptions::max_updates`](crate::ParseOptions::max_updates).
    TooManyUpdates,
    /// A diagnostic, raised as an error by [`ParseOptions::strict`](crate::ParseOptions::strict).
    Diagnostic(DiagnosticKind),
}

impl ParseError {
    pub(crate) fn new(
        kind: ErrorKind,
        span: Span,
        message: impl Into<String>,
        source: &str,
    ) -> Self {
        let (line, column) = span.line_col(source);
        let source_line = line_text(source, span.start).to_string();
        ParseError(Box::new(Inner {
            kind,
            span,
            line,
            column,
            message: message.into(),
            source_line,
        }))
    }

    pub(crate) fn from_diagnostic(d: &Diagnostic, source: &str) -> Self {
        ParseError::new(
            ErrorKind::Diagnostic(d.kind),
            d.span,
            d.message.clone(),
            source,
        )
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// Where, as a byte span of the source.
    pub fn span(&self) -> Span {
        self.0.span
    }

    /// The 1-based line of the span's start.
    pub fn line(&self) -> usize {
        self.0.line
    }

    /// The 1-based column (in `char`s) of the span's start.
    pub fn column(&self) -> usize {
        self.0.column
    }

    /// The message, without position.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    fn render(&self) -> String {
        let i = &self.0;
        let number = i.line.to_string();
        let pad = " ".repeat(number.len());
        // The shown line is cut to 200 chars; keep the caret within it.
        let shown = i.source_line.chars().count();
        let caret = " ".repeat(i.column.saturating_sub(1).min(shown));
        format!(
            "line {}, column {}: {}\n{pad} |\n{number} | {}\n{pad} | {caret}^",
            i.line, i.column, i.message, i.source_line
        )
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::InvalidUtf8 => f.write_str("invalid UTF-8"),
            ErrorKind::LineTooLong => f.write_str("line too long"),
            ErrorKind::TooManyUpdates => f.write_str("too many updates"),
            ErrorKind::Diagnostic(k) => f.write_str(k.message()),
        }
    }
}

/// The line of `source` holding byte `at`, without its terminator, cut to
/// at most 200 chars so a message stays readable on a 10 MB line.
fn line_text(source: &str, at: usize) -> &str {
    let at = crate::span::floor_char_boundary(source, at);
    let bytes = source.as_bytes();
    let start = memchr::memrchr2(b'\n', b'\r', &bytes[..at]).map_or(0, |i| i + 1);
    let end = memchr::memchr2(b'\n', b'\r', &bytes[at..]).map_or(source.len(), |i| at + i);
    let line = &source[start..end];
    match line.char_indices().nth(200) {
        Some((cut, _)) => &line[..cut],
        None => line,
    }
}
