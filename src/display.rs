//! Rendering back to the format: `Display` for the page and every node.
//!
//! A rendering is text in the page format that parses back to an equal page
//! (spans aside). Every node writes the text it keeps *as written* (its raw
//! `text` fields), never a text rebuilt from its analysed fields, so nothing
//! the parser read is lost or normalised.
//!
//! - Every node renders whole lines, each ending in `\n`: `Headline` gives
//!   `"Snow on the way?\n"`. A [`Page`] marked
//!   [`truncated`](Page::truncated) drops the end of its last line, as a cut
//!   capture does.
//! - [`Layout::Spaced`] puts one blank line between elements and between
//!   footer lines; an alt-text line stands directly above its caption line,
//!   list items are on consecutive lines. [`Layout::Compact`] (the dash layout) has no blank
//!   lines at all. A page renders in its own [`Page::layout`]; any other node
//!   renders spaced, or compact with the alternate flag (`{:#}`).
//! - Bylines: [`BylineMarker::Numbered`] is `  1. {text}` (a bare `  1.` when
//!   the text is empty), [`BylineMarker::Dash`] is `- {text}` (`-  {text}`
//!   when `- {text}` would read as a count line, `- 6 updates`),
//!   [`BylineMarker::Bare`] is `{text}`. A link remnant is glued in front of
//!   its line: `Read the full story ›- Vale TV Report`.
//! - List items: `  • {text}`, `· {text}` or `- {text}` by their marker
//!   (`-  {text}` when `- {text}` would read as a count line, `- 6 updates`).
//! - Ad slots stand where [`AdSlot::position`] says; several at one place keep
//!   their order in [`Page::ads`]; a position past the last update or block
//!   is rendered after it. A [`Page::dangling_byline`] comes after the
//!   updates and their ad slots, before the footer. Rendering never panics
//!   on any model value.

use crate::{
    AdPosition, AdSlot, Attribution, Block, BlockQuote, Byline, BylineMarker, Caption, CrossRef,
    Footer, FooterLine, Header, Headline, Layout, List, ListItem, ListMarker, Page, Paragraph,
    PreambleBlock, Quote, Report, Subheading, Update,
};
use core::fmt;

/// What an ad slot is rendered as, after its remnant.
const AD_LINE: &str = "Advertisement";

/// A line writer that places the blank lines between elements.
struct Out<'f, 'b> {
    f: &'f mut fmt::Formatter<'b>,
    layout: Layout,
    /// A line has been written and its `\n` is still owed.
    open: bool,
    /// The next line starts a new element.
    new_element: bool,
}

impl<'f, 'b> Out<'f, 'b> {
    fn new(f: &'f mut fmt::Formatter<'b>, layout: Layout) -> Self {
        Out {
            f,
            layout,
            open: false,
            new_element: false,
        }
    }

    /// A writer for a lone node: spaced, or compact with `{:#}`.
    fn for_node(f: &'f mut fmt::Formatter<'b>) -> Self {
        let layout = if f.alternate() {
            Layout::Compact
        } else {
            Layout::Spaced
        };
        Out::new(f, layout)
    }

    /// The next line starts a new element (after a blank line when spaced).
    fn element(&mut self) {
        self.new_element = true;
    }

    /// Write one line made of `parts`. An empty line is not written: it
    /// would be a blank line, a separator rather than content.
    fn line(&mut self, parts: &[&str]) -> fmt::Result {
        if parts.iter().all(|p| p.is_empty()) {
            return Ok(());
        }
        if self.open {
            self.f.write_str("\n")?;
            if self.new_element && self.layout == Layout::Spaced {
                self.f.write_str("\n")?;
            }
        }
        self.new_element = false;
        // Text that opens with U+FEFF would read back as a byte-order mark
        // and be skipped: a mark in front keeps it text.
        let first = parts.iter().find(|p| !p.is_empty());
        if !self.open && first.is_some_and(|p| p.starts_with('\u{feff}')) {
            self.f.write_str("\u{feff}")?;
        }
        for part in parts {
            self.f.write_str(part)?;
        }
        self.open = true;
        Ok(())
    }

