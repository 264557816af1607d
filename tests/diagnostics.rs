//! Diagnostics and errors, exactly: the kind, span and message of each
//! diagnostic the parser gives; strict mode; the limits against hostile
//! input; and decoding bytes. Error messages are asserted whole, with their
//! `line N, column M: message` head, the source line and the caret.

use liveupdates::{
    parse, parse_bytes, parse_bytes_with, parse_with, Block, Diagnostic, DiagnosticKind, ErrorKind,
    HeaderKind, ParseError, ParseOptions, Span,
};
use std::borrow::Cow;

/// The span of the one occurrence of `needle` in `page`.
#[track_caller]
fn span_of(page: &str, needle: &str) -> Span {
    let start = page.find(needle).expect("the needle is on the page");
    assert_eq!(page.matches(needle).count(), 1, "{needle:?} occurs once");
    Span::new(start, start + needle.len())
}

fn diagnostic(kind: DiagnosticKind, span: Span) -> Diagnostic {
    Diagnostic {
        kind,
        span,
        message: kind.message().to_string(),
    }
}

fn strict() -> ParseOptions {
    ParseOptions {
        strict: true,
        ..ParseOptions::default()
    }
}

/// The error strict mode gives for `page`.
#[track_caller]
fn strict_error(page: &str) -> ParseError {
    match parse_with(page, &strict()) {
        Ok(p) => panic!("expected an error, got a page with {:?}", p.diagnostics),
        Err(e) => e,
    }
}

// ---------------------------------------------------------------------------
// The diagnostics, one by one.
// ---------------------------------------------------------------------------

#[test]
fn messages_of_each_kind() {
    let kinds = [
        (
            DiagnosticKind::NoHeader,
            "page has no `Live updates` header",
        ),
        (
            DiagnosticKind::TextBeforeHeader,
            "text stands before the header",
        ),
        (
            DiagnosticKind::CaptionWithoutSource,
            "caption has no credit source",
        ),
        (DiagnosticKind::UnclosedQuote, "quotation is never closed"),
        (
            DiagnosticKind::AttributionWithoutQuote,
            "attribution has nothing to attribute",
        ),
        (
            DiagnosticKind::CutLastElement,
            "page ends in the middle of an element",
        ),
    ];
    for (kind, message) in kinds {
        assert_eq!(kind.message(), message);
        assert_eq!(ErrorKind::Diagnostic(kind).to_string(), message);
        // A diagnostic displays as its message, without position.
        assert_eq!(diagnostic(kind, Span::new(0, 0)).to_string(), message);
    }
    assert_eq!(ErrorKind::InvalidUtf8.to_string(), "invalid UTF-8");
    assert_eq!(ErrorKind::LineTooLong.to_string(), "line too long");
    assert_eq!(ErrorKind::TooManyUpdates.to_string(), "too many updates");
}

#[test]
fn clean_page_has_no_diagnostics_and_passes_strict() {
    let page = "Live updates

Skelwick ferry cancelled

The morning ferry from Skelwick has been cancelled because of fog.

Load more updates
";
    assert_eq!(parse(page).diagnostics, []);
    let p = parse_with(page, &strict()).expect("a clean page passes strict mode");
    assert_eq!(p, parse(page));
}

#[test]
fn no_header() {
    let page = "Skelwick ferry cancelled

The morning ferry from Skelwick has been cancelled because of fog.
";
    let p = parse(page);
    // An empty span where the header should have been: the first line.
    assert_eq!(
        p.diagnostics,
        [diagnostic(DiagnosticKind::NoHeader, Span::new(0, 0))]
    );
    assert_eq!(p.updates.len(), 1);
    let e = strict_error(page);
    assert_eq!(e.kind(), ErrorKind::Diagnostic(DiagnosticKind::NoHeader));
    assert_eq!((e.span(), e.line(), e.column()), (Span::new(0, 0), 1, 1));
    assert_eq!(e.message(), "page has no `Live updates` header");
    assert_eq!(
        e.to_string(),
        "line 1, column 1: page has no `Live updates` header
  |
1 | Skelwick ferry cancelled
  | ^"
    );

    // Leading blank lines and indentation: the position is the first
    // non-blank character.
    let page = "\n\n  1. National\n\nSkelwick ferry cancelled\n\nThe morning ferry has been cancelled because of fog.\n";
    let p = parse(page);
    assert_eq!(
        p.diagnostics,
        [diagnostic(DiagnosticKind::NoHeader, Span::new(4, 4))]
    );
    assert_eq!(
        strict_error(page).to_string(),
        "line 3, column 3: page has no `Live updates` header
  |
3 |   1. National
  |   ^"
    );

    // An empty page is a valid page: nothing is missing from it.
    for empty in ["", "\n\n", " \r\n"] {
        assert_eq!(parse(empty).diagnostics, []);
        assert!(parse_with(
            empty,
            &ParseOptions {
                strict: true,
                ..ParseOptions::default()
            }
        )
        .is_ok());
    }
}

