//! Byte spans into the source text.

use core::ops::Range;

/// A half-open byte range `start..end` into the text a node was parsed from.
///
/// Offsets count bytes from 0 and always fall on `char` boundaries. Line and
/// column numbers are not stored; [`Span::line_col`] computes them on demand.
///
/// ```
/// use liveupdates::Span;
/// let span = Span::new(3, 8);
/// assert_eq!(span.len(), 5);
/// assert_eq!(&"ab\ncdefgh"[span.range()], "cdefg");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (half-open).
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The number of bytes covered.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The span as a `Range`, for slicing the source.
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The smallest span covering both `self` and `other`.
    pub fn join(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The 1-based line and 1-based column (counted in `char`s) of
    /// `self.start` in `source`. Line ends are LF, CRLF or a lone CR.
    ///
    /// ```
    /// use liveupdates::Span;
    /// assert_eq!(Span::new(4, 5).line_col("ab\r\ncd"), (2, 1));
    /// assert_eq!(Span::new(6, 6).line_col("ab\rcdé"), (2, 3));
    /// ```
    pub fn line_col(&self, source: &str) -> (usize, usize) {
        let at = floor_char_boundary(source, self.start);
        let before = &source.as_bytes()[..at];
        let mut line = 1;
        let mut line_start = 0;
        let mut i = 0;
        while i < before.len() {
            match before[i] {
                b'\n' => {
                    line += 1;
                    line_start = i + 1;
                }
                // A CR ends a line unless an LF follows it (in the source:
                // the LF may be the byte the span starts at).
                b'\r' if source.as_bytes().get(i + 1) != Some(&b'\n') => {
                    line += 1;
                    line_start = i + 1;
                }
                _ => {}
            }
            i += 1;
        }
        let column = source[line_start..at].chars().count() + 1;
        (line, column)
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// The largest char boundary of `s` not after `i`.
pub(crate) fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
