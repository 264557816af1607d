//! Phase 3: give every non-blank line its role, from its shape and its
//! context.
//!
//! # The rules
//!
//! The page splits at the header (`Live updates`, `Live news stream`; failing
//! those a `Latest … reports` heading not followed by a list, failing that a
//! count line `- N updates`): lines above it are preamble. The footer starts
//! at the first `Load more updates`, `Back to top` or `Latest … reports` line
//! after the header (or a cut `Load more upd…` ending the page); all after it
//! is footer. In between, each line is read by its shape (see
//! [`crate::grammar`]): ad slots, numbered bylines, bullets, captions with a
//! credit, cross-references, report pointers and long-dash attributions are
//! known by shape alone. A `- text` line is a list item after a colon line, a
//! subheading or another item; an attribution after a paragraph (on spaced
//! pages); otherwise a byline before a headline. Plain lines are decided by
//! context:
//!
//! 1. After the header, a byline or an ad slot, a line is a headline (after
//!    an ad only if it has a headline's shape: otherwise the ad stood inside
//!    an update). A bare region name (`Northmoor (E)`) right before a
//!    headline-shaped line is a byline.
//! 2. On spaced pages a plain line glued under a paragraph continues it; a
//!    short line glued above a caption is its alt text.
//! 3. A line without a headline's shape (long, several sentences, ending in
//!    `:` `;` `,`, first person outside quotes, lower case, a hashtag, an
//!    avatar file name, a schedule entry) is a paragraph or a quote.
//! 4. A headline-shaped line heading a list (or a caption over a list) is a
//!    subheading, as is a date.
//! 5. Otherwise the line's content words are weighed against its
//!    neighbours: a headline shares words with the lede that follows it (the
//!    next paragraph, skipping captions and report lines) and not with the
//!    update above; a caption or subheading belongs to the text around it.
//!    Right under a headline (the image slot), a line sharing no words with
//!    that headline but some with the following text is the next update's
//!    headline (the first was headline-only); otherwise it is a caption. In
//!    a body, a line sharing nothing with what follows, but something with
//!    what precedes (or, if short, naming nothing), is a caption or
//!    subheading; anything else is a headline, as is any headline-shaped line
//!    followed by an ad slot, a byline, the footer, another headline-shaped
//!    line or the end. A headline ending in a full stop must be short, name
//!    something and share at least two words with its lede.
//! 6. Block quotes: an attribution closes the paragraphs above it back to a
//!    colon line (all quoted), or else back over those in the speaker's voice
//!    (quotation marks, first or second person, contractions), never over
//!    the reporter's own third-person lines. On a cut page, first-person
//!    paragraphs after a colon or reporting line form a block quote with no
//!    attribution.

use crate::by_row::ByRow;
use crate::grammar::attribution::{self, Dash};
use crate::grammar::caption::{self, CaptionLine};
use crate::grammar::{byline, chrome, crossref, headline, list, quote, report, words};
use crate::lines::Line;
use crate::{HeaderKind, ListMarker, Span};
use std::cell::OnceCell;

/// What one non-blank line looks like on its own. The parts a shape found
/// (a byline's name, a caption's credit, ...) are kept beside the rows, in
/// a [`ByRow`] table: most rows have none, and a page keeps a row a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    Live,
    Count,
    Latest,
    LoadMore,
    BackToTop,
    CutLoadMore,
    Ad,
    LoneDash,
    /// `  1. Name`: a numbered byline.
    Numbered,
    /// `- text` or `– Name`.
    Dashed(Dash),
    Bullet(ListMarker),
    /// A line with a credit, and which of its parts are there.
    Caption {
        described: bool,
        sourced: bool,
    },
    CrossRef,
    Report,
    Plain,
}

/// Which bytes that most lines lack a line holds, as searches across the
/// page found them ([`crate::lines::NextByte`]): a line without one skips
/// the tests that look for it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Holds {
    /// The last byte of a link remnant's mark ([`chrome::MARK_END`]).
    pub remnant_mark: bool,
    /// A colon (captions' credits, headline labels).
    pub colon: bool,
    /// A `#` (hashtags, which no headline has).
    pub hash: bool,
}

// A row's word count fits its byte.
const _: () = assert!(headline::MAX_WORDS < u8::MAX as usize);

// A page keeps a row a non-blank line (nine a kilobyte on the bench page):
// the rows of a 100 MB page take 43 MB at this size.
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Row<'_>>() <= 48);

/// A non-blank line with its shape: 48 bytes, as a page keeps one a line.
#[derive(Debug, Clone)]
pub(crate) struct Row<'a> {
    /// The line, without leading and trailing white space.
    trimmed: &'a str,
    /// Where `trimmed` starts in the source.
    start: usize,
    /// Where the element's text starts in `trimmed`: after a link remnant
    /// glued before the element (and the space after it), else 0.
    text_at: usize,
    /// Blank lines between this row and the previous non-blank one (at
    /// most `u32::MAX`: rules only ask whether there are any).
    pub gap: u32,
    pub shape: Shape,
    /// Whether the line had a terminator.
    terminated: bool,
    /// Whether the line holds a colon.
    colon: bool,
    /// Whether the text holds a `#`.
    hash: bool,
    /// For a plain row short enough to be a headline, its words (counted up
    /// to [`headline::MAX_WORDS`] + 1).
    words: Option<u8>,
    /// For a plain row, how it ends if it has a headline's shape: read only
    /// by the rules that ask (many rows are decided by cheaper facts
    /// first), and then found once.
    headline: OnceCell<Option<headline::Ending>>,
}