#[test]
fn text_before_header() {
    let page = "Ferry news from Skelwick
All sailings are off today.

Fog warning for the estuary

Live updates

Skelwick ferry cancelled

The morning ferry has been cancelled.
";
    let p = parse(page);
    // One diagnostic spanning all the text above the header.
    let span = Span::new(0, page.find("\n\nLive updates").unwrap_or_default());
    assert_eq!(
        &page[span.range()].lines().last(),
        &Some("Fog warning for the estuary")
    );
    assert_eq!(
        p.diagnostics,
        [diagnostic(DiagnosticKind::TextBeforeHeader, span)]
    );
    assert_eq!(p.header.as_ref().map(|h| h.kind), Some(HeaderKind::Live));
    assert_eq!(
        strict_error(page).to_string(),
        "line 1, column 1: text stands before the header
  |
1 | Ferry news from Skelwick
  | ^"
    );

    // A count line above the header is text before it too.
    let page = "- 4 updates\nLive updates\nSkelwick ferry cancelled\nThe morning ferry has been cancelled.\n";
    assert_eq!(
        parse(page).diagnostics,
        [diagnostic(
            DiagnosticKind::TextBeforeHeader,
            Span::new(0, 11)
        )]
    );
    // A count line standing in for the header is not.
    let page = "- 4 updates\n\nSkelwick ferry cancelled\n\nThe morning ferry has been cancelled.\n";
    assert_eq!(parse(page).diagnostics, []);
}

#[test]
fn caption_without_source() {
    let page = "Live updates

Skelwick ferry cancelled

The ferry at the quay in the fog Credit:

The morning ferry has been cancelled.
";
    let p = parse(page);
    let span = span_of(page, "The ferry at the quay in the fog Credit:");
    assert_eq!(
        p.diagnostics,
        [diagnostic(DiagnosticKind::CaptionWithoutSource, span)]
    );
    assert!(!p.truncated);
    match &p.updates[0].blocks[0] {
        Block::Caption(c) => {
            assert_eq!(c.description, "The ferry at the quay in the fog");
            assert_eq!(c.credit.as_ref().map(|c| &*c.source), Some(""));
        }
        other => panic!("expected a caption, got {other:?}"),
    }
    assert_eq!(
        strict_error(page).to_string(),
        "line 5, column 1: caption has no credit source
  |
5 | The ferry at the quay in the fog Credit:
  | ^"
    );

    // A lone `Credit:` ending a cut page: no source, and a cut element, both
    // on the same line; strict mode reports the caption.
    let page = "Live updates

Skelwick ferry cancelled

The morning ferry has been cancelled.

Credit:";
    let p = parse(page);
    let span = span_of(page, "Credit:");
    assert_eq!(
        p.diagnostics,
        [
            diagnostic(DiagnosticKind::CaptionWithoutSource, span),
            diagnostic(DiagnosticKind::CutLastElement, span),
        ]
    );
    assert!(p.truncated);
    assert_eq!(
        strict_error(page).to_string(),
        "line 7, column 1: caption has no credit source
  |
7 | Credit:
  | ^"
    );
}

