//! The model as a value: thread-safe types, `'static` copies with
//! `into_owned`, text borrowed from the source, serde round-trips, and line
//! and column numbers computed from spans.

use liveupdates::{
    outline, parse, AdPosition, AdSlot, Attribution, Block, BlockQuote, Byline, BylineKind,
    BylineMarker, Caption, Credit, CreditKind, CrossRef, Diagnostic, DiagnosticKind, ErrorKind,
    Footer, FooterKind, FooterLine, Header, HeaderKind, Headline, Layout, List, ListItem,
    ListMarker, OutlineRow, Page, Paragraph, ParseError, ParseOptions, Person, PreambleBlock,
    Quote, Report, Role, Span, Speaker, Subheading, Text, Update,
};
use std::borrow::Cow;

/// A page with every element in it, spaced layout, LF line ends.
const FULL_PAGE: &str = "Skelwick harbour festival
The three-day festival returns to the harbour after a five-year break.

Live updates

Advertisement

  1. Priya Hollis, Coastline TV

WATCH: Tall ships arrive at Skelwick

Five tall ships sailed into Skelwick harbour on Friday evening, watched by thousands.
Crowds lined both piers.

The ships coming past the lighthouse Credit: Ada Quennell/Coastline TV
Sailors on the rigging Credit: @skelwickharbour

\"We have waited years for this,\" said Ines Calder, the harbourmaster.

\u{201c}It is a wonderful sight,\u{201d} she said.

Priya Hollis reports:

Advertisement

  1. National

Festival programme

The organisers have published the weekend programme. They said:

Every event on the quay is free, and we want everyone to come.

\u{2013} Rhys Mabbott, festival chair

Saturday 9 August

  \u{2022} Sea shanty choirs on the quay
  \u{2022} Rowing races in the harbour

Read More: How the festival was saved

Load more updates
";

// ---------------------------------------------------------------------------
// Thread safety and 'static.
// ---------------------------------------------------------------------------

fn send_sync<T: Send + Sync>() {}
fn owned<T: 'static>(_: &T) {}

#[test]
fn every_public_type_is_send_and_sync() {
    send_sync::<Page<'_>>();
    send_sync::<PreambleBlock<'_>>();
    send_sync::<Header<'_>>();
    send_sync::<HeaderKind>();
    send_sync::<Layout>();
    send_sync::<AdSlot<'_>>();
    send_sync::<AdPosition>();
    send_sync::<Footer<'_>>();
    send_sync::<FooterLine<'_>>();
    send_sync::<FooterKind>();
    send_sync::<Update<'_>>();
    send_sync::<Byline<'_>>();
    send_sync::<BylineKind<'_>>();
    send_sync::<BylineMarker>();
    send_sync::<Person<'_>>();
    send_sync::<Headline<'_>>();
    send_sync::<Block<'_>>();
    send_sync::<Paragraph<'_>>();
    send_sync::<Subheading<'_>>();
    send_sync::<Caption<'_>>();
    send_sync::<Credit<'_>>();
    send_sync::<CreditKind>();
    send_sync::<Quote<'_>>();
    send_sync::<Speaker<'_>>();
    send_sync::<BlockQuote<'_>>();
    send_sync::<Attribution<'_>>();
    send_sync::<Report<'_>>();
    send_sync::<List<'_>>();
    send_sync::<ListItem<'_>>();
    send_sync::<ListMarker>();
    send_sync::<CrossRef<'_>>();
    send_sync::<Diagnostic>();
    send_sync::<DiagnosticKind>();
    send_sync::<ParseError>();
    send_sync::<ErrorKind>();
    send_sync::<ParseOptions>();
    send_sync::<Span>();
    send_sync::<OutlineRow<'_>>();
    send_sync::<Role>();
    send_sync::<Text<'_>>();
}

#[test]
fn parse_error_is_a_std_error() {
    fn std_error<T: std::error::Error + Send + Sync + 'static>() {}
    std_error::<ParseError>();
}

