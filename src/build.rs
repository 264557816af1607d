//! Phase 4: assemble classified rows into the typed page.

use crate::blockquote;
use crate::by_row::ByRow;
use crate::classify::{self, Holds, Item, Kind, Part, QuoteRead, Row, Shape};
use crate::grammar::{byline, chrome, quote};
use crate::lines::{Lines, NextByte};
use crate::{
    AdPosition, AdSlot, Attribution, Block, BlockQuote, Byline, BylineKind, BylineMarker, Caption,
    Credit, CrossRef, Diagnostic, DiagnosticKind, ErrorKind, Footer, FooterKind, FooterLine,
    Header, Headline, Layout, List, ListItem, ListMarker, Page, Paragraph, ParseError,
    ParseOptions, Person, PreambleBlock, Quote, Report, Span, Speaker, Subheading, Text, Update,
};
use std::borrow::Cow;

/// Parse `source` from byte `start` (after any byte-order mark).
pub(crate) fn build<'a>(
    source: &'a str,
    start: usize,
    options: &ParseOptions,
) -> Result<Page<'a>, ParseError> {
    let (rows, parts) = rows(source, start, options)?;
    let header = classify::find_header(&rows);
    let body_start = header.map_or(0, |(h, _)| h + 1);
    let footer_start = classify::find_footer(&rows, body_start);
    let body = &rows[body_start..footer_start];
    let compact = if body.len() >= 3 {
        classify::is_compact(body)
    } else {
        classify::is_compact(&rows)
    };
    let (mut items, quotes) = classify::body(
        &rows,
        body_start,
        footer_start,
        compact,
        options.max_updates,
    );
    let orphans = blockquote::resolve(&rows, &mut items);

    let mut b = Builder::new(source, &rows, &parts, &quotes, options);
    b.page.span = Span::new(start, source.len());
    b.page.layout = if compact {
        Layout::Compact
    } else {
        Layout::Spaced
    };
    match header {
        Some((h, kind)) => {
            b.preamble(&rows[..h], compact);
            let row = &rows[h];
            b.page.header = Some(Header {
                span: row.span(),
                kind,
                text: Cow::Borrowed(row.trimmed()),
            });
            if h > 0 {
                let span = rows[0].span().join(rows[h - 1].span());
                b.diagnose(DiagnosticKind::TextBeforeHeader, span);
            }
        }
        None if rows.is_empty() => {} // An empty page is a valid page.
        None => {
            let span = rows.first().map_or(Span::new(start, start), |r| r.span());
            b.diagnose(DiagnosticKind::NoHeader, Span::new(span.start, span.start));
        }
    }
    b.footer(&rows[footer_start..]);
    b.page.truncated = truncated(&rows, &items);
    if b.page.truncated && b.page.footer.is_none() {
        blockquote::resolve_cut(&rows, &mut items);
    }
    for &a in &orphans {
        b.diagnose(
            DiagnosticKind::AttributionWithoutQuote,
            rows[items[a].first].span(),
        );
    }
    b.items(&items)?;
    if b.page.truncated {
        if let Some(last) = rows.last() {
            b.diagnose(DiagnosticKind::CutLastElement, last.span());
        }
    }
    let mut page = b.page;
    page.diagnostics.sort_by_key(|d| (d.span.start, d.span.end));
    if options.strict {
        if let Some(d) = page.diagnostics.first() {
            return Err(ParseError::from_diagnostic(d, source));
        }
    }
    Ok(page)
}

/// The bytes per non-blank line that the rows are first sized for.
const BYTES_PER_ROW: usize = 96;

