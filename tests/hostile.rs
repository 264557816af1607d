//! Hostile input: a table of inputs that must give a clear `ParseError`
//! (with strict options or limits) or a page with diagnostics, and never a
//! panic. Every page that comes back also passes the fuzz invariants (spans
//! in bounds and ordered, no non-blank character lost).

#[path = "support/invariants.rs"]
mod invariants;

use liveupdates::{
    outline, parse, parse_bytes_with, Block, DiagnosticKind, ErrorKind, Page, ParseOptions, Role,
};

/// What a case must give.
enum Expect {
    /// A `ParseError` of this kind at this byte, 1-based line and column.
    Error {
        kind: ErrorKind,
        byte: usize,
        line: usize,
        column: usize,
    },
    /// A page, on which the function asserts (it gets the text the page was
    /// parsed from).
    Page(fn(&str, &Page<'_>)),
}

struct Case {
    name: &'static str,
    input: fn() -> Vec<u8>,
    options: ParseOptions,
    expect: Expect,
}

fn default() -> ParseOptions {
    ParseOptions::default()
}

fn strict() -> ParseOptions {
    ParseOptions {
        strict: true,
        ..ParseOptions::default()
    }
}

fn lossy() -> ParseOptions {
    ParseOptions {
        lossy: true,
        ..ParseOptions::default()
    }
}

const PAGE: &str = "Live updates\n\nCafé opens on Kelford quay\n\nThe café opened this morning.\n\nLoad more updates\n";

/// `PAGE` with `bytes` in place of the `é` of its headline (byte 20).
fn with_bad_headline(bytes: &[u8]) -> Vec<u8> {
    let at = PAGE.find("é opens").unwrap_or(0);
    let mut v = PAGE.as_bytes()[..at].to_vec();
    v.extend_from_slice(bytes);
    v.extend_from_slice(&PAGE.as_bytes()[at + 2..]);
    v
}

/// The kinds of a page's diagnostics.
fn kinds(page: &Page<'_>) -> Vec<DiagnosticKind> {
    page.diagnostics.iter().map(|d| d.kind).collect()
}

/// The words of every Unicode white-space character (those `char::is_whitespace`
/// accepts) that is not a line end.
const SPACES: &[char] = &[
    '\u{9}', '\u{b}', '\u{c}', ' ', '\u{85}', '\u{a0}', '\u{1680}', '\u{2000}', '\u{2001}',
    '\u{2002}', '\u{2003}', '\u{2004}', '\u{2005}', '\u{2006}', '\u{2007}', '\u{2008}', '\u{2009}',
    '\u{200a}', '\u{2028}', '\u{2029}', '\u{202f}', '\u{205f}', '\u{3000}',
];

/// Every Unicode dash (Pd) and the minus signs that look like one.
const DASHES: &[char] = &[
    '-', '\u{58a}', '\u{5be}', '\u{1400}', '\u{1806}', '\u{2010}', '\u{2011}', '\u{2012}',
    '\u{2013}', '\u{2014}', '\u{2015}', '\u{2e17}', '\u{2e1a}', '\u{2e3a}', '\u{2e3b}', '\u{2e40}',
    '\u{301c}', '\u{3030}', '\u{30a0}', '\u{fe31}', '\u{fe32}', '\u{fe58}', '\u{fe63}', '\u{ff0d}',
    '\u{2212}',
];

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "invalid_utf8_at_start",
            input: || {
                let mut v = vec![0xff];
                v.extend_from_slice(PAGE.as_bytes());
                v
            },
            options: default(),
            expect: Expect::Error {
                kind: ErrorKind::InvalidUtf8,
                byte: 0,
                line: 1,
                column: 1,
            },
        },
        Case {
            name: "invalid_utf8_at_start_lossy",
            input: || {
                let mut v = vec![0xff];
                v.extend_from_slice(PAGE.as_bytes());
                v
            },
            options: lossy(),
            expect: Expect::Page(|_, page| {
                // The replaced first line is no header: the page has none,
                // and the line is kept as the first headline.
                assert!(page.header.is_none());
                assert_eq!(page.updates[0].headline.text, "\u{fffd}Live updates");
                assert!(kinds(page).contains(&DiagnosticKind::NoHeader));
            }),
        },
        Case {
            name: "invalid_utf8_in_the_middle",
            // Latin-1 é (0xE9) in the headline: line 3, column 4.
            input: || with_bad_headline(&[0xe9]),
            options: default(),
            expect: Expect::Error {
                kind: ErrorKind::InvalidUtf8,
                byte: 17,
                line: 3,
                column: 4,
            },
        },
        Case {
            name: "invalid_utf8_in_the_middle_lossy",
            input: || with_bad_headline(&[0xe9]),
            options: lossy(),
            expect: Expect::Page(|_, page| {
                assert_eq!(
                    page.updates[0].headline.text,
                    "Caf\u{fffd} opens on Kelford quay"
                );
                assert!(page.diagnostics.is_empty());
            }),
        },
        Case {
            name: "invalid_utf8_overlong_and_surrogate",
            // An overlong '/' (C0 AF) and an encoded surrogate (ED A0 80).
            input: || with_bad_headline(&[0xc0, 0xaf, 0xed, 0xa0, 0x80]),
            options: default(),
            expect: Expect::Error {
                kind: ErrorKind::InvalidUtf8,
                byte: 17,
                line: 3,
                column: 4,
            },
        },
        Case {
            name: "utf8_cut_at_the_end_inside_a_character",
            // The page cut after the first byte of 'é': it parses up to the cut.
            input: || {
                let at = PAGE.find("é opens").unwrap_or(0);
                PAGE.as_bytes()[..at + 1].to_vec()
            },
            options: default(),
            expect: Expect::Page(|text, page| {
                assert_eq!(text, "Live updates\n\nCaf");
                assert_eq!(page.updates[0].headline.text, "Caf");
                assert!(page.truncated);
                assert_eq!(kinds(page), [DiagnosticKind::CutLastElement]);
            }),
        },
        Case {
            name: "utf8_cut_inside_a_four_byte_character",
            input: || "Live updates\n\nFloods \u{1f30a}".as_bytes()[..23].to_vec(),
            options: default(),
            expect: Expect::Page(|_, page| {
                assert_eq!(page.updates[0].headline.text, "Floods");
                assert!(page.truncated);
            }),
        },
        Case {
            name: "utf8_cut_inside_a_character_strict",
            input: || "Live updates\n\nFloods \u{1f30a}".as_bytes()[..24].to_vec(),
            options: strict(),
            expect: Expect::Error {
                kind: ErrorKind::Diagnostic(DiagnosticKind::CutLastElement),
                byte: 14,
                line: 3,
                column: 1,
            },
        },
        Case {
            name: "nul_bytes",
            input: || {
                b"Live updates\n\nBridge\0reopens\0\n\n\0\0\0\n\nThe bridge\0is open.\n".to_vec()
            },
            options: default(),
            expect: Expect::Page(|_, page| {
                // NUL is a character like any other: kept, never a line end.
                let u = &page.updates[0];
                assert_eq!(u.headline.text, "Bridge\0reopens\0");
                let texts: Vec<String> = u.blocks.iter().map(block_text).collect();
                assert_eq!(texts, ["\0\0\0", "The bridge\0is open."]);
            }),
        },
        Case {
            name: "lone_cr_line_ends",
            input: || PAGE.replace('\n', "\r").into_bytes(),
            options: strict(),
            expect: Expect::Page(|text, page| {
                let lf = PAGE;
                let roles = |t: &str| {
                    outline(t)
                        .iter()
                        .map(|r| (r.line, r.role))
                        .collect::<Vec<_>>()
                };
                assert_eq!(roles(text), roles(lf));
                assert_eq!(page.updates[0].headline.span.start, 14);
                assert!(page.has_more && !page.truncated);
            }),
        },
        Case {
            name: "lone_cr_after_every_character",
            input: || {
                let mut s = String::new();
                for c in PAGE.chars().filter(|c| *c != '\n') {
                    s.push(c);
                    s.push('\r');
                }
                s.into_bytes()
            },
            options: default(),
            expect: Expect::Page(|text, page| {
                // Every character is a line of its own; nothing is lost.
                assert!(page.header.is_none());
                let rows = outline(text);
                assert_eq!(
                    rows.len(),
                    text.chars().filter(|c| !c.is_whitespace()).count()
                );
                assert!(kinds(page).contains(&DiagnosticKind::NoHeader));
            }),
        },
        Case {
            name: "crlf_split_by_the_cut",
            input: || b"Live updates\r\n\r\nBridge reopens\r".to_vec(),
            options: default(),
            expect: Expect::Page(|_, page| {
                assert_eq!(page.updates[0].headline.text, "Bridge reopens");
            }),
        },
        Case {
            name: "bom_in_the_middle",
            // A BOM is skipped only at the start; elsewhere it is text, kept.
            input: || {
                "\u{feff}Live updates\n\n\u{feff}Bridge reopens\n\n\u{feff}\n\nThe bridge is open.\u{feff}\n".as_bytes().to_vec()
            },
            options: default(),
            expect: Expect::Page(|text, page| {
                assert_eq!(page.span.start, 3);
                assert!(page.header.is_some());
                let h = &page.updates[0].headline;
                assert_eq!(h.text, "\u{feff}Bridge reopens");
                assert_eq!(&text[h.span.range()], "\u{feff}Bridge reopens");
                assert_eq!(all_text(page).matches('\u{feff}').count(), 3);
            }),
        },
        Case {
            name: "ten_mb_of_one_character",
            input: || vec![b'a'; 10 << 20],
            options: default(),
            expect: Expect::Page(|_, page| {
                // One line, no header: it is kept whole.
                let kept: usize = page.preamble.iter().map(|b| b.text.len()).sum::<usize>()
                    + page
                        .updates
                        .iter()
                        .map(|u| u.headline.text.len())
                        .sum::<usize>();
                assert_eq!(kept, 10 << 20);
                assert!(kinds(page).contains(&DiagnosticKind::NoHeader));
            }),
        },
        Case {
            name: "ten_mb_of_one_character_over_the_line_limit",
            input: || vec![b'a'; 10 << 20],
            options: ParseOptions {
                max_line_len: 1 << 20,
                ..ParseOptions::default()
            },
            expect: Expect::Error {
                kind: ErrorKind::LineTooLong,
                byte: 0,
                line: 1,
                column: 1,
            },
        },
        Case {
            name: "ten_mb_of_one_multibyte_character",
            // 10 MB of '“': one unclosed quotation mark after another.
            input: || {
                let mut s = String::from("Live updates\n\nQuotes\n\n");
                s.push_str(&"“".repeat((10 << 20) / 3));
                s.into_bytes()
            },
            options: default(),
            expect: Expect::Page(|_, page| {
                assert_eq!(all_text(page).matches('“').count(), (10 << 20) / 3);
            }),
        },
        Case {
            name: "ten_mb_of_line_ends",
            input: || vec![b'\n'; 10 << 20],
            options: default(),
            expect: Expect::Page(|_, page| {
                // A blank page is an empty page: valid, nothing missing.
                assert!(page.updates.is_empty() && page.preamble.is_empty());
                assert_eq!(kinds(page), []);
            }),
        },
        Case {
            name: "headline_of_a_million_characters",
            input: || {
                let mut s = String::from("Live updates\n\n");
                s.push_str(&"Flood ".repeat(1_000_000 / 6));
                s.push_str("news\n\nThe river rose.\n");
                s.into_bytes()
            },
            options: default(),
            expect: Expect::Page(|_, page| {
                let h = &page.updates[0].headline;
                assert_eq!(h.text.chars().count(), 1_000_000 / 6 * 6 + 4);
                assert_eq!(h.span.start, 14);
            }),
        },
        Case {
            name: "headline_of_a_million_characters_over_the_line_limit",
            input: || {
                let mut s = String::from("Live updates\n\n");
                s.push_str(&"é".repeat(1_000_000));
                s.push('\n');
                s.into_bytes()
            },
            options: ParseOptions {
                max_line_len: 64 * 1024,
                ..ParseOptions::default()
            },
            expect: Expect::Error {
                kind: ErrorKind::LineTooLong,
                byte: 14,
                line: 3,
                column: 1,
            },
        },
        Case {
            name: "a_million_updates_at_the_limit",
            input: || million_updates(1_000_000),
            options: default(),
            expect: Expect::Page(|_, page| {
                assert_eq!(page.updates.len(), 1_000_000);
                assert_eq!(page.updates[999_999].headline.text, "U999999");
            }),
        },
        Case {
            name: "a_million_updates_over_the_limit",
            input: || million_updates(1_000_000),
            options: ParseOptions {
                max_updates: 999_999,
                ..ParseOptions::default()
            },
            // The 1,000,000th headline: line 5 + 4 × 999,999.
            expect: Expect::Error {
                kind: ErrorKind::TooManyUpdates,
                byte: 14 + 999_999 * 15 + 6,
                line: 5 + 4 * 999_999,
                column: 1,
            },
        },
        Case {
            name: "every_unicode_space",
            input: || {
                let mut s = String::from("Live updates\n\nFloods close Kelford bridge\n\n");
                // A line of every space is blank; each space also separates words.
                s.extend(SPACES);
                s.push('\n');
                for c in SPACES {
                    s.push_str(&format!("Water{c}rose{c}"));
                }
                s.push_str("again.\n");
                s.into_bytes()
            },
            options: default(),
            expect: Expect::Page(|_, page| {
                let u = &page.updates[0];
                assert_eq!(u.headline.text, "Floods close Kelford bridge");
                // The blank line of spaces is no block; the words line is one.
                assert_eq!(u.blocks.len(), 1);
                assert!(block_text(&u.blocks[0]).starts_with("Water\u{9}rose"));
            }),
        },
        Case {
            name: "every_unicode_dash",
            input: || {
                let mut s = String::from("Live updates\n\nFire at the mill\n\n");
                for d in DASHES {
                    s.push_str(&format!("\"We are safe,\" she said.\n\n{d} Jo Bloggs, Chief Fire Officer\n\n10am {d} doors open.\n\n"));
                }
                s.into_bytes()
            },
            options: default(),
            expect: Expect::Page(|_, page| {
                let blocks = &page.updates[0].blocks;
                let attributed: Vec<String> = blocks
                    .iter()
                    .filter_map(|b| match b {
                        Block::BlockQuote(q) => q
                            .attribution
                            .as_ref()
                            .map(|a| a.text.chars().next().unwrap_or(' ').to_string()),
                        _ => None,
                    })
                    .collect();
                // Hyphen, en and em dash attribute; the others are text.
                assert_eq!(attributed, ["-", "\u{2013}", "\u{2014}"]);
                for b in blocks {
                    if let Block::BlockQuote(q) = b {
                        assert_eq!(
                            q.attribution.as_ref().map(|a| a.source.as_ref()),
                            Some("Jo Bloggs, Chief Fire Officer")
                        );
                    }
                }
            }),
        },
        Case {
            name: "right_to_left_and_combining_marks_in_quotes",
            input: || {
                "Live updates\n\nVoices from the square\n\n\
                 “مرحبا بالعالم، نحن هنا,” said Jo Bloggs.\n\n\
                 \"Cafe\u{301} de\u{301}ja\u{300} vu\u{20dd},\" she said.\n\n\
                 \u{202e}\"reversed text\u{202c}\" and \u{200f}\u{05e9}\u{05dc}\u{05d5}\u{05dd}\n"
                    .as_bytes()
                    .to_vec()
            },
            options: default(),
            expect: Expect::Page(|_, page| {
                let quotes: Vec<_> = page.updates[0]
                    .blocks
                    .iter()
                    .filter_map(|b| match b {
                        Block::Quote(q) => Some(q),
                        _ => None,
                    })
                    .collect();
                assert_eq!(quotes[0].quoted, "مرحبا بالعالم، نحن هنا,");
                assert_eq!(
                    quotes[0].speaker.as_ref().map(|s| s.name.as_ref()),
                    Some("Jo Bloggs")
                );
                assert_eq!(
                    quotes[1].quoted,
                    "Cafe\u{301} de\u{301}ja\u{300} vu\u{20dd},"
                );
                let she = quotes[1]
                    .speaker
                    .as_ref()
                    .and_then(|s| s.resolved.as_deref());
                assert_eq!(she, Some("Jo Bloggs"));
                let all: String = page.updates[0].blocks.iter().map(block_text).collect();
                assert!(all.contains("\u{202e}\"reversed text\u{202c}\""));
            }),
        },
        Case {
            name: "caption_without_source_strict",
            input: || b"Live updates\n\nFloods close road\n\nPicture. Credit:\n\nMore.\n".to_vec(),
            options: strict(),
            expect: Expect::Error {
                kind: ErrorKind::Diagnostic(DiagnosticKind::CaptionWithoutSource),
                byte: 33,
                line: 5,
                column: 1,
            },
        },
    ]
}