#[test]
fn into_owned_gives_an_equal_static_page() {
    let source = FULL_PAGE.to_string();
    let borrowed = parse(&source);
    let copy: Page<'static> = borrowed.clone().into_owned();
    owned(&copy);
    assert_eq!(copy, borrowed);
    // The copy outlives its source.
    drop(borrowed);
    drop(source);
    assert_eq!(copy.updates.len(), 2);
    assert_eq!(
        copy.updates[0].headline.title,
        "Tall ships arrive at Skelwick"
    );
    // A copy can move to another thread.
    let handle = std::thread::spawn(move || copy.updates.len());
    assert_eq!(handle.join().ok(), Some(2));
}

// ---------------------------------------------------------------------------
// Borrowing.
// ---------------------------------------------------------------------------

/// Every text of a page, with where it is.
fn texts<'p, 'a>(page: &'p Page<'a>) -> Vec<(&'static str, &'p Cow<'a, str>)> {
    let mut out: Vec<(&'static str, &'p Cow<'a, str>)> = Vec::new();
    out.extend(page.preamble.iter().map(|p| ("preamble", &p.text)));
    out.extend(page.header.iter().map(|h| ("header", &h.text)));
    out.extend(
        page.ads
            .iter()
            .filter_map(|a| a.remnant.as_ref().map(|r| ("ad remnant", r))),
    );
    for f in page.footer.iter().flat_map(|f| &f.lines) {
        out.push(("footer", &f.text));
    }
    for u in &page.updates {
        if let Some(b) = &u.byline {
            out.push(("byline", &b.text));
            match &b.kind {
                BylineKind::Section(s) => out.push(("section", s)),
                BylineKind::Person(p) => {
                    out.push(("person", &p.name));
                    for x in [&p.outlet, &p.role, &p.handle].into_iter().flatten() {
                        out.push(("person part", x));
                    }
                }
                BylineKind::Empty => {}
            }
        }
        let h = &u.headline;
        out.push(("headline", &h.text));
        out.push(("title", &h.title));
        out.extend(h.label.iter().map(|l| ("label", l)));
        for b in &u.blocks {
            match b {
                Block::Paragraph(p) => out.push(("paragraph", &p.text)),
                Block::Subheading(s) => out.push(("subheading", &s.text)),
                Block::Caption(c) => {
                    out.push(("caption", &c.text));
                    out.push(("description", &c.description));
                    out.extend(c.alt.iter().map(|a| ("alt", a)));
                    out.extend(c.credit.iter().map(|k| ("credit", &k.source)));
                }
                Block::Quote(q) => {
                    out.push(("quote", &q.text));
                    out.push(("quoted", &q.quoted));
                    out.extend(q.rest.iter().map(|r| ("rest", r)));
                    if let Some(s) = &q.speaker {
                        out.push(("speaker", &s.name));
                        out.extend(s.resolved.iter().map(|r| ("resolved", r)));
                    }
                }
                Block::BlockQuote(bq) => {
                    out.extend(bq.paragraphs.iter().map(|p| ("blockquote", &p.text)));
                    if let Some(a) = &bq.attribution {
                        out.push(("attribution", &a.text));
                        out.push(("source", &a.source));
                    }
                }
                Block::Report(r) => {
                    out.push(("report", &r.text));
                    out.extend(r.reporter.iter().map(|n| ("reporter", n)));
                }
                Block::List(l) => out.extend(l.items.iter().map(|i| ("item", &i.text))),
                Block::CrossRef(c) => {
                    out.push(("crossref", &c.text));
                    out.extend(c.target.iter().map(|t| ("target", t)));
                }
            }
        }
    }
    out
}

#[test]
fn text_borrows_the_source() {
    let page = parse(FULL_PAGE);
    let all = texts(&page);
    assert!(all.len() >= 40, "the page has every element: {}", all.len());
    for (what, text) in &all {
        match text {
            Cow::Borrowed(s) => {
                // Borrowed from this very source.
                let start = s.as_ptr() as usize - FULL_PAGE.as_ptr() as usize;
                assert!(start + s.len() <= FULL_PAGE.len(), "{what} {s:?}");
            }
            Cow::Owned(s) => panic!("{what} {s:?} is owned on an LF page"),
        }
    }
    // The kinds of element the page was built to show are all there.
    let roles: Vec<Role> = outline(FULL_PAGE).iter().map(|r| r.role).collect();
    for role in [
        Role::Preamble,
        Role::Header,
        Role::Ad,
        Role::Byline,
        Role::Headline,
        Role::Paragraph,
        Role::Caption,
        Role::Quote,
        Role::Report,
        Role::Blockquote,
        Role::Attribution,
        Role::Subheading,
        Role::ListItem,
        Role::Crossref,
        Role::Footer,
    ] {
        assert!(roles.contains(&role), "{role} missing: {roles:?}");
    }
}

// ---------------------------------------------------------------------------
// serde.
// ---------------------------------------------------------------------------

#[test]
fn serde_json_round_trip() {
    for source in [
        FULL_PAGE.to_string(),
        FULL_PAGE.replace('\n', "\r\n"),
        format!("\u{feff}{}", FULL_PAGE.replace('\n', "\r")),
        // A cut page with diagnostics and a dangling byline.
        "Lead in\n\nLive updates\n\nSkelwick pier shut\n\nThe ferry at the quay Credit:\n\n\u{2013} the council\n\n  1.".to_string(),
        String::new(),
    ] {
        let page = parse(&source);
        let json = serde_json::to_string(&page).expect("a page serializes");
        let back: Page<'_> = serde_json::from_str(&json).expect("and deserializes");
        assert_eq!(back, page, "{json}");
        // And through a `serde_json::Value` tree, which owns its text.
        let value = serde_json::to_value(&page).expect("serializes to a value");
        let json2 = serde_json::to_string(&value).expect("a value serializes");
        let back2: Page<'_> = serde_json::from_str(&json2).expect("deserializes");
        assert_eq!(back2, page);
    }
}

#[test]
fn serde_json_names() {
    let page = parse(FULL_PAGE);
    let value = serde_json::to_value(&page).expect("serializes");
    assert_eq!(value["layout"], "spaced");
    assert_eq!(value["header"]["kind"], "live");
    assert_eq!(value["updates"][0]["headline"]["label"], "WATCH");
    assert_eq!(value["updates"][0]["byline"]["marker"], "numbered");
    assert_eq!(value["updates"][0]["blocks"][0]["type"], "paragraph");
    assert_eq!(value["ads"][0]["position"], "before_updates");
    assert_eq!(value["ads"][1]["position"]["after_update"]["after"], 0);
    assert_eq!(value["footer"]["lines"][0]["kind"], "load_more");
    assert_eq!(value["diagnostics"][0]["kind"], "text_before_header");
    // Roles serialize as the outline prints them.
    for role in [Role::ListItem, Role::Crossref, Role::Blockquote] {
        let json = serde_json::to_value(role).expect("serializes");
        assert_eq!(json, role.as_str());
        assert_eq!(Role::from_name(role.as_str()), Some(role));
    }
}

#[test]
fn serde_round_trip_of_values_built_by_hand() {
    let update = Update {
        span: Span::new(0, 10),
        byline: Some(Byline {
            span: Span::new(0, 3),
            marker: BylineMarker::Dash,
            text: Cow::Borrowed("Ada Quennell (@ada)"),
            kind: BylineKind::Person(Person {
                name: "Ada Quennell".into(),
                outlet: None,
                role: None,
                handle: Some("@ada".into()),
            }),
            remnant: Some("Read the full story \u{203a}".into()),
        }),
        headline: Headline {
            span: Span::new(4, 10),
            text: "Tide \"tables\" out\nnow".into(),
            label: None,
            title: "Tide \"tables\" out\nnow".into(),
            remnant: None,
        },
        blocks: vec![Block::List(List {
            span: Span::new(5, 9),
            items: vec![ListItem {
                span: Span::new(5, 9),
                marker: ListMarker::MiddleDot,
                text: "caf\u{e9}".into(),
            }],
        })],
    };
    let json = serde_json::to_string(&update).expect("serializes");
    let back: Update<'_> = serde_json::from_str(&json).expect("deserializes");
    assert_eq!(back, update);
    let ad = AdSlot {
        span: Span::new(1, 2),
        position: AdPosition::InUpdate {
            update: 3,
            blocks_before: 2,
        },
        remnant: None,
    };
    let json = serde_json::to_string(&ad).expect("serializes");
    assert_eq!(
        json,
        r#"{"span":{"start":1,"end":2},"position":{"in_update":{"update":3,"blocks_before":2}},"remnant":null}"#
    );
    assert_eq!(serde_json::from_str::<AdSlot<'_>>(&json).ok(), Some(ad));
}

// ---------------------------------------------------------------------------
// Span::line_col.
// ---------------------------------------------------------------------------

#[test]
fn line_col_for_each_line_end() {
    // The same three lines, `ab`, `cé` and `f`, with each line end.
    for (source, starts) in [
        ("ab\nc\u{e9}\nf", [0, 3, 7]),
        ("ab\r\nc\u{e9}\r\nf", [0, 4, 9]),
        ("ab\rc\u{e9}\rf", [0, 3, 7]),
    ] {
        let at = |i: usize| Span::new(i, i).line_col(source);
        assert_eq!(at(starts[0]), (1, 1), "{source:?}");
        assert_eq!(at(starts[0] + 1), (1, 2), "{source:?}");
        // The first line end stands at column 3 of line 1.
        assert_eq!(at(2), (1, 3), "{source:?}");
        assert_eq!(at(starts[1]), (2, 1), "{source:?}");
        // Columns count characters: `é` is two bytes, one column.
        assert_eq!(at(starts[1] + 1), (2, 2), "{source:?}");
        assert_eq!(at(starts[1] + 3), (2, 3), "{source:?}");
        assert_eq!(at(starts[2]), (3, 1), "{source:?}");
        // The end of the source: after the last character.
        assert_eq!(at(source.len()), (3, 2), "{source:?}");
        // Offsets past the end, or inside a character, are clamped.
        assert_eq!(at(source.len() + 10), (3, 2), "{source:?}");
        assert_eq!(at(starts[1] + 2), (2, 2), "{source:?}");
    }
    // Blank lines count; a lone CR followed by LF is one CRLF, but CR CR is two.
    assert_eq!(Span::new(4, 4).line_col("a\n\n\nb"), (4, 1));
    assert_eq!(Span::new(5, 5).line_col("a\r\n\r\nb"), (3, 1));
    assert_eq!(Span::new(3, 3).line_col("a\r\rb"), (3, 1));
    assert_eq!(Span::new(4, 4).line_col("a\n\r\rb"), (4, 1));
    // Only `start` matters.
    assert_eq!(Span::new(3, 100).line_col("ab\ncd"), (2, 1));
    // A byte-order mark is a character of line 1.
    assert_eq!(Span::new(3, 3).line_col("\u{feff}ab"), (1, 2));
}

#[test]
fn line_col_of_parsed_nodes() {
    for end in ["\n", "\r\n", "\r"] {
        let source = FULL_PAGE.replace('\n', end);
        let page = parse(&source);
        let header = page.header.as_ref().map(|h| h.span.line_col(&source));
        assert_eq!(header, Some((4, 1)), "{end:?}");
        let byline = page.updates[0]
            .byline
            .as_ref()
            .map(|b| b.span.line_col(&source));
        assert_eq!(byline, Some((8, 3)), "{end:?}");
        let headline = page.updates[1].headline.span.line_col(&source);
        assert_eq!(headline, (28, 1), "{end:?}");
        // Every outline row's line is the line of the node it came from.
        for row in outline(&source) {
            let at = row.text.as_ptr() as usize - source.as_ptr() as usize;
            assert_eq!(Span::new(at, at).line_col(&source), (row.line, 1), "{row}");
        }
    }
}

/// A byte offset inside a CRLF (at its LF) still belongs to the line the
/// CRLF ends: the two bytes are one line end.
#[test]
fn line_col_inside_crlf() {
    assert_eq!(Span::new(3, 3).line_col("ab\r\ncd"), (1, 4));
}
