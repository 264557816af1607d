//! What must hold of every parse, whatever the input: shared by the fuzz
//! targets (`fuzz/`), the fuzz regression tests and the hostile-input tests.
//!
//! - No entry point panics.
//! - Every span is in bounds and on `char` boundaries.
//! - Sibling spans are ordered and do not overlap, and children lie inside
//!   their parents.
//! - Nothing is lost: the non-white-space characters of the input (after a
//!   byte-order mark) are, in order, those of the nodes' texts, remnants,
//!   markers and chrome lines.
//!
//! Each check returns `Err(message)` rather than panicking, so a caller can
//! add the input to the message; [`check_str`] and [`check_bytes`] panic
//! with it, for the fuzz targets.

#![allow(dead_code)]

use liveupdates::{
    parse, parse_bytes, parse_bytes_with, parse_with, AdSlot, Block, Byline, BylineMarker,
    ErrorKind, ListItem, ListMarker, Page, ParseOptions, Span, Update,
};

/// Run every entry point over `text` and check every invariant; panics with
/// a message naming the broken one.
pub fn check_str(text: &str) {
    if let Err(e) = check_text(text) {
        panic!("{e}\ninput: {:?}", preview(text));
    }
}

/// [`check_str`] for bytes: `parse_bytes` (strict UTF-8 and lossy) agree
/// with `parse` wherever the bytes are text.
pub fn check_bytes(bytes: &[u8]) {
    if let Err(e) = check_bytes_result(bytes) {
        panic!("{e}\ninput: {:?}", preview(&String::from_utf8_lossy(bytes)));
    }
}

fn preview(s: &str) -> String {
    if s.len() <= 2000 {
        s.to_string()
    } else {
        let mut cut = 2000;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        format!("{}… ({} bytes)", &s[..cut], s.len())
    }
}

/// Every check over the bytes, as a result.
pub fn check_bytes_result(bytes: &[u8]) -> Result<(), String> {
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            let page =
                parse_bytes(bytes).map_err(|e| format!("parse_bytes failed on text: {e}"))?;
            if page != parse(text) {
                return Err("parse_bytes and parse disagree on valid UTF-8".into());
            }
            check_text(text)
        }
        Err(e) => {
            let valid = e.valid_up_to();
            match (e.error_len(), parse_bytes(bytes)) {
                // Cut inside a character: the page is the text before the cut.
                (None, Ok(page)) => {
                    let text = std::str::from_utf8(&bytes[..valid]).map_err(|e| e.to_string())?;
                    if page != parse(text) {
                        return Err("a cut character does not parse as the text before it".into());
                    }
                    check_text(text)?;
                }
                (None, Err(err)) => {
                    return Err(format!("bytes cut inside a character failed: {err}"));
                }
                (Some(_), Ok(_)) => return Err("invalid UTF-8 parsed without `lossy`".into()),
                (Some(_), Err(err)) => {
                    if err.kind() != ErrorKind::InvalidUtf8 || err.span().start != valid {
                        return Err(format!(
                            "invalid UTF-8 at {valid} gave {:?} at {:?}",
                            err.kind(),
                            err.span()
                        ));
                    }
                    let _ = err.to_string();
                    // Lossy: the replaced text parses like any text.
                    let lossy = String::from_utf8_lossy(bytes).into_owned();
                    let options = ParseOptions {
                        lossy: true,
                        ..ParseOptions::default()
                    };
                    let page = parse_bytes_with(bytes, &options)
                        .map_err(|e| format!("lossy parse failed: {e}"))?;
                    if page != parse(&lossy).into_owned() {
                        return Err("lossy parse differs from parsing the lossy text".into());
                    }
                    check_text(&lossy)?;
                }
            }
            Ok(())
        }
    }
}