impl<'a> Row<'a> {
    /// The row of a line, and what it holds. Inlined where the rows are
    /// built, so that a row is written in place rather than copied.
    #[inline(always)]
    pub fn new(
        line: Line<'a>,
        gap: usize,
        last: bool,
        holds: Holds,
    ) -> (Row<'a>, Option<Part<'a>>) {
        let trimmed = line.trimmed();
        // A link remnant is glued only before an element that starts an
        // update (a byline, an ad slot, a headline); before anything else
        // the `›` is part of the text.
        let remnant = if holds.remnant_mark {
            chrome::split_remnant(trimmed)
        } else {
            None
        };
        let (text, (shape, part, words)) = match remnant {
            Some((_, t)) => match shape_of(t, t, last, holds.colon) {
                s @ (
                    Shape::Ad | Shape::Plain | Shape::Numbered | Shape::Dashed(Dash::Hyphen),
                    ..,
                ) => (t, s),
                _ => (trimmed, shape_of(line.text, trimmed, last, holds.colon)),
            },
            // Indentation matters for bylines, so they read the untrimmed line.
            None => (trimmed, shape_of(line.text, trimmed, last, holds.colon)),
        };
        let row = Row {
            trimmed,
            start: line.trimmed_span().start,
            // The text is what is left of the trimmed line.
            text_at: trimmed.len() - text.len(),
            gap: u32::try_from(gap).unwrap_or(u32::MAX),
            shape,
            terminated: line.terminated,
            colon: holds.colon,
            // The line's `#` may stand in the remnant split off.
            hash: holds.hash && words::has_byte(text, b'#'),
            words: words.map(|n| u8::try_from(n).unwrap_or(u8::MAX)),
            headline: OnceCell::new(),
        };
        (row, part)
    }

    /// The line without leading and trailing white space.
    pub fn trimmed(&self) -> &'a str {
        self.trimmed
    }

    /// The span of [`Row::trimmed`].
    pub fn span(&self) -> Span {
        Span::new(self.start, self.start + self.trimmed.len())
    }

    /// The element's text: trimmed, remnant removed.
    pub fn text(&self) -> &'a str {
        self.trimmed.get(self.text_at..).unwrap_or_default()
    }

    /// A link remnant glued before the element (`… ›`).
    pub fn remnant(&self) -> Option<&'a str> {
        let before = self.trimmed.get(..self.text_at).unwrap_or_default();
        (!before.is_empty()).then(|| before.trim_end())
    }

    /// Whether the text ends on this row in the middle of an element: no
    /// line end, and no sentence or quotation closed.
    pub fn is_cut(&self) -> bool {
        let complete = self
            .text()
            .ends_with(['.', '!', '?', '"', '”', '’', '\'', ')', '…']);
        !self.terminated && !complete
    }

    fn is_plain(&self) -> bool {
        self.shape == Shape::Plain
    }

    /// Whether a plain row has a headline's shape (see
    /// [`headline::shape_counted`], whose fit has the words it is given).
    /// Found on the first call.
    fn fit(&self) -> Option<headline::Fit> {
        let words = usize::from(self.words?);
        let ending = self.headline.get_or_init(|| {
            headline::shape_counted(self.text(), words, self.hash).map(|f| f.ending)
        });
        ending.map(|ending| headline::Fit { ending, words })
    }

    /// The label split off the row's text (see [`headline::label`]): only
    /// a line with a colon has one.
    pub fn label(&self) -> Option<(&'a str, &'a str)> {
        self.colon.then(|| headline::label(self.text())).flatten()
    }

    /// The headline shape of a plain row.
    fn headline_shape(&self) -> Option<headline::Ending> {
        self.fit().map(|f| f.ending)
    }
}