/// `n` updates, each a bare byline `  1.` and a headline `U<k>`; the
/// headline of update `k` (from 0) stands on line `5 + 4k`.
fn million_updates(n: usize) -> Vec<u8> {
    let mut s = String::with_capacity(14 + n * 20);
    s.push_str("Live updates\n\n");
    for k in 0..n {
        s.push_str("  1.\n\n");
        s.push_str(&format!("U{k:06}\n\n"));
    }
    s.into_bytes()
}

/// The text of every update: headlines and blocks.
fn all_text(page: &Page<'_>) -> String {
    let mut s = String::new();
    for u in &page.updates {
        s.push_str(&u.headline.text);
        for b in &u.blocks {
            s.push_str(&block_text(b));
        }
    }
    s
}

/// The text of a block, as the invariants read it.
fn block_text(b: &Block<'_>) -> String {
    match b {
        Block::Paragraph(p) => p.text.to_string(),
        Block::Subheading(s) => s.text.to_string(),
        Block::Caption(c) => c.text.to_string(),
        Block::Quote(q) => q.text.to_string(),
        Block::BlockQuote(q) => {
            let mut s: String = q.paragraphs.iter().map(|p| p.text.as_ref()).collect();
            if let Some(a) = &q.attribution {
                s.push_str(&a.text);
            }
            s
        }
        Block::Report(r) => r.text.to_string(),
        Block::List(l) => l.items.iter().map(|i| i.text.as_ref()).collect(),
        Block::CrossRef(x) => x.text.to_string(),
    }
}