#[test]
fn quote_never_closed() {
    let page = "Live updates

Skelwick ferry cancelled

The morning ferry has been cancelled.

\u{201c}We are sorry for the trouble this causes, said the operator.

Sailings are expected to resume tomorrow.
";
    let p = parse(page);
    let span = span_of(
        page,
        "\u{201c}We are sorry for the trouble this causes, said the operator.",
    );
    assert_eq!(
        p.diagnostics,
        [diagnostic(DiagnosticKind::UnclosedQuote, span)]
    );
    match &p.updates[0].blocks[1] {
        Block::Quote(q) => assert!(q.continues),
        other => panic!("expected a quote, got {other:?}"),
    }
    assert_eq!(
        strict_error(page).to_string(),
        "line 7, column 1: quotation is never closed
  |
7 | \u{201c}We are sorry for the trouble this causes, said the operator.
  | ^"
    );

    // A quotation open over several paragraphs and closed in the last is fine.
    let page = "Live updates

Skelwick ferry cancelled

\"We are sorry for the trouble.

\"Sailings will resume as soon as the fog lifts,\" the operator said.
";
    assert_eq!(parse(page).diagnostics, []);
}

#[test]
fn attribution_with_nothing_to_attribute() {
    let page = "Live updates

Skelwick ferry cancelled

\u{2013} Ines Calder, harbour master

The morning ferry has been cancelled.
";
    let p = parse(page);
    let span = span_of(page, "\u{2013} Ines Calder, harbour master");
    assert_eq!(
        p.diagnostics,
        [diagnostic(DiagnosticKind::AttributionWithoutQuote, span)]
    );
    // Kept, never dropped: a block quote with no paragraphs.
    match &p.updates[0].blocks[0] {
        Block::BlockQuote(bq) => {
            assert!(bq.paragraphs.is_empty());
            assert_eq!(
                bq.attribution.as_ref().map(|a| &*a.source),
                Some("Ines Calder, harbour master")
            );
        }
        other => panic!("expected a block quote, got {other:?}"),
    }
    // Columns count characters, not bytes: the caret stands under the dash.
    assert_eq!(
        strict_error(page).to_string(),
        "line 5, column 1: attribution has nothing to attribute
  |
5 | \u{2013} Ines Calder, harbour master
  | ^"
    );
}

#[test]
fn cut_last_element() {
    let page = "Live updates

Skelwick ferry cancelled

The morning ferry has been cancelled, and the afternoon sailing may be too, the oper";
    let p = parse(page);
    let span = span_of(
        page,
        "The morning ferry has been cancelled, and the afternoon sailing may be too, the oper",
    );
    assert_eq!(
        p.diagnostics,
        [diagnostic(DiagnosticKind::CutLastElement, span)]
    );
    assert!(p.truncated);
    let e = strict_error(page);
    assert_eq!((e.line(), e.column()), (5, 1));
    assert_eq!(e.span(), span);

    // A bare byline ending the page.
    let page = "Live updates\n\nSkelwick ferry cancelled\n\nThe morning ferry has been cancelled.\n\n  1.\n";
    let p = parse(page);
    assert_eq!(
        p.diagnostics,
        [diagnostic(
            DiagnosticKind::CutLastElement,
            span_of(page, "1.")
        )]
    );
    assert_eq!(
        strict_error(page).to_string(),
        "line 7, column 3: page ends in the middle of an element
  |
7 |   1.
  |   ^"
    );

    // A page that ends with a complete sentence and no final newline is not cut.
    let page = "Live updates\n\nSkelwick ferry cancelled\n\nThe morning ferry has been cancelled.";
    let p = parse(page);
    assert!(!p.truncated);
    assert_eq!(p.diagnostics, []);
}

#[test]
fn strict_mode_raises_the_first_diagnostic_by_position() {
    // Three diagnostics: text before the header, an attribution with nothing
    // above it, an unclosed quote. Strict mode raises the first on the page.
    let page = "Skelwick ferry news

Live updates

Skelwick ferry cancelled

\u{2014} the operator

\"We are sorry, said the harbour master.

Sailings resume tomorrow.
";
    let p = parse(page);
    let kinds: Vec<DiagnosticKind> = p.diagnostics.iter().map(|d| d.kind).collect();
    assert_eq!(
        kinds,
        [
            DiagnosticKind::TextBeforeHeader,
            DiagnosticKind::AttributionWithoutQuote,
            DiagnosticKind::UnclosedQuote,
        ]
    );
    let starts: Vec<usize> = p.diagnostics.iter().map(|d| d.span.start).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]));
    let e = strict_error(page);
    assert_eq!(
        e.kind(),
        ErrorKind::Diagnostic(DiagnosticKind::TextBeforeHeader)
    );
    assert_eq!(e.span(), p.diagnostics[0].span);

    // Without the preamble the attribution comes first.
    let page = &page[page.find("Live updates").unwrap_or_default()..];
    assert_eq!(
        strict_error(page).to_string(),
        "line 5, column 1: attribution has nothing to attribute
  |
5 | \u{2014} the operator
  | ^"
    );
    // Non-strict parse_with gives the same page as parse.
    assert_eq!(
        parse_with(page, &ParseOptions::default()).as_ref(),
        Ok(&parse(page))
    );
}