/// The non-blank lines, with their shapes and the blank lines before them,
/// and the parts their shapes found.
fn rows<'a>(
    source: &'a str,
    start: usize,
    options: &ParseOptions,
) -> Result<(Vec<Row<'a>>, ByRow<Part<'a>>), ParseError> {
    // A live page has a non-blank line every hundred bytes or so (the
    // seeds: one per 109 and 122 bytes). Room for one per 96 bytes is
    // reserved at once, so that the rows are not copied as they grow (4 MB
    // of them on a 10 MB page); a page of longer lines leaves room unused,
    // address space that is backed by memory only where written.
    let mut rows: Vec<Row<'a>> = Vec::with_capacity(source.len() / BYTES_PER_ROW);
    let mut parts = ByRow::default();
    let mut gap = 0;
    // The last non-blank line, read again once it is known to be the last.
    let mut last = None;
    let mut marks = NextByte::new(source, chrome::MARK_END);
    let mut colons = NextByte::new(source, b':');
    let mut hashes = NextByte::new(source, b'#');
    let mut holds = |span| Holds {
        remnant_mark: marks.within(span),
        colon: colons.within(span),
        hash: hashes.within(span),
    };
    for line in Lines::new(source, start) {
        if line.text.len() > options.max_line_len {
            let message = format!("line is longer than {} bytes", options.max_line_len);
            return Err(ParseError::new(
                ErrorKind::LineTooLong,
                Span::new(line.span.start, line.span.start),
                message,
                source,
            ));
        }
        if line.is_blank() {
            gap += 1;
            continue;
        }
        let (row, part) = Row::new(line, gap, false, holds(line.span));
        if let Some(part) = part {
            parts.set(rows.len(), part);
        }
        rows.push(row);
        last = Some((line, gap));
        gap = 0;
    }
    // Only the last line can be a `Load more updates` cut short.
    if let (Some(row), Some((line, gap))) = (rows.last_mut(), last) {
        let part;
        (*row, part) = Row::new(line, gap, true, holds(line.span));
        parts.clear(rows.len() - 1);
        if let Some(part) = part {
            parts.set(rows.len() - 1, part);
        }
    }
    Ok((rows, parts))
}

/// At most how many blocks the items up to the next headline make (each
/// item but an ad slot or a byline makes one, or joins the block before),
/// so that an update's blocks are allocated once. Each item is read by
/// the one headline before it: linear over the page.
fn blocks_after(items: &[Item]) -> usize {
    items
        .iter()
        .take_while(|i| i.kind != Kind::Headline)
        .filter(|i| !matches!(i.kind, Kind::Ad | Kind::Byline(_)))
        .count()
}

/// Whether the text ends in the middle of an element.
fn truncated(rows: &[Row<'_>], items: &[Item]) -> bool {
    let Some(last) = rows.last() else {
        return false;
    };
    // A byline ending the text, ad slots aside (they move): its update fell
    // past the cut.
    let ads = items
        .iter()
        .rev()
        .take_while(|i| i.kind == Kind::Ad)
        .count();
    let dangling = items.len().checked_sub(ads + 1).is_some_and(|b| {
        matches!(items[b].kind, Kind::Byline(_)) && items[b].last + 1 + ads == rows.len()
    });
    // A caption whose credit is cut off ends the text: only a line read as
    // a caption (a caption-shaped headline is a headline whatever its end).
    let caption = items
        .last()
        .filter(|i| i.last + 1 == rows.len())
        .is_none_or(|i| i.kind == Kind::Caption);
    match last.shape {
        _ if dangling => true,
        Shape::CutLoadMore => true,
        Shape::Caption { sourced: false, .. } if caption => true,
        Shape::Ad
        | Shape::LoadMore
        | Shape::BackToTop
        | Shape::Live
        | Shape::Latest
        | Shape::Count => false,
        _ => last.is_cut(),
    }
}

struct Builder<'s, 'a> {
    source: &'a str,
    rows: &'s [Row<'a>],
    /// The parts of the rows' shapes...
    parts: &'s ByRow<Part<'a>>,
    /// ...and of quote rows, as the classifier read them.
    quotes: &'s ByRow<QuoteRead<'a>>,
    options: &'s ParseOptions,
    page: Page<'a>,
    byline: Option<Byline<'a>>,
    /// The last speaker named in the current update, for pronouns.
    named: Option<&'a str>,
}

