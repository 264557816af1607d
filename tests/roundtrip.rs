//! Render → parse is the identity, spans aside.
//!
//! For a page text `text1`: `page1 = parse(text1)`, `text2 = page1.to_string()`,
//! `page2 = parse(text2)`; then `page1 == page2` once every span is cleared,
//! and rendering `page2` gives `text2` again (rendering is stable).
//!
//! The texts come from three places: a small generator of the format's
//! elements (invented sentences, both layouts, mixed gaps and line ends), the
//! two seeds, and every page of `tests/cases.md`.
#![cfg(feature = "serde")]

use liveupdates::{parse, Page};
use proptest::prelude::*;
use serde_json::Value;
use std::path::Path;

// ---------------------------------------------------------------------------
// The round trip and its comparison
// ---------------------------------------------------------------------------

/// The page as JSON with every `"span"` key removed, at any depth.
fn without_spans(page: &Page<'_>) -> Value {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(map) => {
                map.remove("span");
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(page).unwrap_or(Value::Null);
    strip(&mut v);
    v
}

/// The path to the first place where `a` and `b` differ, with both values.
fn first_difference(a: &Value, b: &Value, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, va) in x {
                let here = format!("{path}.{k}");
                match y.get(k) {
                    Some(vb) => {
                        if let Some(d) = first_difference(va, vb, &here) {
                            return Some(d);
                        }
                    }
                    None => return Some(format!("{here}: only in page1")),
                }
            }
            y.keys()
                .find(|k| !x.contains_key(*k))
                .map(|k| format!("{path}.{k}: only in page2"))
        }
        (Value::Array(x), Value::Array(y)) => {
            for (i, (va, vb)) in x.iter().zip(y).enumerate() {
                if let Some(d) = first_difference(va, vb, &format!("{path}[{i}]")) {
                    return Some(d);
                }
            }
            (x.len() != y.len()).then(|| {
                format!(
                    "{path}: {} items in page1, {} in page2\n  page1: {}\n  page2: {}",
                    x.len(),
                    y.len(),
                    a,
                    b
                )
            })
        }
        _ => (a != b).then(|| format!("{path}:\n  page1: {a}\n  page2: {b}")),
    }
}

