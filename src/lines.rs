//! Phase 1: split the source into lines, with byte spans.
//!
//! Lines end in LF, CRLF or a lone CR; the last may lack its end. A line's
//! text excludes its terminator and trailing white space ("trailing white
//! space means nothing"); a line that is empty or white space only is blank.

use crate::Span;

/// One line of the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line<'a> {
    /// The line without terminator and trailing white space.
    pub text: &'a str,
    /// The span of `text`.
    pub span: Span,
    /// Whether the line had a terminator.
    pub terminated: bool,
}

impl<'a> Line<'a> {
    /// Whether the line is empty or white space only.
    pub fn is_blank(&self) -> bool {
        self.text.trim_start().is_empty()
    }

    /// The text without leading white space.
    pub fn trimmed(&self) -> &'a str {
        self.text.trim_start()
    }

    /// The span of [`Line::trimmed`].
    pub fn trimmed_span(&self) -> Span {
        Span::new(self.span.end - self.trimmed().len(), self.span.end)
    }
}

/// Iterator over the lines of a source, with `memchr` for the line ends.
pub(crate) struct Lines<'a> {
    source: &'a str,
    pos: usize,
}

impl<'a> Lines<'a> {
    pub fn new(source: &'a str, start: usize) -> Self {
        Lines { source, pos: start }
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        let bytes = self.source.as_bytes();
        if self.pos >= bytes.len() {
            return None;
        }
        let start = self.pos;
        let (end, next, terminated) = match memchr::memchr2(b'\n', b'\r', &bytes[start..]) {
            Some(i) => {
                let end = start + i;
                let next = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
                    end + 2
                } else {
                    end + 1
                };
                (end, next, true)
            }
            None => (bytes.len(), bytes.len(), false),
        };
        self.pos = next;
        let text = self.source[start..end].trim_end();
        Some(Line {
            text,
            span: Span::new(start, start + text.len()),
            terminated,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        Lines::new(s, 0).map(|l| l.text).collect()
    }

    #[test]
    fn lf_crlf_and_lone_cr_all_end_lines() {
        assert_eq!(texts("a\nb\r\nc\rd"), ["a", "b", "c", "d"]);
    }

    #[test]
    fn trailing_white_space_is_dropped_and_spans_follow() {
        let lines: Vec<_> = Lines::new("ab  \n  c\t\n", 0).collect();
        assert_eq!(lines[0].text, "ab");
        assert_eq!(lines[0].span, Span::new(0, 2));
        assert_eq!(lines[1].trimmed(), "c");
        assert_eq!(lines[1].trimmed_span(), Span::new(7, 8));
    }

    #[test]
    fn blank_lines_and_final_line_without_end() {
        let lines: Vec<_> = Lines::new("x\n   \n\ny", 0).collect();
        assert_eq!(lines.len(), 4);
        assert!(lines[1].is_blank() && lines[2].is_blank());
        assert!(lines[0].terminated && !lines[3].terminated);
    }

    #[test]
    fn empty_source_has_no_lines() {
        assert_eq!(Lines::new("", 0).count(), 0);
    }
}
