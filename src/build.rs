//! Phase 3: assemble classified lines into the typed page.

use crate::{Layout, Page, ParseError, ParseOptions, Span};

pub(crate) fn build<'a>(
    source: &'a str,
    start: usize,
    _options: &ParseOptions,
) -> Result<Page<'a>, ParseError> {
    let _ = start;
    Ok(Page::empty(source))
}

impl Page<'_> {
    pub(crate) fn empty(source: &str) -> Page<'static> {
        Page {
            span: Span::new(0, source.len()),
            layout: Layout::Spaced,
            preamble: Vec::new(),
            header: None,
            updates: Vec::new(),
            ads: Vec::new(),
            footer: None,
            has_more: false,
            truncated: false,
            diagnostics: Vec::new(),
        }
    }
}