/// Every check over one text, as a result.
pub fn check_text(text: &str) -> Result<(), String> {
    let page = parse(text);
    check_page(text, &page)?;
    // The default options set limits no fuzz input reaches: same page.
    match parse_with(text, &ParseOptions::default()) {
        Ok(p) if p == page => {}
        Ok(_) => return Err("parse_with(default) differs from parse".into()),
        Err(e) => return Err(format!("parse_with(default) failed: {e}")),
    }
    // Strict: an error exactly when the page has diagnostics, and it is the
    // first of them.
    let strict = ParseOptions {
        strict: true,
        ..ParseOptions::default()
    };
    match (parse_with(text, &strict), page.diagnostics.first()) {
        (Ok(p), None) if p == page => {}
        (Err(e), Some(d)) => {
            if e.kind() != ErrorKind::Diagnostic(d.kind) || e.span() != d.span {
                return Err(format!(
                    "strict error {:?} at {:?} is not the first diagnostic {:?}",
                    e.kind(),
                    e.span(),
                    d
                ));
            }
            let message = e.to_string();
            if !message.starts_with(&format!("line {}, column {}: ", e.line(), e.column())) {
                return Err(format!("error message lacks its position: {message:?}"));
            }
        }
        (Ok(_), Some(d)) => return Err(format!("strict parse ignored diagnostic {d:?}")),
        (Err(e), None) => return Err(format!("strict parse failed without diagnostics: {e}")),
        (Ok(_), None) => return Err("strict parse without diagnostics differs".into()),
    }
    // The outline reads every non-blank line, in order.
    let rows = liveupdates::outline_page(text, &page);
    if rows.windows(2).any(|w| w[0].line >= w[1].line) {
        return Err("outline rows out of order".into());
    }
    if page.clone().into_owned() != page {
        return Err("into_owned changed the page".into());
    }
    Ok(())
}

/// The structural checks of one page parsed from `source`.
pub fn check_page(source: &str, page: &Page<'_>) -> Result<(), String> {
    let start = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let mut c = Checker {
        source,
        errors: Vec::new(),
    };
    c.spans(page);
    if let Some(e) = c.errors.into_iter().next() {
        return Err(e);
    }
    lossless(source, start, page)
}

struct Checker<'s> {
    source: &'s str,
    errors: Vec<String>,
}

impl Checker<'_> {
    fn fail(&mut self, what: String) {
        self.errors.push(what);
    }

    /// In bounds and on char boundaries.
    fn valid(&mut self, what: &str, span: Span) {
        let s = self.source;
        if span.start > span.end || span.end > s.len() {
            self.fail(format!(
                "{what} span {span:?} out of bounds ({} bytes)",
                s.len()
            ));
        } else if !s.is_char_boundary(span.start) || !s.is_char_boundary(span.end) {
            self.fail(format!("{what} span {span:?} not on char boundaries"));
        }
    }

    /// Each span valid, in order, not overlapping.
    fn siblings(&mut self, what: &str, spans: &[Span]) {
        for &s in spans {
            self.valid(what, s);
        }
        for w in spans.windows(2) {
            if w[0].end > w[1].start {
                self.fail(format!(
                    "{what} spans {:?} and {:?} overlap or are out of order",
                    w[0], w[1]
                ));
            }
        }
    }

    fn inside(&mut self, what: &str, child: Span, parent: Span) {
        if child.start < parent.start || child.end > parent.end {
            self.fail(format!(
                "{what} span {child:?} outside its parent {parent:?}"
            ));
        }
    }

    fn spans(&mut self, page: &Page<'_>) {
        self.valid("page", page.span);
        // Top level: preamble, header, updates (with their ads), footer.
        let mut top: Vec<Span> = page.preamble.iter().map(|b| b.span).collect();
        top.extend(page.header.iter().map(|h| h.span));
        top.extend(page.updates.iter().map(|u| u.span));
        top.extend(page.dangling_byline.iter().map(|b| b.span));
        top.extend(page.footer.iter().map(|f| f.span));
        self.siblings("top-level", &top);
        for s in &top {
            self.inside("top-level", *s, page.span);
        }
        // Ad slots: in order, clear of every leaf.
        let ads: Vec<Span> = page.ads.iter().map(|a| a.span).collect();
        self.siblings("ad slot", &ads);
        let mut leaves = Vec::new();
        for u in &page.updates {
            self.update(u);
            leaves.extend(u.byline.iter().map(|b| b.span));
            leaves.push(u.headline.span);
            leaves.extend(u.blocks.iter().map(Block::span));
        }
        for ad in &page.ads {
            self.ad(ad, &leaves);
        }
        if let Some(f) = &page.footer {
            let lines: Vec<Span> = f.lines.iter().map(|l| l.span).collect();
            self.siblings("footer line", &lines);
            for l in &lines {
                self.inside("footer line", *l, f.span);
            }
            if lines.is_empty() {
                self.fail("footer without lines".into());
            }
        }
        if let Some(b) = &page.dangling_byline {
            self.byline(b);
        }
        for d in &page.diagnostics {
            self.valid("diagnostic", d.span);
        }
    }

    fn ad(&mut self, ad: &AdSlot<'_>, leaves: &[Span]) {
        if let Some(l) = leaves
            .iter()
            .find(|l| l.start < ad.span.end && ad.span.start < l.end)
        {
            self.fail(format!("ad slot {:?} overlaps {l:?}", ad.span));
        }
    }

    fn byline(&mut self, b: &Byline<'_>) {
        self.valid("byline", b.span);
    }

    fn update(&mut self, u: &Update<'_>) {
        let mut parts: Vec<Span> = u.byline.iter().map(|b| b.span).collect();
        parts.push(u.headline.span);
        parts.extend(u.blocks.iter().map(Block::span));
        self.siblings("update part", &parts);
        for p in &parts {
            self.inside("update part", *p, u.span);
        }
        if let Some(b) = &u.byline {
            self.byline(b);
        }
        for block in &u.blocks {
            match block {
                Block::BlockQuote(q) => {
                    let mut kids: Vec<Span> = q.paragraphs.iter().map(|p| p.span).collect();
                    kids.extend(q.attribution.iter().map(|a| a.span));
                    self.siblings("block quote part", &kids);
                    for k in &kids {
                        self.inside("block quote part", *k, q.span);
                    }
                    if kids.is_empty() {
                        self.fail("empty block quote".into());
                    }
                }
                Block::List(l) => {
                    let kids: Vec<Span> = l.items.iter().map(|i| i.span).collect();
                    self.siblings("list item", &kids);
                    for k in &kids {
                        self.inside("list item", *k, l.span);
                    }
                    if kids.is_empty() {
                        self.fail("empty list".into());
                    }
                }
                _ => {}
            }
        }
    }
}

