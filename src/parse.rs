//! The entry points: `&str` or bytes in, [`Page`] out.

use crate::{build, ErrorKind, Page, ParseError, ParseOptions, Span};
use std::borrow::Cow;

const BOM: &str = "\u{feff}";

/// Parse a page. Total: it never fails and never panics; what the grammar
/// cannot place becomes a paragraph, and odd things become
/// [`Diagnostic`](crate::Diagnostic)s on the page.
///
/// A leading byte-order mark is skipped (spans still count from the start of
/// `source`).
///
/// ```
/// let page = liveupdates::parse("\u{feff}Live updates\n\nSnow on the way?\n\nForecasters say so.\n");
/// assert!(page.header.is_some());
/// assert_eq!(page.updates[0].headline.text, "Snow on the way?");
/// assert_eq!(page.updates[0].headline.span.start, 17);
/// ```
pub fn parse(source: &str) -> Page<'_> {
    let options = ParseOptions {
        max_line_len: usize::MAX,
        max_updates: usize::MAX,
        ..ParseOptions::default()
    };
    // With no limits and no strictness, building cannot fail.
    build::build(source, start_of(source), &options).unwrap_or_else(|_| Page::empty(source))
}

/// Parse a page with options: limits that end the parse with an error, and
/// strictness that turns diagnostics into errors.
///
/// ```
/// use liveupdates::{parse_with, ErrorKind, ParseOptions};
/// let options = ParseOptions { max_updates: 1, ..ParseOptions::default() };
/// let page = "Live updates\n\nKelford bridge reopens\n\nThe bridge is open.\n\nAshbury fair cancelled\n\nThe fair will not go ahead.\n";
/// let err = parse_with(page, &options).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::TooManyUpdates);
/// assert_eq!(err.line(), 7);
/// ```
pub fn parse_with<'a>(source: &'a str, options: &ParseOptions) -> Result<Page<'a>, ParseError> {
    build::build(source, start_of(source), options)
}

/// Parse a page from bytes with the default options.
///
/// A byte-order mark is skipped. Invalid UTF-8 is an error naming its byte
/// offset, except where the bytes end inside a character: a page cut there
/// parses up to the cut.
///
/// ```
/// let bytes = "Live updates\n\nCaf\u{e9} opens\n".as_bytes();
/// let cut = &bytes[..bytes.len() - 8]; // inside the two bytes of 'é'
/// let page = liveupdates::parse_bytes(cut).unwrap();
/// assert_eq!(page.updates[0].headline.text, "Caf");
/// let err = liveupdates::parse_bytes(b"Live updates\n\xff\n").unwrap_err();
/// assert_eq!(err.span().start, 13);
/// ```
pub fn parse_bytes(bytes: &[u8]) -> Result<Page<'_>, ParseError> {
    parse_bytes_with(bytes, &ParseOptions::default())
}

/// Parse a page from bytes with options. With
/// [`ParseOptions::lossy`], invalid UTF-8 is replaced by U+FFFD and the page
/// owns its text.
pub fn parse_bytes_with<'a>(
    bytes: &'a [u8],
    options: &ParseOptions,
) -> Result<Page<'a>, ParseError> {
    match decode(bytes, options.lossy)? {
        Cow::Borrowed(text) => parse_with(text, options),
        Cow::Owned(text) => parse_with(&text, options).map(Page::into_owned),
    }
}

/// Bytes to text: valid UTF-8 borrows; a sequence cut by the end of the bytes
/// is dropped; other invalid bytes fail, or are replaced when `lossy`.
fn decode(bytes: &[u8], lossy: bool) -> Result<Cow<'_, str>, ParseError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(e) if e.error_len().is_none() => {
            // The bytes end inside a character: parse up to the cut.
            let valid = e.valid_up_to();
            Ok(Cow::Borrowed(
                std::str::from_utf8(&bytes[..valid]).unwrap_or_default(),
            ))
        }
        Err(_) if lossy => Ok(Cow::Owned(String::from_utf8_lossy(bytes).into_owned())),
        Err(e) => {
            let at = e.valid_up_to();
            let shown = String::from_utf8_lossy(bytes);
            let message = format!("invalid UTF-8 at byte {at}");
            // Position the message on the lossy text, where the same prefix holds.
            Err(ParseError::new(
                ErrorKind::InvalidUtf8,
                Span::new(at, at + 1),
                message,
                &shown,
            ))
        }
    }
}

/// Where the page starts: after a byte-order mark, if any.
pub(crate) fn start_of(source: &str) -> usize {
    if source.starts_with(BOM) {
        BOM.len()
    } else {
        0
    }
}