/// The parts of a row's element that its shape found (a byline's name, a
/// caption's credit, ...), for the builder.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Part<'a> {
    /// A numbered byline's name, a dashed line's source, a bullet's text.
    Text(&'a str),
    Caption(CaptionLine<'a>),
    /// A cross-reference's target, a report pointer's reporter.
    Target(Option<&'a str>),
}

/// The parts of a quote row, read after an open quotation of a family.
pub(crate) type QuoteRead<'a> = (Option<quote::Family>, Option<quote::QuoteParts<'a>>);

/// The longest chrome line (header, footer, ad, count line), in bytes.
const CHROME_LEN: usize = 80;

/// The longest line that can be a report pointer or a headline, in bytes;
/// the word limits decide within it.
const SHORT_LEN: usize = 320;

/// The shape of a line (`raw`, and `t` trimmed; `colon` if it holds one),
/// and for a line short
/// enough to be a headline or a report pointer its words, counted up to
/// [`headline::MAX_WORDS`] + 1 (both limits are read from the one count).
fn shape_of<'a>(
    raw: &'a str,
    t: &'a str,
    last: bool,
    colon: bool,
) -> (Shape, Option<Part<'a>>, Option<usize>) {
    // The cheapest tests first, and only on lines short enough to pass them.
    if t.len() <= CHROME_LEN {
        if let Some(shape) = chrome_shape(t, last) {
            return (shape, None, None);
        }
    }
    if raw.starts_with(' ') {
        if let Some(name) = byline::numbered(raw) {
            return (Shape::Numbered, Some(Part::Text(name)), None);
        }
    }
    if t.starts_with(['•', '·']) {
        if let Some((marker, text)) = list::bullet(t) {
            return match report::report(text) {
                Some(reporter) => (Shape::Report, Some(Part::Target(reporter)), None),
                None => (Shape::Bullet(marker), Some(Part::Text(text)), None),
            };
        }
    }
    if t.starts_with(['-', '–', '—']) {
        if let Some((dash, source)) = attribution::dashed(t) {
            return (Shape::Dashed(dash), Some(Part::Text(source)), None);
        }
    }
    // A caption's credit (`Credit:`, `Video: `) has a colon.
    if let Some(c) = colon.then(|| caption::caption(t)).flatten() {
        let shape = Shape::Caption {
            described: !c.description.is_empty(),
            sourced: !c.source.is_empty(),
        };
        return (shape, Some(Part::Caption(c)), None);
    }
    if t.len() > SHORT_LEN {
        return (Shape::Plain, None, None);
    }
    if let Some(target) = crossref::crossref(t) {
        return (Shape::CrossRef, Some(Part::Target(target)), None);
    }
    let n = words::count_up_to(t, headline::MAX_WORDS);
    match report::report_counted(t, n) {
        Some(reporter) => (Shape::Report, Some(Part::Target(reporter)), None),
        None => (Shape::Plain, None, Some(n)),
    }
}

/// Header, count line, footer, ad slot, lone dash.
///
/// Every one of them opens with `-` or with `a`, `b` or `l` in either case
/// (`Advertisement`, `Back to top`, `Live updates`, `Latest … reports`,
/// `Load more updates`): a line opening with any other byte skips the tests.
fn chrome_shape(t: &str, last: bool) -> Option<Shape> {
    let opening = t.as_bytes().first().map(u8::to_ascii_lowercase);
    if !matches!(opening, Some(b'a' | b'b' | b'l' | b'-')) {
        return None;
    }
    any_chrome_shape(t, last)
}

/// [`chrome_shape`], whatever the line opens with.
fn any_chrome_shape(t: &str, last: bool) -> Option<Shape> {
    if chrome::is_ad(t) {
        return Some(Shape::Ad);
    }
    if chrome::is_live_header(t) {
        return Some(Shape::Live);
    }
    if chrome::is_count_line(t) {
        return Some(Shape::Count);
    }
    if chrome::is_latest_reports(t) {
        return Some(Shape::Latest);
    }
    match chrome::footer_line(t) {
        Some(chrome::FooterLine::LoadMore) => return Some(Shape::LoadMore),
        Some(chrome::FooterLine::BackToTop) => return Some(Shape::BackToTop),
        None => {}
    }
    if last && chrome::is_cut_load_more(t) {
        return Some(Shape::CutLoadMore);
    }
    chrome::is_lone_dash(t).then_some(Shape::LoneDash)
}

/// What an item of the page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Byline(crate::BylineMarker),
    Headline,
    Paragraph,
    Subheading,
    Caption,
    Quote,
    Blockquote,
    Attribution,
    Report,
    ListItem(ListMarker),
    CrossRef,
    Ad,
}

/// One element: a kind over rows `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Item {
    pub kind: Kind,
    pub first: usize,
    pub last: usize,
}