/// The non-white-space characters of `s`.
fn solid(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|c| !c.is_whitespace())
}

/// One leaf's recovered text, placed by its span.
struct Piece {
    at: usize,
    text: String,
}

/// The non-blank characters of the input after the BOM, in order, are those
/// of the model's texts, in order.
fn lossless(source: &str, start: usize, page: &Page<'_>) -> Result<(), String> {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut push = |at: usize, parts: &[&str]| {
        pieces.push(Piece {
            at,
            text: parts.concat(),
        })
    };
    for b in &page.preamble {
        push(b.span.start, &[&b.text]);
    }
    if let Some(h) = &page.header {
        push(h.span.start, &[&h.text]);
    }
    let mut markers: Vec<(usize, String)> = Vec::new();
    for u in &page.updates {
        if let Some(b) = &u.byline {
            let m = byline_marker(source, b)?;
            push(
                b.span.start,
                &[b.remnant.as_deref().unwrap_or(""), &m, &b.text],
            );
        }
        let h = &u.headline;
        push(h.span.start, &[h.remnant.as_deref().unwrap_or(""), &h.text]);
        for block in &u.blocks {
            match block {
                Block::Paragraph(p) => push(p.span.start, &[&p.text]),
                Block::Subheading(s) => push(s.span.start, &[&s.text]),
                Block::Caption(c) => push(c.span.start, &[c.alt.as_deref().unwrap_or(""), &c.text]),
                Block::Quote(q) => push(q.span.start, &[&q.text]),
                Block::BlockQuote(q) => {
                    for p in &q.paragraphs {
                        push(p.span.start, &[&p.text]);
                    }
                    if let Some(a) = &q.attribution {
                        push(a.span.start, &[&a.text]);
                    }
                }
                Block::Report(r) => push(r.span.start, &[&r.text]),
                Block::List(l) => {
                    for item in &l.items {
                        let m = item_marker(source, item)?;
                        markers.push((item.span.start, format!("{m}{}", item.text)));
                    }
                }
                Block::CrossRef(x) => push(x.span.start, &[&x.text]),
            }
        }
    }
    for ad in &page.ads {
        let line = source.get(ad.span.range()).unwrap_or("");
        let rest: String = solid(line)
            .skip(solid(ad.remnant.as_deref().unwrap_or("")).count())
            .collect();
        if !rest.eq_ignore_ascii_case("advertisement") {
            return Err(format!("ad slot at {:?} reads {line:?}", ad.span));
        }
        push(ad.span.start, &[ad.remnant.as_deref().unwrap_or(""), &rest]);
    }
    if let Some(b) = &page.dangling_byline {
        let m = byline_marker(source, b)?;
        push(
            b.span.start,
            &[b.remnant.as_deref().unwrap_or(""), &m, &b.text],
        );
    }
    if let Some(f) = &page.footer {
        for l in &f.lines {
            push(l.span.start, &[&l.text]);
        }
    }
    for (at, text) in markers {
        pieces.push(Piece { at, text });
    }
    pieces.sort_by_key(|p| p.at);
    let want: Vec<char> = solid(&source[start.min(source.len())..]).collect();
    let got: Vec<char> = pieces.iter().flat_map(|p| solid(&p.text)).collect();
    if want != got {
        let same = want.iter().zip(&got).take_while(|(a, b)| a == b).count();
        let around = |v: &[char]| {
            v[same.saturating_sub(20)..(same + 20).min(v.len())]
                .iter()
                .collect::<String>()
        };
        return Err(format!(
            "text lost or changed: {} non-blank chars in, {} in the model; first difference at char {same}: input {:?}, model {:?}",
            want.len(),
            got.len(),
            around(&want),
            around(&got)
        ));
    }
    Ok(())
}