/// Run the cases whose input is small (`huge == false`) or large; the two
/// halves are separate tests so that they run in parallel.
fn run_cases(huge: bool) {
    let mut failures = Vec::new();
    let mut n = 0;
    for case in cases() {
        let bytes = (case.input)();
        if (bytes.len() >= 1 << 20) != huge {
            continue;
        }
        n += 1;
        let result = std::panic::catch_unwind(|| run(&case, &bytes));
        match result {
            Ok(Ok(())) => {}
            Ok(Err(e)) => failures.push(format!("{}: {e}", case.name)),
            Err(p) => failures.push(format!(
                "{}: panicked: {}",
                case.name,
                p.downcast_ref::<String>()
                    .cloned()
                    .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default()
            )),
        }
    }
    assert!(n > 0);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn hostile_inputs_give_clear_errors_or_pages() {
    run_cases(false);
}

#[test]
fn huge_hostile_inputs_give_clear_errors_or_pages() {
    run_cases(true);
}

fn run(case: &Case, bytes: &[u8]) -> Result<(), String> {
    // The total entry point never panics on any of these. (Large inputs
    // that must fail have a twin case that parses them whole.)
    let lossy_text = String::from_utf8_lossy(bytes).into_owned();
    if bytes.len() < 1 << 20 {
        let total = parse(&lossy_text);
        invariants::check_page(&lossy_text, &total)?;
    }
    let result = parse_bytes_with(bytes, &case.options);
    match (&case.expect, result) {
        (
            Expect::Error {
                kind,
                byte,
                line,
                column,
            },
            Err(e),
        ) => {
            let got = (e.kind(), e.span().start, e.line(), e.column());
            if got != (*kind, *byte, *line, *column) {
                return Err(format!(
                    "expected {kind:?} at byte {byte}, {line}:{column}; got {got:?}"
                ));
            }
            // The message names the place and stays readable.
            let message = e.to_string();
            if !message.starts_with(&format!("line {line}, column {column}: ")) {
                return Err(format!("message {message:?}"));
            }
            if message.len() > 1200 {
                return Err(format!("message of {} bytes", message.len()));
            }
            Ok(())
        }
        (Expect::Error { kind, .. }, Ok(_)) => Err(format!("expected {kind:?}, got a page")),
        (Expect::Page(check), Ok(page)) => {
            // The text the page was parsed from: lossy, or cut at a
            // character split by the end.
            let text = if case.options.lossy {
                lossy_text.clone()
            } else {
                let valid = match std::str::from_utf8(bytes) {
                    Ok(t) => t.len(),
                    Err(e) => e.valid_up_to(),
                };
                String::from_utf8_lossy(&bytes[..valid]).into_owned()
            };
            invariants::check_page(&text, &page)?;
            check(&text, &page);
            Ok(())
        }
        (Expect::Page(_), Err(e)) => Err(format!("expected a page, got {e}")),
    }
}

#[test]
fn roles_of_a_cr_page_match_its_lf_twin() {
    let cr = PAGE.replace('\n', "\r");
    let roles: Vec<Role> = outline(&cr).iter().map(|r| r.role).collect();
    assert_eq!(
        roles,
        [Role::Header, Role::Headline, Role::Paragraph, Role::Footer]
    );
}