/// Whether the rows are in the compact (dash) layout: no blank line between
/// any two of them.
pub(crate) fn is_compact(rows: &[Row<'_>]) -> bool {
    rows.len() >= 3 && rows.iter().skip(1).all(|r| r.gap == 0)
}

/// Where the header stands, and what it is.
pub(crate) fn find_header(rows: &[Row<'_>]) -> Option<(usize, HeaderKind)> {
    if let Some(i) = rows.iter().position(|r| r.shape == Shape::Live) {
        return Some((i, HeaderKind::Live));
    }
    let latest = rows
        .iter()
        .position(|r| r.shape == Shape::Latest)
        .filter(|&i| {
            let footer_above = rows[..i]
                .iter()
                .any(|r| matches!(r.shape, Shape::LoadMore | Shape::BackToTop));
            let list_below = rows.get(i + 1).is_some_and(|r| r.shape == Shape::LoneDash);
            !footer_above && !list_below
        });
    if let Some(i) = latest {
        return Some((i, HeaderKind::LatestReports));
    }
    rows.iter()
        .position(|r| r.shape == Shape::Count)
        .map(|i| (i, HeaderKind::Count))
}

/// Where the footer starts, at or after `from`.
pub(crate) fn find_footer(rows: &[Row<'_>], from: usize) -> usize {
    rows[from.min(rows.len())..]
        .iter()
        .position(|r| {
            matches!(
                r.shape,
                Shape::LoadMore | Shape::BackToTop | Shape::Latest | Shape::CutLoadMore
            )
        })
        .map_or(rows.len(), |p| p + from)
}

/// Classify the body rows `rows[start..end]` into items, stopping after
/// `max_headlines + 1` headlines (the caller reports the excess).
pub(crate) fn body<'a>(
    rows: &[Row<'a>],
    start: usize,
    end: usize,
    compact: bool,
    max_headlines: usize,
) -> (Vec<Item>, ByRow<QuoteRead<'a>>) {
    let mut c = Classifier {
        rows: &rows[..end],
        compact,
        // An item covers one row or more.
        items: Vec::with_capacity(end.saturating_sub(start)),
        expect: Expect::Headline,
        social: false,
        open_quote: None,
        quotes: ByRow::default(),
        headlines: 0,
    };
    let mut i = start;
    while i < end && c.headlines <= max_headlines {
        i = c.row(i);
    }
    (c.items, c.quotes)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// A headline comes next (after the header or a byline).
    Headline,
    /// After an ad slot: a headline-shaped line starts an update.
    AfterAd,
    /// Inside an update's body.
    Body,
}

struct Classifier<'r, 'a> {
    rows: &'r [Row<'a>],
    compact: bool,
    items: Vec<Item>,
    expect: Expect,
    /// Inside the leftovers of stripped social posts.
    social: bool,
    /// The family of a quotation still open at the end of the last quote.
    open_quote: Option<quote::Family>,
    /// The parts of the quote rows, for the builder.
    quotes: ByRow<QuoteRead<'a>>,
    /// Headlines so far.
    headlines: usize,
}

/// What the next rows hold, for weighing a candidate line.
struct Ahead<'a> {
    /// The text of the next body line (a paragraph, quote or list item).
    text: Option<&'a str>,
    /// The line right after is a caption with a credit.
    credit_next: bool,
    /// The line right after ends the update: an ad, a byline, the footer,
    /// the end, or another headline-shaped line.
    boundary: bool,
}

impl<'r, 'a> Classifier<'r, 'a> {
    fn push(&mut self, kind: Kind, first: usize, last: usize) {
        self.items.push(Item { kind, first, last });
        if kind == Kind::Headline {
            self.headlines += 1;
        }
        if kind != Kind::Quote {
            self.open_quote = None;
        }
    }

    /// The last line of an item: what a following line is weighed against.
    fn item_text(&self, item: &Item) -> &'a str {
        self.rows[item.last].text()
    }

    /// Classify row `i`; gives the next row to read.
    fn row(&mut self, i: usize) -> usize {
        let row = &self.rows[i];
        let expect = self.expect;
        self.expect = Expect::Body;
        if !matches!(row.shape, Shape::Plain) {
            self.social = false;
        }
        match row.shape {
            Shape::Ad => {
                self.push(Kind::Ad, i, i);
                self.expect = if expect == Expect::Headline {
                    Expect::Headline
                } else {
                    Expect::AfterAd
                };
                return i + 1;
            }
            Shape::Numbered if !self.byline_pending(expect) => {
                self.push(Kind::Byline(crate::BylineMarker::Numbered), i, i);
                self.expect = Expect::Headline;
                return i + 1;
            }
            _ => {}
        }
        if expect == Expect::Headline {
            // Rule 1 holds for byline-shaped lines too: after a byline comes
            // the headline (an update has one byline, so a second would
            // drop the first).
            if self.byline_pending(expect) {
                self.push(Kind::Headline, i, i);
            } else if self.is_region_byline(i) {
                self.push(Kind::Byline(crate::BylineMarker::Bare), i, i);
                self.expect = Expect::Headline;
            } else if matches!(row.shape, Shape::Dashed(Dash::Hyphen)) && self.headline_follows(i) {
                self.push(Kind::Byline(crate::BylineMarker::Dash), i, i);
                self.expect = Expect::Headline;
            } else {
                self.push(Kind::Headline, i, i);
            }
            return i + 1;
        }
        match row.shape {
            Shape::Bullet(marker) => self.push(Kind::ListItem(marker), i, i),
            Shape::Caption { .. } => self.push(Kind::Caption, i, i),
            Shape::CrossRef => self.push(Kind::CrossRef, i, i),
            Shape::Report => self.push(Kind::Report, i, i),
            Shape::Dashed(Dash::Long) => self.push(Kind::Attribution, i, i),
            Shape::Dashed(Dash::Hyphen) => self.dashed(i),
            Shape::Plain => return self.plain(i, expect),
            _ => self.push(Kind::Paragraph, i, i),
        }
        i + 1
    }

    /// Whether a byline stands above with no headline after it yet (only
    /// ad slots between).
    fn byline_pending(&self, expect: Expect) -> bool {
        expect == Expect::Headline
            && self
                .items
                .iter()
                .rev()
                .find(|it| it.kind != Kind::Ad)
                .is_some_and(|it| matches!(it.kind, Kind::Byline(_)))
    }

    /// A `- text` line: list item, attribution or byline, by context.
    fn dashed(&mut self, i: usize) {
        let prev = self.items.last().copied();
        let prev_text = prev.map(|p| self.rows[p.last].text()).unwrap_or("");
        let listy = match prev.map(|p| p.kind) {
            Some(Kind::ListItem(_) | Kind::Subheading) => true,
            Some(Kind::Paragraph) => prev_text.ends_with([':', ';']),
            _ => false,
        };
        let after_text = matches!(prev.map(|p| p.kind), Some(Kind::Paragraph | Kind::Quote));
        // A list item keeps only the text after its dash: with a link
        // remnant glued in front, the line stays a paragraph, which keeps it.
        if listy && self.rows[i].remnant().is_some() {
            self.push(Kind::Paragraph, i, i);
        } else if listy {
            self.push(Kind::ListItem(ListMarker::Dash), i, i);
        } else if self.compact && self.headline_follows(i) {
            self.push(Kind::Byline(crate::BylineMarker::Dash), i, i);
            self.expect = Expect::Headline;
        } else if after_text {
            self.push(Kind::Attribution, i, i);
        } else if self.headline_follows(i) {
            self.push(Kind::Byline(crate::BylineMarker::Dash), i, i);
            self.expect = Expect::Headline;
        } else {
            self.push(Kind::Paragraph, i, i);
        }
    }

    /// Whether row `i` is the last line of the capture, cut before its end.
    fn is_cut(&self, i: usize) -> bool {
        i + 1 == self.rows.len() && self.rows[i].is_cut()
    }

    /// Whether the row after `i` is plain and shaped like a headline.
    fn headline_follows(&self, i: usize) -> bool {
        self.rows
            .get(i + 1)
            .is_some_and(|r| r.headline_shape().is_some())
    }

    /// A bare region name standing before a headline.
    fn is_region_byline(&self, i: usize) -> bool {
        let row = &self.rows[i];
        row.is_plain()
            && row.remnant().is_none()
            && byline::is_region(row.text())
            && self.headline_follows(i)
            && !self
                .rows
                .get(i + 2)
                .is_some_and(|r| matches!(r.shape, Shape::Bullet(..)))
    }

    /// A plain line.
    fn plain(&mut self, i: usize, expect: Expect) -> usize {
        let row = &self.rows[i];
        let next = self.rows.get(i + 1);
        let glued_next = next.is_some_and(|n| n.gap == 0);
        // A plain line glued under a paragraph continues it.
        if !self.compact && row.gap == 0 {
            if let Some(last) = self.items.last_mut() {
                if matches!(last.kind, Kind::Paragraph | Kind::Quote | Kind::Blockquote)
                    && last.last + 1 == i
                {
                    last.last = i;
                    return i + 1;
                }
            }
        }
        // What follows a link remnant starts an update.
        if row.remnant().is_some() {
            return self.headline(i);
        }
        // Alt text glued above its caption.
        if glued_next && self.is_alt(i) {
            self.push(Kind::Caption, i, i + 1);
            return i + 2;
        }
        if expect == Expect::AfterAd {
            if self.is_region_byline(i) {
                self.push(Kind::Byline(crate::BylineMarker::Bare), i, i);
                self.expect = Expect::Headline;
                return i + 1;
            }
            // A full stop only on a short line (ten words at most).
            match row.fit() {
                Some(f) if f.ending == headline::Ending::Open => return self.headline(i),
                Some(f) if f.words <= 10 => return self.headline(i),
                _ => {}
            }
        }
        // Quotations (a wholly or partly quoted headline aside).
        let quoted = quote::opening(row.text()).is_some();
        let continued = self.open_quote.is_some() && quote::continuation(row.text()).is_some();
        if continued || (quoted && row.headline_shape().is_none()) {
            let parts = quote::parts(row.text(), self.open_quote);
            self.quotes.set(i, (self.open_quote, parts));
            self.push(Kind::Quote, i, i);
            self.open_quote = parts.filter(|p| p.continues).and_then(|_| {
                quote::opening(row.text())
                    .map(|(f, _)| f)
                    .or(self.open_quote)
            });
            return i + 1;
        }
        if row.hash || headline::is_avatar(row.text()) {
            self.social = true;
            self.push(Kind::Paragraph, i, i);
            return i + 1;
        }
        if row.text().ends_with(['.', '?']) {
            self.social = false;
        }
        let Some(fit) = row.fit() else {
            self.push(Kind::Paragraph, i, i);
            return i + 1;
        };
        if !self.compact && glued_next && next.is_some_and(|n| n.is_plain()) {
            // The first line of a paragraph of several lines.
            self.push(Kind::Paragraph, i, i);
            return i + 1;
        }
        if self.is_region_byline(i) {
            self.push(Kind::Byline(crate::BylineMarker::Bare), i, i);
            self.expect = Expect::Headline;
            return i + 1;
        }
        if headline::is_date_counted(row.text(), fit.words) || self.heads_list(i) {
            self.push(Kind::Subheading, i, i);
            return i + 1;
        }
        let kind = self.weigh(i, fit, quoted);
        if kind == Kind::Headline {
            return self.headline(i);
        }
        self.push(kind, i, i);
        i + 1
    }

    fn headline(&mut self, i: usize) -> usize {
        self.push(Kind::Headline, i, i);
        self.social = false;
        i + 1
    }

    /// A short line glued above a caption: its image's alt text.
    fn is_alt(&self, i: usize) -> bool {
        let (row, Some(next)) = (&self.rows[i], self.rows.get(i + 1)) else {
            return false;
        };
        let short = words::at_most(row.text(), 8) && !row.text().ends_with(['.', ':', ';', ',']);
        if !short || row.remnant().is_some() {
            return false;
        }
        match next.shape {
            // A credit alone under the line: on a spaced page, where lines
            // glue only within an element, the line is its caption text.
            Shape::Caption { described, sourced } => described || !sourced || !self.compact,
            Shape::Plain if !self.compact => {
                // A third plain line glued on makes the three one paragraph;
                // an element of another shape glued on does not count.
                let after_glued = self
                    .rows
                    .get(i + 2)
                    .is_some_and(|r| r.gap == 0 && r.is_plain());
                let caption_like =
                    words::at_most(next.text(), 16) && !next.text().ends_with(['.', ':', ';']);
                !after_glued
                    && caption_like
                    && words::overlap(&words::content(row.text()), next.text(), false, 1) > 0
            }
            _ => false,
        }
    }

    /// Whether the line heads a list: bullets or dash items follow it, and it
    /// is a short title or names nothing (a longer named line over a list is
    /// weighed as a possible headline).
    fn heads_list(&self, i: usize) -> bool {
        let row = &self.rows[i];
        let is_list =
            |r: &Row<'_>| matches!(r.shape, Shape::Bullet(..) | Shape::Dashed(Dash::Hyphen));
        self.rows.get(i + 1).is_some_and(is_list)
            && !row.text().ends_with([':', ';'])
            && (words::at_most(row.text(), 4) || !words::has_proper_noun(row.text()))
    }

    /// Whether row `j` could start an update of its own: plain, shaped like
    /// a headline, not a date or a list heading, standing alone.
    fn standalone_candidate(&self, j: usize) -> bool {
        let Some(r) = self.rows.get(j) else {
            return false;
        };
        // Glue to the next line matters only where it makes one element of
        // the two (a paragraph's lines, an alt text and its caption).
        let glued = |n: &Row<'_>| {
            n.gap == 0
                && (n.is_plain() || matches!(n.shape, Shape::Caption { .. }) && self.is_alt(j))
        };
        // A line after a link remnant starts an update whatever its glue.
        let alone = self.compact
            || r.remnant().is_some()
            || (r.gap > 0 && !self.rows.get(j + 1).is_some_and(glued));
        alone
            && r.headline_shape() == Some(headline::Ending::Open)
            && !headline::is_date(r.text())
            && !self.heads_list(j)
    }

    /// What follows row `i`.
    fn ahead(&self, i: usize) -> Ahead<'a> {
        let mut out = Ahead {
            text: None,
            credit_next: false,
            boundary: false,
        };
        let Some(next) = self.rows.get(i + 1) else {
            out.boundary = true;
            return out;
        };
        out.credit_next = matches!(next.shape, Shape::Caption { sourced: true, .. });
        out.boundary = match next.shape {
            Shape::Ad | Shape::Numbered => true,
            Shape::Plain => self.standalone_candidate(i + 1),
            _ => false,
        };
        for (j, r) in self.rows.iter().enumerate().skip(i + 1).take(6) {
            match r.shape {
                Shape::Caption { .. } | Shape::Report => continue,
                Shape::Plain if self.heads_list(j) => continue,
                Shape::Plain | Shape::Bullet(..) => {
                    out.text = Some(r.text());
                    break;
                }
                _ => break,
            }
        }
        out
    }

    /// Weigh a headline-shaped body line against its neighbours (rule 5).
    fn weigh(&self, i: usize, fit: headline::Fit, quoted: bool) -> Kind {
        let row = &self.rows[i];
        let text = row.text();
        if row.label().is_some() {
            return Kind::Headline;
        }
        if self.is_cut(i) && fit.words > 10 {
            // A long line cut by the end of the capture was a paragraph.
            return Kind::Paragraph;
        }
        let ahead = self.ahead(i);
        let prev = self.items.last().copied();
        let prev_kind = prev.map(|p| p.kind);
        let prev_text = prev.map(|p| self.item_text(&p)).unwrap_or("");
        let image_slot = prev_kind == Some(Kind::Headline);
        let open = fit.ending == headline::Ending::Open;
        if open && !image_slot && !self.social && (ahead.boundary || ahead.credit_next) {
            return Kind::Headline;
        }
        // Words, compared with 8 and 5 at most.
        let n = fit.words;
        let prose_before = matches!(prev_kind, Some(Kind::Paragraph | Kind::Quote));
        if !open && (n > 8 || !prose_before) {
            return Kind::Paragraph;
        }
        // Shared words are counted only as far as a rule compares them.
        let mut own = words::Content::EMPTY;
        own.read(text);
        let lede = |limit| {
            ahead
                .text
                .map_or(0, |t| words::overlap(&own, t, false, limit))
        };
        let above = |from_end, limit| words::overlap(&own, prev_text, from_end, limit);
        if !open {
            let ok = lede(2) >= 2 && above(true, 1) == 0;
            return if ok { Kind::Headline } else { Kind::Paragraph };
        }
        if self.social && lede(1) == 0 {
            return Kind::Paragraph;
        }
        // Read only where a branch asks (Unicode word segmentation).
        let named = || words::has_proper_noun(text);
        if image_slot {
            // A caption describes the headline's picture; the next headline
            // shares more with its own lede than with the headline above.
            let h = above(false, usize::MAX);
            let headline = if h == 0 {
                lede(1) > 0 || ahead.credit_next || ahead.boundary || quoted || named()
            } else {
                // More than `h` shared with the lede, and at least two.
                let more = (h + 1).max(2);
                lede(more) >= more && !starts_with_article(text)
            };
            return if headline {
                Kind::Headline
            } else {
                not_headline(text, fit)
            };
        }
        if ahead.boundary || ahead.credit_next {
            return Kind::Headline;
        }
        let paragraph_before = matches!(
            prev_kind,
            Some(Kind::Paragraph | Kind::Quote | Kind::Blockquote)
        );
        // Shared with the end of the text above.
        let p = |limit| {
            if paragraph_before {
                above(true, limit)
            } else {
                0
            }
        };
        // A picture's description shares words with the text around it, and
        // opens with an article where a headline would not.
        let caption = if lede(1) > 0 {
            starts_with_article(text) && {
                let q = lede(usize::MAX);
                p(q) >= q
            }
        } else {
            p(1) > 0 || (!quoted && !named() && n <= 5)
        };
        if caption {
            not_headline(text, fit)
        } else {
            Kind::Headline
        }
    }
}