    /// End the rendering; `end_last_line` writes the last line's `\n`.
    fn finish(self, end_last_line: bool) -> fmt::Result {
        if self.open && end_last_line {
            self.f.write_str("\n")?;
        }
        Ok(())
    }
}

/// The text of an optional remnant, or nothing.
fn remnant<'r>(r: &'r Option<crate::Text<'_>>) -> &'r str {
    r.as_deref().unwrap_or("")
}

fn preamble(out: &mut Out<'_, '_>, b: &PreambleBlock<'_>) -> fmt::Result {
    out.element();
    out.line(&[&b.text])
}

fn header(out: &mut Out<'_, '_>, h: &Header<'_>) -> fmt::Result {
    out.element();
    out.line(&[&h.text])
}

fn byline(out: &mut Out<'_, '_>, b: &Byline<'_>) -> fmt::Result {
    out.element();
    let text: &str = &b.text;
    let marker = match (b.marker, text.is_empty()) {
        (BylineMarker::Numbered, true) => "  1.",
        (BylineMarker::Numbered, false) => "  1. ",
        (BylineMarker::Dash, true) => "-",
        (BylineMarker::Dash, false) => dash(text),
        (BylineMarker::Bare, _) => "",
    };
    out.line(&[remnant(&b.remnant), marker, text])
}

fn headline(out: &mut Out<'_, '_>, h: &Headline<'_>) -> fmt::Result {
    out.element();
    out.line(&[remnant(&h.remnant), &h.text])
}

fn one_line(out: &mut Out<'_, '_>, text: &str) -> fmt::Result {
    out.element();
    out.line(&[text])
}

fn caption(out: &mut Out<'_, '_>, c: &Caption<'_>) -> fmt::Result {
    out.element();
    if let Some(alt) = &c.alt {
        out.line(&[alt])?;
    }
    out.line(&[&c.text])
}

fn attribution(out: &mut Out<'_, '_>, a: &Attribution<'_>) -> fmt::Result {
    one_line(out, &a.text)
}

fn block_quote(out: &mut Out<'_, '_>, b: &BlockQuote<'_>) -> fmt::Result {
    for p in &b.paragraphs {
        one_line(out, &p.text)?;
    }
    match &b.attribution {
        Some(a) => attribution(out, a),
        None => Ok(()),
    }
}

fn bullet(marker: ListMarker) -> &'static str {
    match marker {
        ListMarker::Bullet => "  • ",
        ListMarker::MiddleDot => "· ",
        ListMarker::Dash => "- ",
    }
}

/// The dash in front of `text`: `- `, or `-  ` when `- {text}` would read
/// back as a count line (`- 6 updates`); the parser reads both as the same
/// dash and text.
fn dash(text: &str) -> &'static str {
    if crate::grammar::chrome::is_count(text) {
        "-  "
    } else {
        "- "
    }
}

fn list_item(out: &mut Out<'_, '_>, i: &ListItem<'_>) -> fmt::Result {
    let marker = match i.marker {
        ListMarker::Dash => dash(&i.text),
        m => bullet(m),
    };
    out.line(&[marker, &i.text])
}

fn list(out: &mut Out<'_, '_>, l: &List<'_>) -> fmt::Result {
    out.element();
    for item in &l.items {
        list_item(out, item)?;
    }
    Ok(())
}

fn block(out: &mut Out<'_, '_>, b: &Block<'_>) -> fmt::Result {
    match b {
        Block::Paragraph(p) => one_line(out, &p.text),
        Block::Subheading(s) => one_line(out, &s.text),
        Block::Caption(c) => caption(out, c),
        Block::Quote(q) => one_line(out, &q.text),
        Block::BlockQuote(q) => block_quote(out, q),
        Block::Report(r) => one_line(out, &r.text),
        Block::List(l) => list(out, l),
        Block::CrossRef(c) => one_line(out, &c.text),
    }
}