#[test]
fn error_line_numbers_follow_crlf_and_cr() {
    for end in ["\n", "\r\n", "\r"] {
        let page = [
            "Live updates",
            "",
            "Skelwick ferry cancelled",
            "",
            "  \u{2013} the operator",
            "",
        ]
        .join(end);
        let e = strict_error(&page);
        assert_eq!(
            e.to_string(),
            "line 5, column 3: attribution has nothing to attribute
  |
5 |   \u{2013} the operator
  |   ^",
            "line ends {end:?}"
        );
    }
}

#[test]
fn line_numbers_wider_than_one_digit_pad_the_gutter() {
    let mut page = String::from("Live updates\n\nSkelwick ferry cancelled\n\n");
    for i in 0..4 {
        page.push_str(&format!(
            "Sailing number {i} has been called off as well.\n\n"
        ));
    }
    page.push_str("Harbour wall from the air Credit:\n\nMore soon.\n");
    assert_eq!(
        strict_error(&page).to_string(),
        "line 13, column 1: caption has no credit source
   |
13 | Harbour wall from the air Credit:
   | ^"
    );
}

// ---------------------------------------------------------------------------
// Limits against hostile input.
// ---------------------------------------------------------------------------

const THREE_UPDATES: &str = "Live updates

Skelwick ferry cancelled

The morning ferry has been cancelled.

Fog closes Penwithy airport

No flights will leave Penwithy before noon.

Caddon Bay road reopens

The coast road at Caddon Bay has reopened after a landslip.
";

#[test]
fn max_updates() {
    let limit = |n| ParseOptions {
        max_updates: n,
        ..ParseOptions::default()
    };
    assert_eq!(
        parse_with(THREE_UPDATES, &limit(3)).map(|p| p.updates.len()),
        Ok(3)
    );
    let e = parse_with(THREE_UPDATES, &limit(2)).expect_err("one update too many");
    assert_eq!(e.kind(), ErrorKind::TooManyUpdates);
    assert_eq!(e.span(), span_of(THREE_UPDATES, "Caddon Bay road reopens"));
    assert_eq!(e.message(), "page has more than 2 updates");
    assert_eq!(
        e.to_string(),
        "line 11, column 1: page has more than 2 updates
   |
11 | Caddon Bay road reopens
   | ^"
    );
    let e = parse_with(THREE_UPDATES, &limit(0)).expect_err("no updates allowed");
    assert_eq!(
        e.to_string(),
        "line 3, column 1: page has more than 0 updates
  |
3 | Skelwick ferry cancelled
  | ^"
    );
    // A page with no updates passes any limit.
    let empty = "Live updates\n\nAdvertisement\n\nLoad more updates\n";
    assert!(parse_with(empty, &limit(0)).is_ok());
    // A long page of updates: the error names the first update over the limit.
    let long: String = (0..2_000)
        .map(|i| {
            format!(
                "Sailing {i} from Skelwick cancelled\n\nThe {i} sailing will not run today.\n\n"
            )
        })
        .collect();
    let long = format!("Live updates\n\n{long}");
    let eleventh = parse(&long).updates[10].headline.span;
    let e = parse_with(&long, &limit(10)).expect_err("too many updates");
    assert_eq!((e.kind(), e.span()), (ErrorKind::TooManyUpdates, eleventh));
    assert_eq!(e.line(), 43);
}