/// Whether a line opens with an article, as captions do and headlines
/// rarely do: its first word (as [`str::split_whitespace`] splits) is one.
fn starts_with_article(text: &str) -> bool {
    let text = text.trim_start();
    ["The", "A", "An"].iter().any(|article| {
        text.strip_prefix(article)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace))
    })
}

/// A headline-shaped line that is not a headline (`fit` its shape): a
/// subheading if it asks, dates or is a short unnamed title; otherwise a
/// caption (an image slot).
fn not_headline(text: &str, fit: headline::Fit) -> Kind {
    let short_title = fit.words <= 4 && !words::has_proper_noun(text);
    if text.ends_with(['?', ':']) || headline::is_date_counted(text, fit.words) || short_title {
        Kind::Subheading
    } else {
        Kind::Caption
    }
}

#[cfg(test)]
mod tests {
    use crate::{outline, Role};

    /// The roles of a page's lines, as `(line, role)`.
    fn roles(page: &str) -> Vec<(usize, Role)> {
        outline(page).iter().map(|r| (r.line, r.role)).collect()
    }

    #[test]
    fn rule_1_after_header_byline_and_ad_a_line_is_a_headline() {
        let page = "Live updates\n\n  1. Fenwick\n\nKiln fire at Holloway pottery\n\nCrews put out a kiln fire on Tuesday.\n\nAdvertisement\n\nTanners Row closes for resurfacing\n\nThe road shuts on Monday.\n";
        assert_eq!(
            roles(page),
            [
                (1, Role::Header),
                (3, Role::Byline),
                (5, Role::Headline),
                (7, Role::Paragraph),
                (9, Role::Ad),
                (11, Role::Headline),
                (13, Role::Paragraph)
            ]
        );
    }

