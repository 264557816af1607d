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
    /// The byte length of the leading white space of `text`.
    lead: usize,
}

impl<'a> Line<'a> {
    /// Whether the line is empty or white space only.
    pub fn is_blank(&self) -> bool {
        self.lead == self.text.len()
    }

    /// The text without leading white space.
    pub fn trimmed(&self) -> &'a str {
        self.text.get(self.lead..).unwrap_or("")
    }

    /// The span of [`Line::trimmed`].
    pub fn trimmed_span(&self) -> Span {
        Span::new(self.span.start + self.lead, self.span.end)
    }
}

/// Iterator over the lines of a source, with `memchr` for the line ends.
pub(crate) struct Lines<'a> {
    source: &'a str,
    pos: usize,
    ends: LineEnds,
}

impl<'a> Lines<'a> {
    pub fn new(source: &'a str, start: usize) -> Self {
        Lines {
            source,
            pos: start,
            ends: LineEnds::new(),
        }
    }
}

/// The searcher for line ends (LF or CR), built once for all the lines:
/// `memchr2` would pick the machine's searcher and build it again for each
/// line, which costs about as much as searching a short line.
struct LineEnds {
    #[cfg(target_arch = "x86_64")]
    avx2: Option<memchr::arch::x86_64::avx2::memchr::Two>,
}

impl LineEnds {
    fn new() -> Self {
        LineEnds {
            #[cfg(target_arch = "x86_64")]
            avx2: memchr::arch::x86_64::avx2::memchr::Two::new(b'\n', b'\r'),
        }
    }

    /// Where the first LF or CR in `bytes` stands (as `memchr2` finds it).
    #[inline(always)]
    fn find(&self, bytes: &[u8]) -> Option<usize> {
        #[cfg(target_arch = "x86_64")]
        if let Some(two) = &self.avx2 {
            return two.find(bytes);
        }
        memchr::memchr2(b'\n', b'\r', bytes)
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;

    // Inlined into the one loop that reads the lines.
    #[inline(always)]
    fn next(&mut self) -> Option<Line<'a>> {
        let bytes = self.source.as_bytes();
        if self.pos >= bytes.len() {
            return None;
        }
        let start = self.pos;
        // An empty line (every other line of a spaced page) needs no search.
        let found = if bytes[start] == b'\n' {
            Some(0)
        } else {
            self.ends.find(&bytes[start..])
        };
        let (end, next, terminated) = match found {
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
        let text = trim_end(&self.source[start..end]);
        Some(Line {
            text,
            span: Span::new(start, start + text.len()),
            terminated,
            lead: text.len() - trim_start(text).len(),
        })
    }
}

/// Where the next `byte` stands in a page, searched once across the page
/// rather than once a line: for bytes most lines lack, a line that has none
/// skips the tests that look for it.
pub(crate) struct NextByte<'a> {
    source: &'a [u8],
    byte: u8,
    /// The next `byte` at or after the last line asked about (`usize::MAX`
    /// when there is none).
    next: usize,
}

impl<'a> NextByte<'a> {
    pub fn new(source: &'a str, byte: u8) -> Self {
        let next = memchr::memchr(byte, source.as_bytes()).unwrap_or(usize::MAX);
        NextByte {
            source: source.as_bytes(),
            byte,
            next,
        }
    }

    /// Whether `byte` stands within `span`; spans are asked about in page
    /// order (the same one may be asked again).
    pub fn within(&mut self, span: Span) -> bool {
        if self.next < span.start {
            let after = self.source.get(span.start..).unwrap_or_default();
            self.next = memchr::memchr(self.byte, after).map_or(usize::MAX, |i| span.start + i);
        }
        self.next < span.end
    }
}

/// [`str::trim_end`], with a fast path for a line ending in ASCII.
fn trim_end(s: &str) -> &str {
    match s.as_bytes().last() {
        Some(b) if b.is_ascii() && !is_ascii_space(*b) => s,
        _ => s.trim_end(),
    }
}

/// [`str::trim_start`], with a fast path for a line opening with ASCII.
fn trim_start(s: &str) -> &str {
    match s.as_bytes().first() {
        Some(b) if b.is_ascii() && !is_ascii_space(*b) => s,
        _ => s.trim_start(),
    }
}

/// Whether an ASCII byte is white space as [`char::is_whitespace`] reads it
/// (which, unlike [`u8::is_ascii_whitespace`], includes the vertical tab).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
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
    fn unicode_and_vertical_tab_white_space_is_trimmed_too() {
        let lines: Vec<_> = Lines::new("\u{3000}a\u{a0}\x0B\n\x0B\u{2003}\n", 0).collect();
        assert_eq!(lines[0].text, "\u{3000}a");
        assert_eq!(lines[0].trimmed(), "a");
        assert_eq!(lines[0].trimmed_span(), Span::new(3, 4));
        assert!(lines[1].is_blank());
    }

    #[test]
    fn next_byte_is_found_in_its_lines_only() {
        let page = "Live updates\nRead more \u{203a}Advertisement\n\nx \u{203a}\ny\n";
        let lines: Vec<_> = Lines::new(page, 0).collect();
        let mut marks = NextByte::new(page, 0xBA);
        let found: Vec<bool> = lines.iter().map(|l| marks.within(l.span)).collect();
        let expected: Vec<bool> = lines.iter().map(|l| l.text.contains('\u{203a}')).collect();
        assert_eq!(found, expected);
        assert_eq!(found, [false, true, false, true, false]);
        // Asked again about the last line, the answer stands.
        assert!(!marks.within(lines[4].span));
        let mut colons = NextByte::new("a\nb:\n:", b':');
        let found: Vec<bool> = Lines::new("a\nb:\n:", 0)
            .map(|l| colons.within(l.span))
            .collect();
        assert_eq!(found, [false, true, true]);
    }

    proptest::proptest! {
        /// The searcher built once finds what `memchr2` finds.
        #[test]
        fn line_ends_are_found_as_memchr2_finds_them(s in "[a \r\n\u{2028}é]{0,80}") {
            let ends = LineEnds::new();
            for at in 0..=s.len() {
                let rest = &s.as_bytes()[at..];
                proptest::prop_assert_eq!(ends.find(rest), memchr::memchr2(b'\n', b'\r', rest));
            }
        }
    }

    #[test]
    fn empty_source_has_no_lines() {
        assert_eq!(Lines::new("", 0).count(), 0);
    }
}
