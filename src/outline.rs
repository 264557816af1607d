//! The role of every source line, as `examples/outline` prints it.
//!
//! Roles are read off the parsed [`Page`]: every node's span is laid over the
//! lines it covers, so the outline shows exactly how the model holds the
//! text, not a second opinion.

use crate::lines::Lines;
use crate::{Block, Page, Span};
use core::fmt;

/// What a source line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Role {
    /// The page header.
    Header,
    /// Above the header on story pages.
    Preamble,
    /// A byline or section label.
    Byline,
    /// The first line of an update.
    Headline,
    /// A title-like line inside a body.
    Subheading,
    /// Body text.
    Paragraph,
    /// An image or video caption (or its alt text).
    Caption,
    /// A quote that is not part of a block quote.
    Quote,
    /// A quoted paragraph of a block quote.
    Blockquote,
    /// The line closing a block quote.
    Attribution,
    /// A pointer at a dropped video or embed.
    Report,
    /// A bullet item.
    ListItem,
    /// A pointer at a related story.
    Crossref,
    /// An ad slot.
    Ad,
    /// Footer chrome.
    Footer,
}

impl Role {
    /// The role's name as the outline prints it (`list_item`, `crossref`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Header => "header",
            Role::Preamble => "preamble",
            Role::Byline => "byline",
            Role::Headline => "headline",
            Role::Subheading => "subheading",
            Role::Paragraph => "paragraph",
            Role::Caption => "caption",
            Role::Quote => "quote",
            Role::Blockquote => "blockquote",
            Role::Attribution => "attribution",
            Role::Report => "report",
            Role::ListItem => "list_item",
            Role::Crossref => "crossref",
            Role::Ad => "ad",
            Role::Footer => "footer",
        }
    }

    /// The role named `name`, as [`Role::as_str`] prints it.
    pub fn from_name(name: &str) -> Option<Role> {
        ALL.iter().copied().find(|r| r.as_str() == name)
    }
}

const ALL: [Role; 15] = [
    Role::Header,
    Role::Preamble,
    Role::Byline,
    Role::Headline,
    Role::Subheading,
    Role::Paragraph,
    Role::Caption,
    Role::Quote,
    Role::Blockquote,
    Role::Attribution,
    Role::Report,
    Role::ListItem,
    Role::Crossref,
    Role::Ad,
    Role::Footer,
];

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One non-blank source line and its role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutlineRow<'a> {
    /// 1-based line number, blank lines counted.
    pub line: usize,
    /// What the line is.
    pub role: Role,
    /// The line without its end and trailing white space.
    pub text: &'a str,
}

impl fmt::Display for OutlineRow<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}\t{}\t{}", self.line, self.role, self.text)
    }
}

/// Parse `source` and give the role of each non-blank line.
///
/// ```
/// use liveupdates::{outline, Role};
/// let rows = outline("Live updates\n\nBridge reopens\n\nThe bridge has reopened.\n");
/// let roles: Vec<_> = rows.iter().map(|r| (r.line, r.role)).collect();
/// assert_eq!(roles, [(1, Role::Header), (3, Role::Headline), (5, Role::Paragraph)]);
/// ```
pub fn outline(source: &str) -> Vec<OutlineRow<'_>> {
    outline_page(source, &crate::parse(source))
}

/// The role of each non-blank line of `source`, read off `page`, which must
/// have been parsed from `source`.
pub fn outline_page<'a>(source: &'a str, page: &Page<'_>) -> Vec<OutlineRow<'a>> {
    let mut spans = Vec::new();
    collect(page, &mut spans);
    spans.sort_by_key(|(span, _)| span.start);
    let mut rows = Vec::new();
    let mut next = 0;
    for (i, line) in Lines::new(source, crate::parse::start_of(source)).enumerate() {
        if line.is_blank() {
            continue;
        }
        let at = line.trimmed_span().start;
        // Spans are sorted and do not overlap: skip those that end before this line.
        while next < spans.len() && spans[next].0.end <= at {
            next += 1;
        }
        let role = match spans.get(next) {
            Some((span, role)) if span.start <= at => *role,
            _ => Role::Paragraph,
        };
        rows.push(OutlineRow {
            line: i + 1,
            role,
            text: line.text,
        });
    }
    rows
}

/// Every leaf node's span with its role.
fn collect(page: &Page<'_>, out: &mut Vec<(Span, Role)>) {
    out.extend(page.preamble.iter().map(|b| (b.span, Role::Preamble)));
    out.extend(page.header.iter().map(|h| (h.span, Role::Header)));
    out.extend(page.ads.iter().map(|a| (a.span, Role::Ad)));
    out.extend(page.footer.iter().map(|f| (f.span, Role::Footer)));
    out.extend(page.dangling_byline.iter().map(|b| (b.span, Role::Byline)));
    for update in &page.updates {
        out.extend(update.byline.iter().map(|b| (b.span, Role::Byline)));
        out.push((update.headline.span, Role::Headline));
        for block in &update.blocks {
            match block {
                Block::Paragraph(b) => out.push((b.span, Role::Paragraph)),
                Block::Subheading(b) => out.push((b.span, Role::Subheading)),
                Block::Caption(b) => out.push((b.span, Role::Caption)),
                Block::Quote(b) => out.push((b.span, Role::Quote)),
                Block::Report(b) => out.push((b.span, Role::Report)),
                Block::CrossRef(b) => out.push((b.span, Role::Crossref)),
                Block::List(b) => out.extend(b.items.iter().map(|i| (i.span, Role::ListItem))),
                Block::BlockQuote(b) => {
                    out.extend(b.paragraphs.iter().map(|p| (p.span, Role::Blockquote)));
                    out.extend(b.attribution.iter().map(|a| (a.span, Role::Attribution)));
                }
            }
        }
    }
}