    #[test]
    fn rule_1_after_an_ad_a_sentence_continues_the_update() {
        let page = "Live updates\n\nMill pond drained for repairs\n\nThe pond at Holloway mill has been drained.\n\nAdvertisement\n\nFish were moved to the canal by volunteers from the angling club on Sunday.\n";
        assert_eq!(roles(page)[3..], [(7, Role::Ad), (9, Role::Paragraph)]);
    }

    #[test]
    fn rule_1_a_bare_region_before_a_headline_is_a_byline() {
        let page = "Live updates\n\nFenwick\n\nKiln fire at Holloway pottery\n\nCrews put out a kiln fire on Tuesday.\n";
        assert_eq!(roles(page)[1..3], [(3, Role::Byline), (5, Role::Headline)]);
    }

    proptest::proptest! {
        /// Only lines opening with `-`, `a`, `b` or `l` (any case) can be
        /// chrome, so the others may skip the tests.
        #[test]
        fn chrome_opens_with_a_dash_or_a_b_or_l(
            before in "[ -~\u{a0}\u{2013}]?",
            words in "(?i)(advertisement|live updates|live news stream|latest vale tv reports|load more updates|load more upd|back to top|- 6 updates|-)",
            after in "( back to top)?",
        ) {
            let t = format!("{before}{words}{after}");
            let t = t.trim();
            for last in [false, true] {
                proptest::prop_assert_eq!(
                    super::chrome_shape(t, last),
                    super::any_chrome_shape(t, last)
                );
            }
        }

        /// An article opens a line as the first word of a split at white
        /// space says.
        #[test]
        fn an_article_is_the_first_split_word(text in "[ \u{a0}\u{3000}\t]{0,2}(The|A|An|Then|At|a|THE)?[ \u{a0}\u{2003}\tx.]{0,3}(A|The)?") {
            let first = text.split_whitespace().next().unwrap_or("");
            proptest::prop_assert_eq!(
                super::starts_with_article(&text),
                matches!(first, "The" | "A" | "An")
            );
        }
    }