/// The marker of a byline, read from its span: what the line holds besides
/// its remnant and text, which must be a list number (`1.`), dashes, or
/// nothing.
fn byline_marker(source: &str, b: &Byline<'_>) -> Result<String, String> {
    let line: String = solid(source.get(b.span.range()).unwrap_or("")).collect();
    let remnant: String = solid(b.remnant.as_deref().unwrap_or("")).collect();
    let text: String = solid(&b.text).collect();
    let marker = line
        .strip_prefix(remnant.as_str())
        .and_then(|l| l.strip_suffix(text.as_str()))
        .ok_or_else(|| {
            format!(
                "byline {:?} at {:?} is not remnant + marker + text",
                b.text, b.span
            )
        })?;
    let ok = match b.marker {
        BylineMarker::Numbered => {
            let digits = marker.strip_suffix('.').unwrap_or("");
            !digits.is_empty() && digits.bytes().all(|d| d.is_ascii_digit())
        }
        BylineMarker::Dash => !marker.is_empty() && marker.chars().all(|c| c == '-'),
        BylineMarker::Bare => marker.is_empty(),
    };
    if ok {
        Ok(marker.to_string())
    } else {
        Err(format!(
            "byline at {:?} has marker {marker:?} for {:?}",
            b.span, b.marker
        ))
    }
}

/// The bullet of a list item, read from its span.
fn item_marker(source: &str, item: &ListItem<'_>) -> Result<String, String> {
    let line: String = solid(source.get(item.span.range()).unwrap_or("")).collect();
    let text: String = solid(&item.text).collect();
    let marker = line.strip_suffix(text.as_str()).ok_or_else(|| {
        format!(
            "list item {:?} at {:?} is not marker + text",
            item.text, item.span
        )
    })?;
    let ok = match item.marker {
        ListMarker::Bullet => marker == "•",
        ListMarker::MiddleDot => marker == "·",
        ListMarker::Dash => !marker.is_empty() && marker.chars().all(|c| c == '-'),
    };
    if ok {
        Ok(marker.to_string())
    } else {
        Err(format!(
            "list item at {:?} has marker {marker:?} for {:?}",
            item.span, item.marker
        ))
    }
}

/// An update with every span cleared, as the merge keeps it.
pub fn unspanned(update: &Update<'_>) -> Update<'static> {
    let mut u = update.clone().into_owned();
    u.clear_spans();
    u
}