fn ad(out: &mut Out<'_, '_>, a: &AdSlot<'_>) -> fmt::Result {
    out.element();
    out.line(&[remnant(&a.remnant), AD_LINE])
}

/// Footer lines stand apart on a spaced page: glued together, three of them
/// ending a page with no body would read back as the compact layout.
fn footer(out: &mut Out<'_, '_>, foot: &Footer<'_>) -> fmt::Result {
    for l in &foot.lines {
        out.element();
        out.line(&[&l.text])?;
    }
    Ok(())
}

/// An update's byline, headline and blocks, with `before_block(j)` called
/// before block `j` (to place ad slots).
fn update(
    out: &mut Out<'_, '_>,
    u: &Update<'_>,
    mut before_block: impl FnMut(&mut Out<'_, '_>, usize) -> fmt::Result,
) -> fmt::Result {
    if let Some(b) = &u.byline {
        byline(out, b)?;
    }
    headline(out, &u.headline)?;
    for (j, b) in u.blocks.iter().enumerate() {
        before_block(out, j)?;
        block(out, b)?;
    }
    Ok(())
}

/// Where an ad slot is rendered: `(update, stage, block)`, ordered as the
/// page is written. Stage 0 is before the update's byline, 1 before block
/// `block`, 2 after the update's last block.
type AdKey = (usize, u8, usize);

fn ad_key(page: &Page<'_>, position: AdPosition) -> AdKey {
    let n = page.updates.len();
    match position {
        AdPosition::BeforeUpdates => (0, 0, 0),
        AdPosition::AfterUpdate { after } if after < n => (after, 2, 0),
        AdPosition::InUpdate {
            update,
            blocks_before,
        } if update < n => {
            let len = page.updates[update].blocks.len();
            if blocks_before >= len {
                (update, 2, 0)
            } else {
                (update, 1, blocks_before)
            }
        }
        // Past the last update: after all of them.
        _ => (n, 0, 0),
    }
}

/// Writes ad slots in page order as the rendering reaches their places.
struct Ads<'p, 'a> {
    slots: Vec<(AdKey, &'p AdSlot<'a>)>,
    next: usize,
}

impl<'p, 'a> Ads<'p, 'a> {
    fn new(page: &'p Page<'a>) -> Self {
        let mut slots: Vec<_> = page
            .ads
            .iter()
            .map(|a| (ad_key(page, a.position), a))
            .collect();
        // Stable: slots at one place keep their order.
        slots.sort_by_key(|(key, _)| *key);
        Ads { slots, next: 0 }
    }

    /// Write every slot placed at or before `at`.
    fn write_until(&mut self, out: &mut Out<'_, '_>, at: AdKey) -> fmt::Result {
        while let Some((key, slot)) = self.slots.get(self.next) {
            if *key > at {
                break;
            }
            ad(out, slot)?;
            self.next += 1;
        }
        Ok(())
    }

    /// Write the slots not yet written.
    fn write_rest(&mut self, out: &mut Out<'_, '_>) -> fmt::Result {
        self.write_until(out, (usize::MAX, u8::MAX, usize::MAX))
    }
}

/// Renders the page in its own layout: preamble, header, updates with their
/// ad slots, footer. A truncated page's last line has no line end.
///
/// ```
/// let text = "Live updates\n\nSnow on the way?\n\nForecasters expect 10cm overnight.\n\nLoad more updates\n";
/// let page = liveupdates::parse(text);
/// assert_eq!(liveupdates::parse(&page.to_string()).updates.len(), page.updates.len());
/// ```
impl fmt::Display for Page<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = Out::new(f, self.layout);
        let mut ads = Ads::new(self);
        for b in &self.preamble {
            preamble(&mut out, b)?;
        }
        if let Some(h) = &self.header {
            header(&mut out, h)?;
        }
        for (i, u) in self.updates.iter().enumerate() {
            ads.write_until(&mut out, (i, 0, 0))?;
            update(&mut out, u, |out, j| ads.write_until(out, (i, 1, j)))?;
            ads.write_until(&mut out, (i, 2, 0))?;
        }
        ads.write_rest(&mut out)?;
        if let Some(b) = &self.dangling_byline {
            byline(&mut out, b)?;
        }
        if let Some(foot) = &self.footer {
            footer(&mut out, foot)?;
        }
        out.finish(!self.truncated)
    }
}