    #[test]
    fn rule_2_glued_lines_join_and_alt_text_sits_above_its_caption() {
        let page = "Live updates\n\nKiln fire at Holloway pottery\n\nkiln\nThe kiln after the fire. Credit: Fenwick Fire Service\n\nCrews were called at 6am.\nNobody was hurt.\n";
        assert_eq!(
            roles(page)[2..],
            [
                (5, Role::Caption),
                (6, Role::Caption),
                (8, Role::Paragraph),
                (9, Role::Paragraph)
            ]
        );
        let page = crate::parse(page);
        assert!(
            matches!(&page.updates[0].blocks[1], crate::Block::Paragraph(p) if p.text == "Crews were called at 6am.\nNobody was hurt.")
        );
    }

    #[test]
    fn rule_3_lines_without_a_headline_shape_are_paragraphs() {
        let page = "Live updates\n\nKiln fire at Holloway pottery\n\nA spokesperson for the pottery said:\n\nby Ines Marlow\n\nWe lost everything in there\n";
        assert_eq!(
            roles(page)[2..],
            [
                (5, Role::Paragraph),
                (7, Role::Paragraph),
                (9, Role::Paragraph)
            ]
        );
    }

    #[test]
    fn rule_4_list_headings_and_dates_are_subheadings() {
        let page = "Live updates\n\nHolloway gala programme\n\nThe gala runs all weekend.\n\nMain field\n\n  • Dog show\n  • Tug of war\n\nSunday 9 July\n\nA brass band plays from noon.\n";
        assert_eq!(
            roles(page)[3..5],
            [(7, Role::Subheading), (9, Role::ListItem)]
        );
        assert_eq!(roles(page)[6], (12, Role::Subheading));
    }

