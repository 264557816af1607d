//! Updates built by hand for the merge's unit tests.

use crate::{Block, Headline, Paragraph, Span, Subheading, Text, Update};

pub(super) fn text(s: &str) -> Text<'static> {
    s.to_owned().into()
}

/// An update with a headline and blocks, no byline, no spans.
pub(super) fn update(headline: &str, blocks: Vec<Block<'static>>) -> Update<'static> {
    Update {
        span: Span::default(),
        byline: None,
        headline: Headline {
            span: Span::default(),
            text: text(headline),
            label: None,
            title: text(headline),
            remnant: None,
        },
        blocks,
    }
}

pub(super) fn paragraph(s: &str) -> Block<'static> {
    Block::Paragraph(Paragraph {
        span: Span::default(),
        text: text(s),
    })
}

pub(super) fn subheading(s: &str) -> Block<'static> {
    Block::Subheading(Subheading {
        span: Span::default(),
        text: text(s),
    })
}