impl<'s, 'a> Builder<'s, 'a> {
    fn new(
        source: &'a str,
        rows: &'s [Row<'a>],
        parts: &'s ByRow<Part<'a>>,
        quotes: &'s ByRow<QuoteRead<'a>>,
        options: &'s ParseOptions,
    ) -> Self {
        Builder {
            source,
            rows,
            parts,
            quotes,
            options,
            page: Page::empty(source),
            byline: None,
            named: None,
        }
    }

    fn diagnose(&mut self, kind: DiagnosticKind, span: Span) {
        self.page.diagnostics.push(Diagnostic::new(kind, span));
    }

    fn span(&self, item: &Item) -> Span {
        self.rows[item.first]
            .span()
            .join(self.rows[item.last].span())
    }

    /// The text of rows `first..=last` joined with `\n`: borrowed when the
    /// source already reads so. A link remnant glued to the front of a row
    /// is kept: these elements have no place of their own for it.
    fn text(&self, first: usize, last: usize) -> Text<'a> {
        // Most elements are one row: its line.
        if first == last {
            return Cow::Borrowed(self.rows[first].trimmed());
        }
        let rows = &self.rows[first..=last];
        let contiguous = rows.windows(2).all(|w| {
            let end = w[0].span().end;
            self.source.as_bytes().get(end) == Some(&b'\n') && w[1].span().start == end + 1
        });
        if contiguous {
            let (a, b) = (rows[0].span().start, rows[rows.len() - 1].span().end);
            Cow::Borrowed(&self.source[a..b])
        } else {
            let mut s = String::new();
            for (i, r) in rows.iter().enumerate() {
                if i > 0 {
                    s.push('\n');
                }
                s.push_str(r.trimmed());
            }
            Cow::Owned(s)
        }
    }

    fn preamble(&mut self, rows: &[Row<'a>], compact: bool) {
        let mut first = 0;
        for i in 0..rows.len() {
            let ends = i + 1 == rows.len() || compact || rows[i + 1].gap > 0;
            if ends {
                let span = rows[first].span().join(rows[i].span());
                let text = self.text(first, i);
                self.page.preamble.push(PreambleBlock { span, text });
                first = i + 1;
            }
        }
    }

    fn footer(&mut self, rows: &[Row<'a>]) {
        let Some(first) = rows.first() else { return };
        let lines: Vec<FooterLine<'a>> = rows
            .iter()
            .map(|r| {
                let kind = match r.shape {
                    Shape::LoadMore | Shape::CutLoadMore => FooterKind::LoadMore,
                    Shape::BackToTop => FooterKind::BackToTop,
                    Shape::Latest => FooterKind::LatestReports,
                    _ => FooterKind::Related,
                };
                FooterLine {
                    span: r.span(),
                    kind,
                    text: Cow::Borrowed(r.trimmed()),
                }
            })
            .collect();
        self.page.has_more = lines.iter().any(|l| l.kind == FooterKind::LoadMore);
        let span = first.span().join(rows[rows.len() - 1].span());
        self.page.footer = Some(Footer { span, lines });
    }

    fn items(&mut self, items: &[Item]) -> Result<(), ParseError> {
        // Every headline starts an update (the classifier stops one past
        // the limit): the list is sized once.
        let headlines = items.iter().filter(|i| i.kind == Kind::Headline).count();
        self.page
            .updates
            .reserve_exact(headlines.min(self.options.max_updates));
        let mut k = 0;
        // Whether the current run of ad slots is followed by a new update.
        let mut run_starts: Option<bool> = None;
        while k < items.len() {
            let item = items[k];
            if item.kind != Kind::Ad {
                run_starts = None;
            }
            let row = &self.rows[item.first];
            match item.kind {
                Kind::Byline(marker) => {
                    self.byline = Some(self.make_byline(item.first, marker));
                }
                Kind::Headline => self.start_update(row, blocks_after(&items[k + 1..]))?,
                Kind::Ad => {
                    let position = match self.page.updates.len() {
                        0 => AdPosition::BeforeUpdates,
                        n => {
                            // A run of ad slots stands between updates when
                            // what follows the run starts one.
                            // (Found once per run, so a run of ads stays linear.)
                            let next_starts = *run_starts.get_or_insert_with(|| {
                                items[k + 1..]
                                    .iter()
                                    .find(|i| i.kind != Kind::Ad)
                                    .is_none_or(|i| {
                                        matches!(i.kind, Kind::Headline | Kind::Byline(_))
                                    })
                            });
                            let blocks = self.page.updates[n - 1].blocks.len();
                            // An ad between a byline and its headline stands
                            // between the two updates too.
                            if next_starts {
                                AdPosition::AfterUpdate { after: n - 1 }
                            } else {
                                AdPosition::InUpdate {
                                    update: n - 1,
                                    blocks_before: blocks,
                                }
                            }
                        }
                    };
                    let remnant = row.remnant().map(Cow::Borrowed);
                    self.page.ads.push(AdSlot {
                        span: row.span(),
                        position,
                        remnant,
                    });
                }
                Kind::ListItem(_) => {
                    let mut end = k;
                    while end + 1 < items.len() && matches!(items[end + 1].kind, Kind::ListItem(_))
                    {
                        end += 1;
                    }
                    let list_items: Vec<ListItem<'a>> =
                        items[k..=end].iter().map(|i| self.list_item(i)).collect();
                    let span = self.span(&items[k]).join(self.span(&items[end]));
                    self.block(Block::List(List {
                        span,
                        items: list_items,
                    }));
                    k = end;
                }
                Kind::Blockquote | Kind::Attribution => {
                    let mut end = k;
                    while item.kind == Kind::Blockquote
                        && end + 1 < items.len()
                        && items[end + 1].kind == Kind::Blockquote
                    {
                        end += 1;
                    }
                    let paragraphs: Vec<Paragraph<'a>> = items[k..=end]
                        .iter()
                        .filter(|i| i.kind == Kind::Blockquote)
                        .map(|i| Paragraph {
                            span: self.span(i),
                            text: self.text(i.first, i.last),
                        })
                        .collect();
                    let attribution = match items.get(if item.kind == Kind::Attribution {
                        k
                    } else {
                        end + 1
                    }) {
                        Some(a) if a.kind == Kind::Attribution => {
                            end = if item.kind == Kind::Attribution {
                                k
                            } else {
                                end + 1
                            };
                            Some(self.attribution(a))
                        }
                        _ => None,
                    };
                    let first = paragraphs
                        .first()
                        .map(|p| p.span)
                        .or(attribution.as_ref().map(|a| a.span));
                    let last = attribution
                        .as_ref()
                        .map(|a| a.span)
                        .or(paragraphs.last().map(|p| p.span));
                    let span = match (first, last) {
                        (Some(a), Some(b)) => a.join(b),
                        _ => self.span(&item),
                    };
                    self.block(Block::BlockQuote(BlockQuote {
                        span,
                        paragraphs,
                        attribution,
                    }));
                    k = end;
                }
                _ => {
                    let block = self.simple_block(&item, items.get(k + 1));
                    self.block(block);
                }
            }
            k += 1;
        }
        if let Some(b) = self.byline.take() {
            self.page.dangling_byline = Some(b);
        }
        Ok(())
    }

    /// Open an update at its headline's row, with room for `blocks` blocks.
    fn start_update(&mut self, row: &Row<'a>, blocks: usize) -> Result<(), ParseError> {
        if self.page.updates.len() >= self.options.max_updates {
            let span = row.span();
            let message = format!("page has more than {} updates", self.options.max_updates);
            return Err(ParseError::new(
                ErrorKind::TooManyUpdates,
                span,
                message,
                self.source,
            ));
        }
        let byline = self.byline.take();
        let span = byline
            .as_ref()
            .map_or(row.span(), |b| b.span.join(row.span()));
        let (label, title) = match row.label() {
            Some((l, t)) => (Some(Cow::Borrowed(l)), t),
            None => (None, row.text()),
        };
        let headline = Headline {
            span: row.span(),
            text: Cow::Borrowed(row.text()),
            label,
            title: Cow::Borrowed(title),
            remnant: row.remnant().map(Cow::Borrowed),
        };
        self.named = None;
        self.page.updates.push(Update {
            span,
            byline,
            headline,
            blocks: Vec::with_capacity(blocks),
        });
        Ok(())
    }

    /// Add a block to the current update. The classifier makes the first
    /// body line that is not an ad slot or a byline a headline, so an update
    /// is always open when a block comes.
    fn block(&mut self, block: Block<'a>) {
        if let Some(update) = self.page.updates.last_mut() {
            update.span = update.span.join(block.span());
            update.blocks.push(block);
        }
    }

    /// The text part of row `i` (see [`Part::Text`]), if it has one.
    fn text_part(&self, i: usize) -> Option<&'a str> {
        match self.parts.get(i) {
            Some(Part::Text(text)) => Some(text),
            _ => None,
        }
    }

    /// The target part of row `i` (see [`Part::Target`]), if it has one.
    fn target_part(&self, i: usize) -> Option<&'a str> {
        match self.parts.get(i) {
            Some(Part::Target(target)) => target,
            _ => None,
        }
    }

    fn make_byline(&self, i: usize, marker: BylineMarker) -> Byline<'a> {
        let row = &self.rows[i];
        let text = match (marker, row.shape) {
            (BylineMarker::Numbered, Shape::Numbered) => {
                self.text_part(i).unwrap_or_else(|| row.text())
            }
            (BylineMarker::Dash, _) => row.text().trim_start_matches('-').trim_start(),
            _ => row.text(),
        };
        let kind = match byline::named(text) {
            byline::Named::Empty => BylineKind::Empty,
            byline::Named::Section(s) => BylineKind::Section(Cow::Borrowed(s)),
            byline::Named::Person {
                name,
                outlet,
                role,
                handle,
            } => BylineKind::Person(Person {
                name: Cow::Borrowed(name),
                outlet: outlet.map(Cow::Borrowed),
                role: role.map(Cow::Borrowed),
                handle: handle.map(Cow::Borrowed),
            }),
        };
        Byline {
            span: row.span(),
            marker,
            text: Cow::Borrowed(text),
            kind,
            remnant: row.remnant().map(Cow::Borrowed),
        }
    }

    fn list_item(&self, item: &Item) -> ListItem<'a> {
        let row = &self.rows[item.first];
        let (marker, text) = match (row.shape, self.text_part(item.first)) {
            (Shape::Bullet(marker), Some(text)) => (marker, text),
            _ => (
                ListMarker::Dash,
                row.text().trim_start_matches('-').trim_start(),
            ),
        };
        ListItem {
            span: row.span(),
            marker,
            text: Cow::Borrowed(text),
        }
    }

    fn attribution(&mut self, item: &Item) -> Attribution<'a> {
        let row = &self.rows[item.first];
        let source = match (row.shape, self.text_part(item.first)) {
            (Shape::Dashed(_), Some(source)) => source,
            _ => row.text(),
        };
        Attribution {
            span: row.span(),
            text: Cow::Borrowed(row.trimmed()),
            source: Cow::Borrowed(source),
        }
    }

    fn simple_block(&mut self, item: &Item, next: Option<&Item>) -> Block<'a> {
        let span = self.span(item);
        let row = &self.rows[item.last];
        match item.kind {
            Kind::Caption => {
                let alt =
                    (item.first < item.last).then(|| Cow::Borrowed(self.rows[item.first].text()));
                let (description, credit) = match (row.shape, self.parts.get(item.last)) {
                    (Shape::Caption { .. }, Some(Part::Caption(c))) => (
                        c.description,
                        Some(Credit {
                            kind: c.kind,
                            source: Cow::Borrowed(c.source),
                        }),
                    ),
                    _ => (row.text(), None),
                };
                if credit.as_ref().is_some_and(|c| c.source.is_empty()) {
                    self.diagnose(DiagnosticKind::CaptionWithoutSource, row.span());
                }
                Block::Caption(Caption {
                    span,
                    alt,
                    text: Cow::Borrowed(row.trimmed()),
                    description: Cow::Borrowed(description),
                    credit,
                })
            }
            Kind::Quote => {
                let open = self.open_family();
                let parts = match self.quotes.get(item.last) {
                    Some((after, parts)) if after == open => parts,
                    _ => quote::parts(row.text(), open),
                };
                let quoted = parts.map_or(row.text(), |p| p.quoted);
                let rest = parts.and_then(|p| p.rest);
                let continues = parts.is_some_and(|p| p.continues);
                let speaker = rest.and_then(quote::speaker).map(|name| {
                    let resolved = if quote::PRONOUNS.contains(&name) {
                        self.named
                    } else {
                        None
                    };
                    if resolved.is_none() {
                        self.named = Some(name);
                    }
                    Speaker {
                        name: Cow::Borrowed(name),
                        resolved: resolved.map(Cow::Borrowed),
                    }
                });
                let continued = next.is_some_and(|n| n.kind == Kind::Quote);
                if continues && !continued {
                    self.diagnose(DiagnosticKind::UnclosedQuote, span);
                }
                Block::Quote(Quote {
                    span,
                    text: self.text(item.first, item.last),
                    quoted: Cow::Borrowed(quoted),
                    speaker,
                    rest: rest.map(Cow::Borrowed),
                    continues,
                })
            }
            Kind::Report => {
                let reporter = match row.shape {
                    Shape::Report => self.target_part(item.last),
                    _ => None,
                };
                Block::Report(Report {
                    span,
                    text: Cow::Borrowed(row.trimmed()),
                    reporter: reporter.map(Cow::Borrowed),
                })
            }
            Kind::CrossRef => {
                let target = match row.shape {
                    Shape::CrossRef => self.target_part(item.last),
                    _ => None,
                };
                Block::CrossRef(CrossRef {
                    span,
                    text: Cow::Borrowed(row.trimmed()),
                    target: target.map(Cow::Borrowed),
                })
            }
            Kind::Subheading => Block::Subheading(Subheading {
                span,
                text: Cow::Borrowed(row.trimmed()),
            }),
            _ => Block::Paragraph(Paragraph {
                span,
                text: self.text(item.first, item.last),
            }),
        }
    }

    /// The family of the quotation a `…` paragraph continues: that of the
    /// quote paragraph before it in the same update.
    fn open_family(&self) -> Option<quote::Family> {
        let update = self.page.updates.last()?;
        match update.blocks.last()? {
            Block::Quote(q) if q.continues => quote::opening(&q.text)
                .map(|(f, _)| f)
                .or(Some(quote::Family::Double)),
            _ => None,
        }
    }
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
            dangling_byline: None,
            has_more: false,
            truncated: false,
            diagnostics: Vec::new(),
        }
    }
}