    #[test]
    fn rule_5_a_line_sharing_words_with_its_lede_is_a_headline() {
        let page = "Live updates\n\nKiln fire at Holloway pottery\n\nCrews put out a kiln fire on Tuesday.\n\nCanal towpath reopens at Fenwick lock\n\nThe towpath by Fenwick lock has reopened after flood repairs.\n";
        assert_eq!(roles(page)[3], (7, Role::Headline));
    }

    #[test]
    fn rule_5_a_line_sharing_words_only_with_the_text_above_is_a_caption() {
        let page = "Live updates\n\nKiln fire at Holloway pottery\n\nCrews put out a kiln fire at the pottery on Tuesday.\n\nSmoke over the pottery yard\n\nThe owners hope to reopen next month.\n";
        assert_eq!(roles(page)[3], (7, Role::Caption));
    }

    #[test]
    fn rule_5_under_a_headline_a_line_about_its_picture_is_a_caption() {
        let page = "Live updates\n\nKiln fire at Holloway pottery\n\nThe burnt-out kiln at Holloway\n\nCrews put out a kiln fire at Holloway on Tuesday.\n";
        assert_eq!(roles(page)[2], (5, Role::Caption));
        let page = "Live updates\n\nKiln fire at Holloway pottery\n\nCanal towpath reopens at Fenwick lock\n\nThe towpath by Fenwick lock has reopened.\n";
        assert_eq!(roles(page)[2], (5, Role::Headline));
    }

    #[test]
    fn rule_5_a_headline_only_update_before_an_ad_or_byline() {
        let page = "Live updates\n\nKiln fire at Holloway pottery\n\nCrews are there.\n\nPower cut hits Fenwick\n\nAdvertisement\n\nBridge closed\n\n  1. Fenwick\n\nSchool shut by burst pipe\n\nPupils were sent home.\n";
        let r = roles(page);
        assert_eq!(r[3], (7, Role::Headline));
        assert_eq!(r[5], (11, Role::Headline));
    }

    #[test]
    fn rule_6_attribution_closes_the_speakers_words_only() {
        let page = "Live updates\n\nPottery to rebuild kiln\n\nThe owners of Holloway pottery say they will rebuild.\n\nThe insurer said it would pay for a new kiln.\n\nWe are overwhelmed by the support. We will be back.\n\n– Ines Marlow, potter\n";
        assert_eq!(
            roles(page)[2..],
            [
                (5, Role::Paragraph),
                (7, Role::Paragraph),
                (9, Role::Blockquote),
                (11, Role::Attribution)
            ]
        );
    }
}