#[test]
fn max_line_len() {
    // The longest line of THREE_UPDATES is 59 bytes.
    let longest = THREE_UPDATES
        .lines()
        .map(str::len)
        .max()
        .unwrap_or_default();
    assert_eq!(longest, 59);
    let limit = |n| ParseOptions {
        max_line_len: n,
        ..ParseOptions::default()
    };
    assert!(parse_with(THREE_UPDATES, &limit(59)).is_ok());
    let e = parse_with(THREE_UPDATES, &limit(58)).expect_err("a line too long");
    assert_eq!(e.kind(), ErrorKind::LineTooLong);
    let at = THREE_UPDATES.find("The coast road").unwrap_or_default();
    assert_eq!(e.span(), Span::new(at, at));
    assert_eq!(e.message(), "line is longer than 58 bytes");
    assert_eq!(
        e.to_string(),
        "line 13, column 1: line is longer than 58 bytes
   |
13 | The coast road at Caddon Bay has reopened after a landslip.
   | ^"
    );

    // The limit counts bytes, not characters; trailing white space (which
    // means nothing) does not count.
    let page = "Live updates\n\nCaf\u{e9} reopens   \t\n";
    assert!(parse_with(page, &limit(13)).is_ok());
    let e = parse_with(page, &limit(12)).expect_err("13 bytes");
    assert_eq!((e.line(), e.column()), (3, 1));

    // An indented line: the error points at the line's start.
    let page = "Live updates\n\n  1. Northern and Western Isles\n";
    let e = parse_with(page, &limit(20)).expect_err("too long");
    assert_eq!(
        e.to_string(),
        "line 3, column 1: line is longer than 20 bytes
  |
3 |   1. Northern and Western Isles
  | ^"
    );

    // A 10 MB line: the message shows its first 200 characters only.
    let page = format!("Live updates\n\n{}\n", "\u{e9}".repeat(5_000_000));
    let e = parse_with(&page, &limit(1_000)).expect_err("too long");
    let shown = e.to_string();
    assert_eq!(
        shown,
        format!(
            "line 3, column 1: line is longer than 1000 bytes\n  |\n3 | {}\n  | ^",
            "\u{e9}".repeat(200)
        )
    );
}

// ---------------------------------------------------------------------------
// Bytes.
// ---------------------------------------------------------------------------

const BYTES_PAGE: &str = "Live updates

Caf\u{e9} on Skelwick pier reopens

The caf\u{e9} has reopened after a winter refit.
";

#[test]
fn bytes_byte_order_mark_is_skipped() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(BYTES_PAGE.as_bytes());
    let p = parse_bytes(&bytes).expect("valid UTF-8");
    let h = p.header.as_ref().expect("the header after the mark");
    assert_eq!((h.span, &*h.text), (Span::new(3, 15), "Live updates"));
    assert_eq!(p.span, Span::new(3, bytes.len()));
    assert_eq!(p.diagnostics, []);
    // The same page as the text without its mark, shifted by three bytes.
    let plain = parse_bytes(BYTES_PAGE.as_bytes()).expect("valid UTF-8");
    assert_eq!(p.updates[0].headline.text, plain.updates[0].headline.text);
    assert_eq!(
        p.updates[0].headline.span.start,
        plain.updates[0].headline.span.start + 3
    );
    // A mark cut short is a page cut inside a character: an empty page.
    let p = parse_bytes(b"\xEF\xBB").expect("cut inside the mark");
    assert!(p.updates.is_empty() && p.header.is_none());
}

