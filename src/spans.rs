//! Clearing spans, to compare nodes "spans aside" (a rendering parsed back,
//! updates gathered from several captures).

use crate::{Block, Page, Span, Update};

impl Page<'_> {
    /// Set every span of the page and its nodes to [`Span::default`], so
    /// that pages parsed from different texts compare by content alone.
    ///
    /// ```
    /// let text = "Live updates\n\n\n\nBridge reopens\n\nThe bridge is open.\n";
    /// let rendered = liveupdates::parse(text).to_string();
    /// let mut a = liveupdates::parse(text);
    /// let mut b = liveupdates::parse(&rendered);
    /// assert_ne!(a, b); // the blank lines moved the spans
    /// a.clear_spans();
    /// b.clear_spans();
    /// assert_eq!(a, b);
    /// ```
    pub fn clear_spans(&mut self) {
        self.span = Span::default();
        self.preamble
            .iter_mut()
            .for_each(|b| b.span = Span::default());
        if let Some(h) = &mut self.header {
            h.span = Span::default();
        }
        self.updates.iter_mut().for_each(Update::clear_spans);
        self.ads.iter_mut().for_each(|a| a.span = Span::default());
        if let Some(b) = &mut self.dangling_byline {
            b.span = Span::default();
        }
        if let Some(f) = &mut self.footer {
            f.span = Span::default();
            f.lines.iter_mut().for_each(|l| l.span = Span::default());
        }
        self.diagnostics
            .iter_mut()
            .for_each(|d| d.span = Span::default());
    }
}

impl Update<'_> {
    /// Set every span of the update and its nodes to [`Span::default`].
    pub fn clear_spans(&mut self) {
        self.span = Span::default();
        if let Some(b) = &mut self.byline {
            b.span = Span::default();
        }
        self.headline.span = Span::default();
        self.blocks.iter_mut().for_each(Block::clear_spans);
    }
}

impl Block<'_> {
    /// Set every span of the block and its parts to [`Span::default`].
    pub fn clear_spans(&mut self) {
        match self {
            Block::Paragraph(p) => p.span = Span::default(),
            Block::Subheading(s) => s.span = Span::default(),
            Block::Caption(c) => c.span = Span::default(),
            Block::Quote(q) => q.span = Span::default(),
            Block::BlockQuote(q) => {
                q.span = Span::default();
                q.paragraphs
                    .iter_mut()
                    .for_each(|p| p.span = Span::default());
                if let Some(a) = &mut q.attribution {
                    a.span = Span::default();
                }
            }
            Block::Report(r) => r.span = Span::default(),
            Block::List(l) => {
                l.span = Span::default();
                l.items.iter_mut().for_each(|i| i.span = Span::default());
            }
            Block::CrossRef(c) => c.span = Span::default(),
        }
    }
}