/// Parse → render → parse → render; `Err` says what broke.
fn roundtrip(text1: &str) -> Result<(), String> {
    let page1 = parse(text1);
    let text2 = page1.to_string();
    let page2 = parse(&text2);
    let (v1, v2) = (without_spans(&page1), without_spans(&page2));
    if let Some(diff) = first_difference(&v1, &v2, "page") {
        return Err(format!(
            "parse(render(page)) differs at {diff}\n--- text1 ---\n{text1}\n--- text2 ---\n{text2}\n---"
        ));
    }
    let text3 = page2.to_string();
    if text3 != text2 {
        return Err(format!(
            "rendering is not stable\n--- text2 ---\n{text2}\n--- text3 ---\n{text3}\n---"
        ));
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Seeds and conformance cases
// ---------------------------------------------------------------------------

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn seeds_round_trip() {
    let mut names: Vec<_> = std::fs::read_dir(manifest().join("seeds"))
        .expect("seeds/ is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 2, "seeds/ holds two pages");
    let failures: Vec<String> = names
        .iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(p).expect("seed is UTF-8");
            roundtrip(&text)
                .err()
                .map(|e| format!("{}: {e}", p.display()))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// One page of `tests/cases.md`: its id and its text with its tag applied.
struct Case {
    id: String,
    text: String,
}

/// Every case of `tests/cases.md` (see that file's first paragraph).
fn cases() -> Vec<Case> {
    let md = std::fs::read_to_string(manifest().join("tests/cases.md")).expect("cases.md");
    let mut out = Vec::new();
    let mut lines = md.lines();
    let mut id = String::new();
    let mut tag = "";
    while let Some(line) = lines.next() {
        if let Some(h) = line.strip_prefix("## ") {
            id = h.trim().to_string();
            tag = "";
        } else if line.starts_with('[') && !id.is_empty() && tag.is_empty() {
            tag = ["[crlf]", "[cr]", "[bom]", "[no-final-newline]"]
                .into_iter()
                .find(|t| line.starts_with(t))
                .unwrap_or("");
        } else if line == "~~~page" {
            let body: Vec<&str> = lines.by_ref().take_while(|l| *l != "~~~").collect();
            let mut text = body.join("\n");
            text.push('\n');
            let text = match tag {
                "[crlf]" => text.replace('\n', "\r\n"),
                "[cr]" => text.replace('\n', "\r"),
                "[bom]" => format!("\u{feff}{text}"),
                "[no-final-newline]" => text[..text.len() - 1].to_string(),
                _ => text,
            };
            out.push(Case {
                id: id.clone(),
                text,
            });
        }
    }
    out
}

#[test]
fn cases_md_is_read_whole() {
    let cases = cases();
    assert!(cases.len() >= 93, "{} cases read", cases.len());
    let crlf = cases.iter().find(|c| c.id == "crlf-goal-headline");
    assert!(crlf.is_some_and(|c| c.text.contains("\r\n")));
    let cut = cases.iter().find(|c| c.id == "byline-bare-marker-at-cut");
    assert!(cut.is_some_and(|c| c.text.ends_with("  1.")));
}

#[test]
fn every_case_in_cases_md_round_trips() {
    let failures: Vec<String> = cases()
        .iter()
        .filter_map(|c| {
            roundtrip(&c.text)
                .err()
                .map(|e| format!("## {}\n{e}", c.id))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} cases fail to round-trip:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

// ---------------------------------------------------------------------------
// The generator: page text from a small grammar of the format's elements.
// All names and sentences are invented.
// ---------------------------------------------------------------------------

const PLACES: &[&str] = &[
    "Kelby",
    "Marsham",
    "Upper Tolworth",
    "Brindle Bay",
    "Ostley",
    "Farrowdale",
];
const PEOPLE: &[&str] = &[
    "Ana Roe",
    "Tom Vell",
    "Priya Nand",
    "Owen Hale",
    "Lise Marr",
];
const HANDLES: &[&str] = &["@anaroe", "@tomvell_news", "@priyan"];
const OUTLETS: &[&str] = &["Vale TV News", "The Ostley Courier"];
const ROLES: &[&str] = &["Weather Presenter", "Political Editor", "harbour master"];
const SUBJECTS: &[&str] = &[
    "The council",
    "Police",
    "Engineers",
    "Volunteers",
    "The ferry operator",
    "Residents",
];
const VERBS: &[&str] = &[
    "have reopened",
    "will inspect",
    "said they had closed",
    "are still checking",
    "have repainted",
];
const OBJECTS: &[&str] = &[
    "the harbour wall",
    "the old library",
    "the Ostley road",
    "two footbridges",
    "the bus station",
];
const TAILS: &[&str] = &[
    "after the storm",
    "on Monday morning",
    "for the second time this year",
    "ahead of the weekend",
    "at a cost of £40,000",
];
const THINGS: &[&str] = &[
    "Harbour wall",
    "Library",
    "Footbridge",
    "Bus station",
    "Ferry service",
    "Swimming pool",
];
const STATES: &[&str] = &[
    "reopens",
    "closed after flooding",
    "to be rebuilt",
    "saved by campaigners",
    "shut for repairs",
];

fn pick(xs: &'static [&'static str]) -> impl Strategy<Value = &'static str> + Clone {
    prop::sample::select(xs)
}

/// A plain news sentence ending in a full stop.
fn sentence() -> impl Strategy<Value = String> + Clone {
    (pick(SUBJECTS), pick(VERBS), pick(OBJECTS), pick(TAILS))
        .prop_map(|(s, v, o, t)| format!("{s} {v} {o} {t}."))
}

/// A paragraph line: one or two sentences.
fn paragraph_line() -> impl Strategy<Value = String> + Clone {
    prop_oneof![
        sentence(),
        (sentence(), sentence()).prop_map(|(a, b)| format!("{a} {b}")),
    ]
}

/// `Thing state in Place`, plain.
fn title() -> impl Strategy<Value = String> + Clone {
    (pick(THINGS), pick(STATES), pick(PLACES)).prop_map(|(t, s, p)| format!("{t} {s} in {p}"))
}

/// A headline, with the endings, labels and quotes the format lists.
fn headline() -> impl Strategy<Value = String> + Clone {
    prop_oneof![
        4 => title(),
        1 => (pick(THINGS), pick(PLACES)).prop_map(|(t, p)| format!("Will the {} in {p} reopen?", t.to_lowercase())),
        1 => title().prop_map(|t| format!("{t}!")),
        1 => title().prop_map(|t| format!("{t}...")),
        1 => (title(), pick(PEOPLE)).prop_map(|(t, n)| format!("{t} - {n}")),
        1 => (pick(&["WATCH", "VIDEO", "Special Report", "Reports"]), title())
            .prop_map(|(l, t)| format!("{l}: {t}")),
        1 => (pick(PLACES), pick(PEOPLE)).prop_map(|(p, n)| format!("'Worst floods in {p} for years' says {n}")),
        1 => (pick(&["\"", "'", "“"]), pick(PLACES)).prop_map(|(q, p)| {
            let close = if q == "“" { "”" } else { q };
            format!("{q}We will not give up on {p}{close}")
        }),
    ]
}

/// What an element of a generated page is, for the gaps around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Chrome,
    Byline,
    Headline,
    Text,
    Caption,
    Attribution,
    Items,
    Footer,
}

/// One element of a page: its kind and its lines (no blank line among them).
type Element = (Kind, Vec<String>);

fn el(kind: Kind, line: impl Into<String>) -> Element {
    (kind, vec![line.into()])
}

/// Whether the format lets `next` follow `prev` with no blank line
/// (FORMAT.md, "Lines").
fn may_glue(prev: Kind, next: Kind) -> bool {
    use Kind::*;
    matches!(
        (prev, next),
        (Caption, Caption)
            | (Attribution, Caption)
            | (Attribution, Byline)
            | (Attribution, Footer)
            | (Caption, Items)
            | (Items, Byline)
    )
}

/// A byline above a headline: numbered in each form, or a bare region.
fn spaced_byline() -> impl Strategy<Value = String> + Clone {
    prop_oneof![
        5 => numbered_byline(),
        1 => pick(PLACES).prop_map(String::from),
    ]
}

fn numbered_byline() -> impl Strategy<Value = String> + Clone {
    prop_oneof![
        pick(PLACES).prop_map(|p| format!("  1. {p}")),
        pick(&["National", "Midlands"]).prop_map(|p| format!("  1. {p}")),
        (pick(PEOPLE), pick(OUTLETS)).prop_map(|(n, o)| format!("  1. {n}, {o}")),
        (pick(PEOPLE), pick(ROLES)).prop_map(|(n, r)| format!("  1. {n}: {r}")),
        (pick(PEOPLE), pick(HANDLES)).prop_map(|(n, h)| format!("  1. {n} ({h})")),
        pick(PEOPLE).prop_map(|n| format!("  1. {n}")),
    ]
}

fn credit_source() -> impl Strategy<Value = String> + Clone {
    prop_oneof![
        pick(&[
            "PA",
            "Vale TV",
            "Ostley Council",
            "Agency/PA Wire",
            "@kelbyweather",
            "Reuters!"
        ])
        .prop_map(String::from),
        pick(PEOPLE).prop_map(String::from),
    ]
}

/// One caption line: description (maybe empty) and credit.
fn caption_line() -> impl Strategy<Value = String> + Clone {
    let description = (
        pick(&["Crews at", "A view of", "Water over", "Scaffolding on"]),
        pick(OBJECTS),
    )
        .prop_map(|(a, o)| format!("{a} {o}"));
    prop_oneof![
        3 => (description.clone(), credit_source()).prop_map(|(d, c)| format!("{d}. Credit: {c}")),
        2 => (description.clone(), credit_source()).prop_map(|(d, c)| format!("{d} Credit: {c}")),
        1 => credit_source().prop_map(|c| format!("Credit: {c}")),
        1 => (description, pick(PEOPLE)).prop_map(|(d, n)| format!("{d}. Video Credit: {n}")),
    ]
}

fn quote_line() -> impl Strategy<Value = String> + Clone {
    let marks = pick(&["\"|\"", "“|”", "'|'", "‘|’"]);
    (marks, pick(OBJECTS), pick(PEOPLE), pick(ROLES), 0..3usize).prop_map(|(m, o, n, r, form)| {
        let (open, close) = m.split_once('|').unwrap_or(("\"", "\""));
        match form {
            0 => format!("{open}We will have {o} open by Friday,{close} {n} said."),
            1 => format!("{open}It has been a long week for everyone.{close} said {n}, the {r}."),
            _ => format!("{open}We are grateful to everyone who helped,{close} the council said."),
        }
    })
}

/// A block quote: first-person paragraphs after a colon line, or quoted
/// paragraphs (marks opening each, or only a stray closing one), then the
/// attribution.
fn block_quote() -> impl Strategy<Value = Vec<Element>> + Clone {
    let statement = pick(&[
        "We are working to reopen the road as soon as we safely can.",
        "We know this has been hard for families and we thank them for their patience.",
        "Our teams will stay on site through the night.",
    ]);
    (
        0..3usize,
        pick(&["A spokesperson said:", "In a statement, the trust said:"]),
        prop::collection::vec(statement, 1..3),
        pick(&["–", "—", "-"]),
        pick(PEOPLE),
        pick(ROLES),
    )
        .prop_map(|(form, intro, paras, dash, n, r)| {
            let mut out = Vec::new();
            let last = paras.len() - 1;
            match form {
                0 => {
                    out.push(el(Kind::Text, intro));
                    out.extend(paras.iter().map(|p| el(Kind::Text, *p)));
                }
                1 => out.extend(paras.iter().map(|p| el(Kind::Text, format!("“{p}”")))),
                _ => out.extend(paras.iter().enumerate().map(|(i, p)| {
                    el(
                        Kind::Text,
                        if i == last {
                            format!("{p}\"")
                        } else {
                            p.to_string()
                        },
                    )
                })),
            }
            out.push(el(Kind::Attribution, format!("{dash} {n}, {r}")));
            out
        })
}

/// A quotation over two paragraphs, only the last closing it; the second
/// may open with a mark or with `…`.
fn running_quote() -> impl Strategy<Value = Vec<Element>> + Clone {
    (pick(&["\"", "“", "'"]), any::<bool>(), pick(PEOPLE)).prop_map(|(open, ellipsis, n)| {
        let close = if open == "“" { "”" } else { open };
        let second = if ellipsis {
            format!("…and we will be back tomorrow,{close} {n} said.")
        } else {
            format!("{open}It has been a long day,{close} {n} said.")
        };
        vec![
            el(
                Kind::Text,
                format!("{open}We have been here since six this morning."),
            ),
            el(Kind::Text, second),
        ]
    })
}

fn report_line() -> impl Strategy<Value = String> + Clone {
    (pick(PEOPLE), 0..5usize).prop_map(|(n, form)| match form {
        0 => format!("{n} reports:"),
        1 => format!("{n} has the story:"),
        2 => format!("Video report by {n}."),
        3 => "Watch the debate here.".to_string(),
        _ => format!("{n} has been finding out more."),
    })
}

/// A colon line and the bullet items under it.
fn list(marker: &'static str) -> impl Strategy<Value = Vec<Element>> + Clone {
    (
        pick(&[
            "These roads are closed:",
            "The following services are affected;",
        ]),
        prop::collection::vec(pick(PLACES), 1..4),
        any::<bool>(),
    )
        .prop_map(move |(intro, places, numbered)| {
            let items = places
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    if numbered {
                        format!("{marker}{}.) {p} Road", i + 1)
                    } else {
                        format!("{marker}{p} Road")
                    }
                })
                .collect();
            vec![el(Kind::Text, intro), (Kind::Items, items)]
        })
}

fn cross_ref() -> impl Strategy<Value = String> + Clone {
    prop_oneof![
        title().prop_map(|t| format!("Read More: {t}")),
        title().prop_map(|t| format!("More: {t}")),
        Just("Find out more here.".to_string()),
        Just("Click here for more details.".to_string()),
    ]
}

/// The blocks of a spaced update, as elements.
fn spaced_block() -> impl Strategy<Value = Vec<Element>> + Clone {
    prop_oneof![
        6 => paragraph_line().prop_map(|p| vec![el(Kind::Text, p)]),
        1 => (paragraph_line(), paragraph_line()).prop_map(|(a, b)| vec![(Kind::Text, vec![a, b])]),
        2 => caption_line().prop_map(|c| vec![el(Kind::Caption, c)]),
        1 => (pick(&["A crane beside the harbour", "Flood water on a street"]), caption_line())
            .prop_map(|(alt, c)| vec![(Kind::Caption, vec![alt.to_string(), c])]),
        1 => prop::collection::vec(caption_line(), 2..4).prop_map(|g| vec![(Kind::Caption, g)]),
        2 => quote_line().prop_map(|q| vec![el(Kind::Text, q)]),
        1 => running_quote(),
        2 => block_quote(),
        1 => report_line().prop_map(|r| vec![el(Kind::Text, r)]),
        1 => list("  • "),
        1 => list("· "),
        1 => (caption_line(), list("  • ")).prop_map(|(c, mut l)| {
            // Bullets under a caption, with no colon line.
            l[0] = el(Kind::Caption, c);
            l
        }),
        1 => cross_ref().prop_map(|c| vec![el(Kind::Text, c)]),
        1 => Just(vec![el(Kind::Text, "What happens next?")]),
    ]
}

fn spaced_update() -> impl Strategy<Value = Vec<Element>> + Clone {
    (
        prop::option::weighted(0.4, spaced_byline()),
        headline(),
        prop::collection::vec(spaced_block(), 0..4),
    )
        .prop_map(|(byline, head, blocks)| {
            let mut out: Vec<Element> = byline.into_iter().map(|b| el(Kind::Byline, b)).collect();
            out.push(el(Kind::Headline, head));
            out.extend(blocks.into_iter().flatten());
            out
        })
}

/// A story page's headline and standfirst above the header.
fn preamble() -> impl Strategy<Value = Vec<Element>> + Clone {
    (title(), sentence()).prop_map(|(t, s)| vec![el(Kind::Chrome, t), el(Kind::Chrome, s)])
}

/// The header, a count line in its place, or none.
fn header() -> impl Strategy<Value = Option<String>> + Clone {
    prop_oneof![
        6 => pick(&["Live updates", "Live news stream", "LIVE UPDATES"]).prop_map(|h| Some(h.to_string())),
        1 => (2..30u8).prop_map(|n| Some(format!("- {n} updates"))),
        1 => Just(None),
    ]
}

fn spaced_footer() -> impl Strategy<Value = Option<Element>> + Clone {
    prop::option::weighted(
        0.7,
        prop_oneof![
            4 => pick(&[
                "Load more updates",
                "Load more updates Back to top",
                "Back to top",
            ])
            .prop_map(|f| el(Kind::Footer, f)),
            1 => prop::collection::vec(title(), 1..3).prop_map(|related| {
                let mut lines = vec!["Latest Vale TV reports".to_string()];
                lines.extend(related);
                (Kind::Footer, lines)
            }),
        ],
    )
}

/// A spaced page: elements apart by one or two blank lines (none where the
/// format allows), LF, CRLF or CR line ends, some trailing white space.
fn spaced_page() -> impl Strategy<Value = String> {
    let gap = prop_oneof![2 => Just(0usize), 6 => Just(1), 2 => Just(2)];
    (
        prop::option::weighted(0.2, preamble()),
        header(),
        any::<bool>(),
        prop::collection::vec((spaced_update(), any::<bool>()), 0..5),
        spaced_footer(),
        prop::collection::vec(gap, 64),
        pick(&["\n", "\r\n", "\r"]),
        any::<bool>(),
    )
        .prop_map(
            |(pre, head, ad_first, updates, footer, gaps, nl, trailing)| {
                let mut elements: Vec<Element> = pre.unwrap_or_default();
                elements.extend(head.map(|h| el(Kind::Chrome, h)));
                if ad_first {
                    elements.push(el(Kind::Chrome, "Advertisement"));
                }
                for (update, ad_after) in updates {
                    elements.extend(update);
                    if ad_after {
                        elements.push(el(Kind::Chrome, "Advertisement"));
                    }
                }
                elements.extend(footer);
                let mut text = String::new();
                for (i, (kind, lines)) in elements.iter().enumerate() {
                    if i > 0 {
                        let mut gap = gaps.get(i % gaps.len()).copied().unwrap_or(1);
                        if gap == 0 && !may_glue(elements[i - 1].0, *kind) {
                            gap = 1;
                        }
                        for g in 0..gap {
                            if trailing && g == 1 {
                                text.push_str("   ");
                            }
                            text.push_str(nl);
                        }
                    }
                    for (j, line) in lines.iter().enumerate() {
                        text.push_str(line);
                        if trailing && (i + j) % 3 == 0 {
                            text.push_str(" \t");
                        }
                        text.push_str(nl);
                    }
                }
                text
            },
        )
}

const REMNANT: &str = "Read the full story ›";

/// A dash-layout update: lines only, no blank lines.
fn compact_update() -> impl Strategy<Value = Vec<String>> + Clone {
    let byline = prop_oneof![
        Just("- Vale TV Report".to_string()),
        (pick(PEOPLE), pick(HANDLES)).prop_map(|(n, h)| format!("- {n} ({h})")),
        pick(PEOPLE).prop_map(|n| format!("- {n}")),
    ];
    let block = prop_oneof![
        4 => paragraph_line().prop_map(|p| vec![p]),
        1 => caption_line().prop_map(|c| vec![c]),
        1 => list("- ").prop_map(|e| e.into_iter().flat_map(|(_, lines)| lines).collect()),
    ];
    (
        prop::option::weighted(0.5, byline),
        headline(),
        prop::collection::vec(block, 0..3),
        any::<bool>(),
    )
        .prop_map(|(byline, head, blocks, glued)| {
            let mut lines = Vec::new();
            match (byline, glued) {
                (Some(b), true) => lines.extend([format!("{REMNANT}{b}"), head]),
                (Some(b), false) => lines.extend([b, head]),
                (None, true) => lines.push(format!("{REMNANT}{head}")),
                (None, _) => lines.push(head),
            }
            lines.extend(blocks.into_iter().flatten());
            lines
        })
}

/// A dash-layout page: region and count lines above the story, no blank lines.
fn compact_page() -> impl Strategy<Value = String> {
    (
        pick(PLACES),
        1..20u8,
        title(),
        sentence(),
        prop::collection::vec((compact_update(), 0..3u8), 1..5),
        prop::option::of(prop::collection::vec(title(), 1..3)),
    )
        .prop_map(|(region, count, story, standfirst, updates, related)| {
            let mut lines = vec![
                format!("- {region}"),
                format!("- {count} updates"),
                story,
                standfirst,
                "Live updates".to_string(),
            ];
            for (update, ad) in updates {
                lines.extend(update);
                match ad {
                    1 => lines.push("Advertisement".to_string()),
                    2 => lines.push(format!("{REMNANT}Advertisement")),
                    _ => {}
                }
            }
            if let Some(related) = related {
                lines.push("Latest Vale TV reports".to_string());
                lines.extend(related);
            }
            let mut text = lines.join("\n");
            text.push('\n');
            text
        })
}

/// Any generated page, now and then cut at a character boundary.
fn page_text() -> impl Strategy<Value = String> {
    (
        prop_oneof![3 => spaced_page(), 1 => compact_page()],
        prop::option::weighted(0.15, 0.0..1.0f64),
    )
        .prop_map(|(text, cut)| match cut {
            Some(at) => {
                let mut i = (text.len() as f64 * at) as usize;
                while !text.is_char_boundary(i) {
                    i -= 1;
                }
                text[..i].to_string()
            }
            None => text,
        })
}

proptest! {
    #![proptest_config(ProptestConfig {
        // PROPTEST_CASES overrides the count, for a longer search.
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(256),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn render_then_parse_is_identity_on_generated_pages(text in page_text()) {
        if let Err(e) = roundtrip(&text) {
            return Err(TestCaseError::fail(e));
        }
    }
}

// ---------------------------------------------------------------------------
// Named regressions: minimal inputs the property test has failed on.
// ---------------------------------------------------------------------------

#[test]
fn empty_text_round_trips() {
    assert_eq!(roundtrip(""), Ok(()));
}

/// A line with a glued `Read the full story ›` remnant, under a
/// headline-only update in the dash layout, starts the next update (it was
/// once read as a caption, and its remnant dropped).
#[test]
fn glued_remnant_line_after_headline_keeps_its_remnant() {
    let text = "Live updates\nBridge shut in Kelby\n\
                Read the full story ›Harbour wall reopens in Kelby\n\
                Crews at work. Credit: PA\n";
    assert_eq!(roundtrip(text), Ok(()));
}

/// An alt-text line directly above a credit-only caption is a caption (it
/// was once read as a headline, and the subheading above it changed role
/// with the gap under it).
#[test]
fn alt_text_above_credit_only_caption_after_subheading() {
    let text = "Live updates\n\nBridge shut\n\nWhat happens next?\n\n\
                A crane beside the harbour\nCredit: PA\n";
    assert_eq!(roundtrip(text), Ok(()));
}

/// fuzz/roundtrip: two ad slots before a block of the same update were
/// placed one between updates and one inside the update, so the rendering
/// swapped them; a run of ads now stands where what follows the run says.
#[test]
fn a_run_of_ad_slots_inside_an_update_keeps_its_place() {
    let text = "Live updates\n\nPier reopens at Holm\n\nThe pier is open.\n\nAdvertisement\n\nAdvertisement\n\nThe pier at dusk. Credit: PA\n";
    assert_eq!(roundtrip(text), Ok(()));
    let page = parse(text);
    assert!(page.ads.iter().all(|a| a.position
        == liveupdates::AdPosition::InUpdate {
            update: 0,
            blocks_before: 1
        }));
}

/// fuzz/roundtrip: a byline, then an ad slot, then the headline: the ad
/// stands between the two updates, and the rendering keeps the page equal.
#[test]
fn an_ad_slot_between_a_byline_and_its_headline_stands_between_updates() {
    let text = "Live updates\n\nPier reopens at Holm\n\nThe pier is open.\n\n  1. Holm\n\nAdvertisement\n\nFerry sails again\n\nThe ferry is back.\n";
    assert_eq!(roundtrip(text), Ok(()));
    assert_eq!(
        parse(text).ads[0].position,
        liveupdates::AdPosition::AfterUpdate { after: 0 }
    );
}

/// fuzz/roundtrip: a long last line without a line end, but ending a
/// sentence, is not a cut: it is weighed like any line, so rendering it with
/// a line end reads back the same.
#[test]
fn a_complete_last_line_without_a_line_end_is_not_a_cut() {
    let text = "Holm pier reopens\nThe Holm pier reopened to walkers on Sunday after two years of repairs to its deck (and rails)";
    assert_eq!(roundtrip(text), Ok(()));
    assert!(!parse(text).truncated);
}

/// fuzz/roundtrip: a page whose first text opens with U+FEFF (after blank
/// lines, or after a byte-order mark) renders with a mark in front, so the
/// character stays text when read back.
#[test]
fn text_opening_with_u_feff_stays_text() {
    assert_eq!(
        roundtrip("\n\n\u{feff}Holm pier reopens\n\nWalkers are back.\n"),
        Ok(())
    );
    assert_eq!(
        roundtrip("\u{feff}\u{feff}Holm pier reopens\n\nWalkers are back.\n"),
        Ok(())
    );
}

/// fuzz/roundtrip: a byline with no headline, then ad slots, ends a cut page
/// whichever order the byline and the ads are rendered in.
#[test]
fn a_byline_before_trailing_ad_slots_marks_the_page_cut() {
    let text =
        "Live updates\n\nPier reopens at Holm\n\nThe pier is open.\n\n  1. Holm\n\nAdvertisement\n";
    assert_eq!(roundtrip(text), Ok(()));
    assert!(parse(text).truncated);
}

/// fuzz/roundtrip: a dash list item whose text is a count (`-   6 updates`)
/// rendered as `- 6 updates` read back as a count line (a paragraph inside
/// an update, the header on a page without one); it renders as
/// `-  6 updates`, which reads back as the same list item.
#[test]
fn a_dash_list_item_reading_like_a_count_line_stays_a_list_item() {
    for text in [
        "Live updates\n\nPier reopens\n\nThese schools stay closed:\n\n- Holm Primary\n-   6 updates\n",
        "Pier reopens\n\nThese schools stay closed:\n\n-   6 updates\n- Holm Primary\n",
    ] {
        assert_eq!(roundtrip(text), Ok(()));
        let page = parse(text);
        let text2 = page.to_string();
        assert!(text2.contains("\n-  6 updates\n"));
        let rendered = parse(&text2);
        for p in [&page, &rendered] {
            assert_eq!(p.updates.len(), 1);
            let items: Vec<(liveupdates::ListMarker, &str)> = p.updates[0]
                .blocks
                .iter()
                .filter_map(|b| match b {
                    liveupdates::Block::List(l) => Some(l),
                    _ => None,
                })
                .flat_map(|l| l.items.iter().map(|i| (i.marker, &*i.text)))
                .collect();
            assert!(items.contains(&(liveupdates::ListMarker::Dash, "6 updates")));
            assert_eq!(items.len(), 2);
        }
    }
}

/// fuzz/roundtrip (by hand, next to the list item above): a dash byline
/// whose text is a count (`-   6 updates` above a headline) rendered as
/// `- 6 updates` read back as the count-line header; it renders as
/// `-  6 updates`, which reads back as the same byline.
#[test]
fn a_dash_byline_reading_like_a_count_line_stays_a_byline() {
    for text in [
        "-   6 updates\n\nPier reopens\n\nThe pier is open.\n",
        "Live updates\nPier reopens\nThe pier at Holm is open to walkers again after two years of repairs.\n\
         -   6 updates\nFerry sails again\nThe ferry is back.\n",
    ] {
        assert_eq!(roundtrip(text), Ok(()));
        let page = parse(text);
        let text2 = page.to_string();
        assert!(text2.contains("-  6 updates\n"));
        for p in [&page, &parse(&text2)] {
            assert!(p.header.as_ref().is_none_or(|h| h.text != "- 6 updates"));
            let byline = p.updates.iter().find_map(|u| u.byline.as_ref());
            assert!(byline.is_some_and(|b| b.marker == liveupdates::BylineMarker::Dash
                && b.text == "6 updates"));
        }
    }
}

/// fuzz/roundtrip: a page that is all footer (three lines, a blank line
/// between the first two) rendered its footer lines glued together, which
/// read back as the compact layout; on a spaced page footer lines now stand
/// apart.
#[test]
fn a_page_of_footer_lines_keeps_its_spaced_layout() {
    let text = "Load more updates Back to top\n\n`op\n6";
    assert_eq!(roundtrip(text), Ok(()));
    let page = parse(text);
    assert_eq!(page.layout, liveupdates::Layout::Spaced);
    assert_eq!(page.footer.map(|f| f.lines.len()), Some(3));
    assert_eq!(
        parse("Live updates\n\nPier reopens\n\nLoad more updates\nBack to top\n").to_string(),
        "Live updates\n\nPier reopens\n\nLoad more updates\n\nBack to top\n"
    );
}

/// fuzz/roundtrip: a headline after a numbered byline, itself shaped like a
/// numbered byline and ending in `Credit:`, rendered without its indent,
/// read back as a caption cut before its credit: the page became truncated.
/// A caption-shaped last line cuts the page only when it was read as a
/// caption.
#[test]
fn a_headline_ending_in_a_bare_credit_does_not_cut_the_page() {
    let text = "Live updates\n\n  1. National\n\n  1. Bakery wins award for its loaf. Credit:\n";
    assert_eq!(roundtrip(text), Ok(()));
    let page = parse(text);
    assert!(!page.truncated);
    assert_eq!(
        page.updates[0].headline.text,
        "1. Bakery wins award for its loaf. Credit:"
    );
    // A caption cut before its credit still cuts the page.
    let cut = parse("Live updates\n\nBakery wins award\n\nThe winning loaf. Credit:\n");
    assert!(cut.truncated);
}