#[test]
fn bytes_invalid_utf8_names_the_byte_offset() {
    // At the start.
    let e = parse_bytes(b"\xffLive updates\n").expect_err("invalid UTF-8");
    assert_eq!(e.kind(), ErrorKind::InvalidUtf8);
    assert_eq!(e.span(), Span::new(0, 1));
    assert_eq!(e.message(), "invalid UTF-8 at byte 0");
    assert_eq!(
        e.to_string(),
        "line 1, column 1: invalid UTF-8 at byte 0
  |
1 | \u{fffd}Live updates
  | ^"
    );

    // In the middle, after multi-byte characters: the column counts them
    // as one each.
    let mut bytes = BYTES_PAGE.as_bytes().to_vec();
    let at = BYTES_PAGE.find("has reopened").unwrap_or_default();
    bytes.insert(at, 0xC3); // a lead byte followed by an ASCII letter
    let e = parse_bytes(&bytes).expect_err("invalid UTF-8");
    assert_eq!(e.kind(), ErrorKind::InvalidUtf8);
    assert_eq!(e.span(), Span::new(at, at + 1));
    assert_eq!(e.message(), format!("invalid UTF-8 at byte {at}"));
    assert_eq!(at, 56);
    assert_eq!(
        e.to_string(),
        "line 5, column 10: invalid UTF-8 at byte 56
  |
5 | The caf\u{e9} \u{fffd}has reopened after a winter refit.
  |          ^"
    );

    // A stray continuation byte on the last line, with a CRLF page.
    let mut bytes = BYTES_PAGE.replace('\n', "\r\n").into_bytes();
    bytes.extend_from_slice(b"Load more\x80 updates\r\n");
    let at = bytes.iter().position(|&b| b == 0x80).unwrap_or_default();
    let e = parse_bytes(&bytes).expect_err("invalid UTF-8");
    assert_eq!(e.message(), format!("invalid UTF-8 at byte {at}"));
    assert_eq!((e.line(), e.column()), (6, 10));
}

#[test]
fn bytes_lossy_replaces_invalid_utf8() {
    let options = ParseOptions {
        lossy: true,
        ..ParseOptions::default()
    };
    let bytes = b"Live updates\n\nCaf\xe9 on Skelwick pier reopens\n\nThe caf\xe9 has reopened after a winter refit.\n";
    let p = parse_bytes_with(bytes, &options).expect("lossy never fails on UTF-8");
    assert_eq!(
        p.updates[0].headline.text,
        "Caf\u{fffd} on Skelwick pier reopens"
    );
    // The replaced text is owned by the page.
    assert!(matches!(p.updates[0].headline.text, Cow::Owned(_)));
    match &p.updates[0].blocks[..] {
        [Block::Paragraph(para)] => {
            assert_eq!(
                para.text,
                "The caf\u{fffd} has reopened after a winter refit."
            )
        }
        other => panic!("expected one paragraph, got {other:?}"),
    }
    // Without the option the same bytes fail.
    assert_eq!(
        parse_bytes(bytes)
            .map(|_| ())
            .map_err(|e| e.message().to_string()),
        Err("invalid UTF-8 at byte 17".to_string())
    );
    // Valid bytes parse the same with or without the option.
    assert_eq!(
        parse_bytes_with(BYTES_PAGE.as_bytes(), &options),
        parse_bytes(BYTES_PAGE.as_bytes())
    );
}

#[test]
fn bytes_cut_inside_a_character_parse_to_the_cut() {
    let bytes = BYTES_PAGE.as_bytes();
    // Cut inside the last `é`: the page ends at `caf`.
    let at = BYTES_PAGE.rfind('\u{e9}').unwrap_or_default();
    let p = parse_bytes(&bytes[..at + 1]).expect("a cut page parses");
    assert_eq!(p, parse(&BYTES_PAGE[..at]));
    assert_eq!(p.span, Span::new(0, at));
    assert!(p.truncated);
    assert_eq!(
        p.diagnostics,
        [Diagnostic {
            kind: DiagnosticKind::CutLastElement,
            span: Span::new(at - "The caf".len(), at),
            message: "page ends in the middle of an element".to_string(),
        }]
    );
    // Cut inside a four-byte character, at each of its inner bytes.
    let text = "Live updates\n\nSkelwick pier reopens \u{1f3a1}\n";
    let at = text.find('\u{1f3a1}').unwrap_or_default();
    for cut in at + 1..at + 4 {
        let p = parse_bytes(&text.as_bytes()[..cut]).expect("a cut page parses");
        assert_eq!(p, parse(&text[..at]), "cut at byte {cut}");
    }
    // Strict mode still reports the cut, as an error.
    let e = parse_bytes_with(&bytes[..at_of_e(bytes)], &strict()).expect_err("cut");
    assert_eq!(
        e.kind(),
        ErrorKind::Diagnostic(DiagnosticKind::CutLastElement)
    );
}

/// One byte into the last `é` of a page's bytes.
fn at_of_e(bytes: &[u8]) -> usize {
    bytes.iter().rposition(|&b| b == 0xC3).map_or(0, |i| i + 1)
}