/// Renders one node; `{:#}` renders it in the compact (dash) layout.
macro_rules! display_node {
    ($($ty:ident => $write:expr;)*) => {$(
        #[doc = concat!("Renders the ", stringify!($ty), " as the format writes it, ")]
        #[doc = "every line ending in `\\n`; `{:#}` renders it compact (no blank lines)."]
        impl fmt::Display for $ty<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mut out = Out::for_node(f);
                let write: fn(&mut Out<'_, '_>, &$ty<'_>) -> fmt::Result = $write;
                write(&mut out, self)?;
                out.finish(true)
            }
        }
    )*};
}

display_node! {
    Update => |out, u| update(out, u, |_, _| Ok(()));
    Block => block;
    Header => header;
    PreambleBlock => preamble;
    Byline => byline;
    Headline => headline;
    Paragraph => |out, p| one_line(out, &p.text);
    Subheading => |out, s| one_line(out, &s.text);
    Caption => caption;
    Quote => |out, q| one_line(out, &q.text);
    BlockQuote => block_quote;
    Attribution => attribution;
    Report => |out, r| one_line(out, &r.text);
    List => list;
    ListItem => |out, i| { out.element(); list_item(out, i) };
    CrossRef => |out, c| one_line(out, &c.text);
    AdSlot => ad;
    Footer => footer;
    FooterLine => |out, l| one_line(out, &l.text);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        BylineKind, Credit, CreditKind, FooterKind, HeaderKind, Person, Span, Speaker, Text,
    };
    use std::borrow::Cow;

    const S: Span = Span::new(0, 0);

    fn t(s: &str) -> Text<'_> {
        Cow::Borrowed(s)
    }

    fn para(s: &str) -> Paragraph<'_> {
        Paragraph {
            span: S,
            text: t(s),
        }
    }

    fn head(s: &str) -> Headline<'_> {
        Headline {
            span: S,
            text: t(s),
            label: None,
            title: t(s),
            remnant: None,
        }
    }

    fn upd<'a>(h: &'a str, blocks: Vec<Block<'a>>) -> Update<'a> {
        Update {
            span: S,
            byline: None,
            headline: head(h),
            blocks,
        }
    }

    fn by(marker: BylineMarker, text: &str) -> Byline<'_> {
        Byline {
            span: S,
            marker,
            text: t(text),
            kind: BylineKind::Section(t(text)),
            remnant: None,
        }
    }

    fn slot(position: AdPosition) -> AdSlot<'static> {
        AdSlot {
            span: S,
            position,
            remnant: None,
        }
    }

    fn page<'a>(updates: Vec<Update<'a>>, ads: Vec<AdSlot<'a>>) -> Page<'a> {
        Page {
            span: S,
            layout: Layout::Spaced,
            preamble: Vec::new(),
            header: Some(Header {
                span: S,
                kind: HeaderKind::Live,
                text: t("Live updates"),
            }),
            updates,
            ads,
            footer: None,
            dangling_byline: None,
            has_more: false,
            truncated: false,
            diagnostics: Vec::new(),
        }
    }

    fn caption<'a>(alt: Option<&'a str>, text: &'a str) -> Caption<'a> {
        Caption {
            span: S,
            alt: alt.map(t),
            text: t(text),
            description: t(""),
            credit: Some(Credit {
                kind: CreditKind::Image,
                source: t("PA"),
            }),
        }
    }

    fn bq<'a>(paras: &[&'a str], attr: Option<&'a str>) -> BlockQuote<'a> {
        BlockQuote {
            span: S,
            paragraphs: paras.iter().map(|p| para(p)).collect(),
            attribution: attr.map(|a| Attribution {
                span: S,
                text: t(a),
                source: t(a.trim_start_matches("– ")),
            }),
        }
    }

    fn items<'a>(marker: ListMarker, texts: &[&'a str]) -> List<'a> {
        List {
            span: S,
            items: texts
                .iter()
                .map(|x| ListItem {
                    span: S,
                    marker,
                    text: t(x),
                })
                .collect(),
        }
    }

    #[test]
    fn header_and_preamble_render_their_text() {
        let h = Header {
            span: S,
            kind: HeaderKind::Count,
            text: t("- 8 updates"),
        };
        assert_eq!(h.to_string(), "- 8 updates\n");
        let p = PreambleBlock {
            span: S,
            text: t("Mill fire under control\nCrews stayed overnight."),
        };
        assert_eq!(
            p.to_string(),
            "Mill fire under control\nCrews stayed overnight.\n"
        );
    }

    #[test]
    fn numbered_bylines_and_a_bare_marker() {
        assert_eq!(
            by(BylineMarker::Numbered, "Eastvale").to_string(),
            "  1. Eastvale\n"
        );
        let mut cut = by(BylineMarker::Numbered, "");
        cut.kind = BylineKind::Empty;
        assert_eq!(cut.to_string(), "  1.\n");
    }

    #[test]
    fn dash_and_bare_bylines() {
        let mut person = by(BylineMarker::Dash, "Ana Roe (@anaroe)");
        person.kind = BylineKind::Person(Person {
            name: t("Ana Roe"),
            outlet: None,
            role: None,
            handle: Some(t("@anaroe")),
        });
        assert_eq!(person.to_string(), "- Ana Roe (@anaroe)\n");
        assert_eq!(
            by(BylineMarker::Bare, "Southmere").to_string(),
            "Southmere\n"
        );
        assert_eq!(by(BylineMarker::Dash, "").to_string(), "-\n");
    }

    #[test]
    fn byline_remnant_is_glued_in_front() {
        let mut b = by(BylineMarker::Dash, "Vale TV Report");
        b.remnant = Some(t("Read the full story ›"));
        assert_eq!(b.to_string(), "Read the full story ›- Vale TV Report\n");
    }

    #[test]
    fn headline_keeps_label_and_remnant() {
        let mut h = head("WATCH: Lambs return to the fells");
        h.label = Some(t("WATCH"));
        h.title = t("Lambs return to the fells");
        assert_eq!(h.to_string(), "WATCH: Lambs return to the fells\n");
        h.remnant = Some(t("Read the full story ›"));
        assert_eq!(
            h.to_string(),
            "Read the full story ›WATCH: Lambs return to the fells\n"
        );
    }

    #[test]
    fn paragraph_keeps_its_inner_line_ends() {
        assert_eq!(para("One line.").to_string(), "One line.\n");
        assert_eq!(
            para("First line\nsecond line.").to_string(),
            "First line\nsecond line.\n"
        );
    }

    #[test]
    fn subheading_quote_report_crossref() {
        let s = Subheading {
            span: S,
            text: t("What happens next?"),
        };
        assert_eq!(s.to_string(), "What happens next?\n");
        let q = Quote {
            span: S,
            text: t("\"We will reopen,\" the council said."),
            quoted: t("We will reopen,"),
            speaker: Some(Speaker {
                name: t("the council"),
                resolved: None,
            }),
            rest: Some(t("the council said.")),
            continues: false,
        };
        assert_eq!(q.to_string(), "\"We will reopen,\" the council said.\n");
        let r = Report {
            span: S,
            text: t("  • Video report by Kim Park"),
            reporter: Some(t("Kim Park")),
        };
        assert_eq!(r.to_string(), "  • Video report by Kim Park\n");
        let c = CrossRef {
            span: S,
            text: t("Read More: Quarry plans withdrawn"),
            target: Some(t("Quarry plans withdrawn")),
        };
        assert_eq!(c.to_string(), "Read More: Quarry plans withdrawn\n");
    }

    #[test]
    fn caption_with_and_without_alt_text() {
        assert_eq!(
            caption(None, "The old mill. Credit: PA").to_string(),
            "The old mill. Credit: PA\n"
        );
        assert_eq!(
            caption(Some("A mill by a river"), "The old mill. Credit: PA").to_string(),
            "A mill by a river\nThe old mill. Credit: PA\n"
        );
    }

    #[test]
    fn block_quote_spaced_and_compact() {
        let q = bq(
            &["We are working hard.", "We thank everyone."],
            Some("– Jo Bloggs, chief"),
        );
        assert_eq!(
            q.to_string(),
            "We are working hard.\n\nWe thank everyone.\n\n– Jo Bloggs, chief\n"
        );
        assert_eq!(
            format!("{q:#}"),
            "We are working hard.\nWe thank everyone.\n– Jo Bloggs, chief\n"
        );
        let cut = bq(&["We are working hard."], None);
        assert_eq!(cut.to_string(), "We are working hard.\n");
        let a = Attribution {
            span: S,
            text: t("- Sam Lee."),
            source: t("Sam Lee"),
        };
        assert_eq!(a.to_string(), "- Sam Lee.\n");
    }

    #[test]
    fn list_items_by_marker_on_consecutive_lines() {
        assert_eq!(
            items(ListMarker::Bullet, &["1.) Leeds", "2.) York"]).to_string(),
            "  • 1.) Leeds\n  • 2.) York\n"
        );
        assert_eq!(
            items(ListMarker::MiddleDot, &["A road"]).to_string(),
            "· A road\n"
        );
        let l = items(ListMarker::Dash, &["Ash Lane", "Elm Road"]);
        assert_eq!(l.to_string(), "- Ash Lane\n- Elm Road\n");
        assert_eq!(l.items[0].to_string(), "- Ash Lane\n");
        let empty = items(ListMarker::Bullet, &[]);
        assert_eq!(empty.to_string(), "");
    }

    #[test]
    fn ad_slot_and_footer() {
        let mut a = slot(AdPosition::BeforeUpdates);
        assert_eq!(a.to_string(), "Advertisement\n");
        a.remnant = Some(t("Read the full story ›"));
        assert_eq!(a.to_string(), "Read the full story ›Advertisement\n");
        let foot = Footer {
            span: S,
            lines: vec![
                FooterLine {
                    span: S,
                    kind: FooterKind::LatestReports,
                    text: t("Latest Vale reports"),
                },
                FooterLine {
                    span: S,
                    kind: FooterKind::Related,
                    text: t("Ferry back in service"),
                },
            ],
        };
        assert_eq!(
            foot.to_string(),
            "Latest Vale reports\n\nFerry back in service\n"
        );
        assert_eq!(
            format!("{foot:#}"),
            "Latest Vale reports\nFerry back in service\n"
        );
        assert_eq!(foot.lines[1].to_string(), "Ferry back in service\n");
    }

    #[test]
    fn update_and_block() {
        let mut u = upd(
            "Bridge shut",
            vec![
                Block::Paragraph(para("It is shut.")),
                Block::Caption(caption(None, "Credit: PA")),
            ],
        );
        u.byline = Some(by(BylineMarker::Numbered, "National"));
        assert_eq!(
            u.to_string(),
            "  1. National\n\nBridge shut\n\nIt is shut.\n\nCredit: PA\n"
        );
        assert_eq!(
            format!("{u:#}"),
            "  1. National\nBridge shut\nIt is shut.\nCredit: PA\n"
        );
        assert_eq!(u.blocks[0].to_string(), "It is shut.\n");
    }

    #[test]
    fn spaced_page_places_ads_and_footer() {
        let mut p = page(
            vec![
                upd(
                    "One",
                    vec![Block::Paragraph(para("A.")), Block::Paragraph(para("B."))],
                ),
                upd("Two", vec![]),
            ],
            vec![
                slot(AdPosition::AfterUpdate { after: 0 }),
                slot(AdPosition::BeforeUpdates),
                slot(AdPosition::InUpdate {
                    update: 0,
                    blocks_before: 1,
                }),
            ],
        );
        p.preamble.push(PreambleBlock {
            span: S,
            text: t("Story\nStandfirst."),
        });
        p.footer = Some(Footer {
            span: S,
            lines: vec![
                FooterLine {
                    span: S,
                    kind: FooterKind::LoadMore,
                    text: t("Load more updates"),
                },
                FooterLine {
                    span: S,
                    kind: FooterKind::BackToTop,
                    text: t("Back to top"),
                },
            ],
        });
        assert_eq!(
            p.to_string(),
            "Story\nStandfirst.\n\nLive updates\n\nAdvertisement\n\nOne\n\nA.\n\nAdvertisement\n\n\
             B.\n\nAdvertisement\n\nTwo\n\nLoad more updates\n\nBack to top\n"
        );
    }

    #[test]
    fn compact_page_has_no_blank_lines() {
        let mut p = page(
            vec![
                upd(
                    "One",
                    vec![Block::List(items(ListMarker::Dash, &["x", "y"]))],
                ),
                upd("Two", vec![Block::Paragraph(para("B."))]),
            ],
            vec![slot(AdPosition::InUpdate {
                update: 0,
                blocks_before: 0,
            })],
        );
        p.layout = Layout::Compact;
        assert_eq!(
            p.to_string(),
            "Live updates\nOne\nAdvertisement\n- x\n- y\nTwo\nB.\n"
        );
    }

    #[test]
    fn truncated_page_drops_its_last_line_end() {
        let mut p = page(
            vec![upd(
                "Road shut",
                vec![Block::Paragraph(para("The A1 is cl"))],
            )],
            vec![],
        );
        p.truncated = true;
        assert_eq!(p.to_string(), "Live updates\n\nRoad shut\n\nThe A1 is cl");
    }

    #[test]
    fn empty_texts_write_no_lines() {
        let mut u = upd("", vec![Block::Paragraph(para(""))]);
        u.byline = Some(by(BylineMarker::Numbered, "Eastvale"));
        let mut p = page(vec![upd("One", vec![]), u], vec![]);
        p.dangling_byline = Some(by(BylineMarker::Numbered, ""));
        p.truncated = true;
        assert_eq!(
            p.to_string(),
            "Live updates\n\nOne\n\n  1. Eastvale\n\n  1."
        );
        p.layout = Layout::Compact;
        assert_eq!(p.to_string(), "Live updates\nOne\n  1. Eastvale\n  1.");
    }

    #[test]
    fn empty_page_renders_nothing() {
        let mut p = page(vec![], vec![]);
        p.header = None;
        assert_eq!(p.to_string(), "");
        p.truncated = true;
        assert_eq!(p.to_string(), "");
    }

    #[test]
    fn out_of_range_ad_positions_do_not_panic() {
        let p = page(
            vec![upd("One", vec![Block::Paragraph(para("A."))])],
            vec![
                slot(AdPosition::InUpdate {
                    update: 7,
                    blocks_before: 3,
                }),
                slot(AdPosition::AfterUpdate { after: 9 }),
                slot(AdPosition::InUpdate {
                    update: 0,
                    blocks_before: 5,
                }),
            ],
        );
        assert_eq!(
            p.to_string(),
            "Live updates\n\nOne\n\nA.\n\nAdvertisement\n\nAdvertisement\n\nAdvertisement\n"
        );
        let none = page(vec![], vec![slot(AdPosition::AfterUpdate { after: 0 })]);
        assert_eq!(none.to_string(), "Live updates\n\nAdvertisement\n");
    }
}
