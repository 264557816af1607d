//! An `arbitrary`-derived model of a live page, rendered to text by this
//! crate (not by the library), so the fuzzer starts from pages with real
//! structure: a header, bylines, headlines with labels and quotes, bodies of
//! paragraphs, captions, quotes running over paragraphs, block quotes,
//! report lines, lists, cross-references, ad slots, footers; spaced or dash
//! layout; LF, CRLF or CR line ends; a BOM; a cut anywhere.

use arbitrary::Arbitrary;

/// Words the model draws from: names, plain and function words, pronouns
/// and reporting verbs (which drive the voice rules), dates, numbers,
/// symbols, and non-ASCII text.
const VOCAB: &[&str] = &[
    "Kelford",
    "Ashbury",
    "Jo",
    "Bloggs",
    "Sam",
    "Lee",
    "Obama",
    "North",
    "Korea",
    "FBI",
    "ITV",
    "News",
    "Sony",
    "Pictures",
    "Council",
    "Mr",
    "bridge",
    "flood",
    "council",
    "reopens",
    "fire",
    "crews",
    "road",
    "schools",
    "closed",
    "water",
    "hackers",
    "film",
    "release",
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "I",
    "we",
    "we're",
    "you",
    "our",
    "he",
    "she",
    "they",
    "don't",
    "it's",
    "said",
    "says",
    "told",
    "added",
    "reports",
    "warned",
    "spoke",
    "has",
    "more",
    "story",
    "10am",
    "22",
    "2014",
    "£5",
    "31°",
    "Monday",
    "December",
    "23",
    "–",
    "-",
    "…",
    "&",
    "#floods",
    "a8Xk2_normal",
    "@samlee",
    "café",
    "naïve",
    "Zürich",
    "日本",
    "مرحبا",
    "e\u{301}",
    "WATCH:",
    "Credit:",
    "Video:",
    "›",
    "\"",
    "'",
    "“",
    "”",
    "‘",
    "’",
    "`",
    "''",
    ":",
    ";",
    ",",
    ".",
    "?",
    "!",
    "...",
    "(E)",
    "(@samlee)",
    "\u{a0}",
    "\t",
    "\u{200b}",
    "\u{2028}",
    "\u{feff}",
];

/// A word of the vocabulary.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub struct Word(u8);

impl Word {
    fn text(self) -> &'static str {
        VOCAB[self.0 as usize % VOCAB.len()]
    }
}

/// A run of words, joined with spaces.
#[derive(Debug, Clone, Arbitrary)]
pub struct Words(Vec<Word>);

impl Words {
    fn render(&self, max: usize) -> String {
        let words: Vec<&str> = self.0.iter().take(max).map(|w| w.text()).collect();
        words.join(" ")
    }
}

/// A sentence: words, then an ending.
#[derive(Debug, Clone, Arbitrary)]
pub struct Sentence {
    words: Words,
    end: End,
}

#[derive(Debug, Clone, Copy, Arbitrary)]
enum End {
    Stop,
    Question,
    Bang,
    Colon,
    Semicolon,
    Comma,
    Ellipsis,
    Dots,
    None,
}

impl End {
    fn text(self) -> &'static str {
        match self {
            End::Stop => ".",
            End::Question => "?",
            End::Bang => "!",
            End::Colon => ":",
            End::Semicolon => ";",
            End::Comma => ",",
            End::Ellipsis => "…",
            End::Dots => "...",
            End::None => "",
        }
    }
}

impl Sentence {
    fn render(&self) -> String {
        let mut s = capitalise(&self.words.render(40));
        s.push_str(self.end.text());
        s
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The quotation marks.
#[derive(Debug, Clone, Copy, Arbitrary)]
enum Mark {
    Straight,
    CurlyOpen,
    CurlyClose,
    Single,
    SingleOpen,
    SingleClose,
    Backtick,
    Doubled,
    Low,
}

impl Mark {
    fn text(self) -> &'static str {
        match self {
            Mark::Straight => "\"",
            Mark::CurlyOpen => "“",
            Mark::CurlyClose => "”",
            Mark::Single => "'",
            Mark::SingleOpen => "‘",
            Mark::SingleClose => "’",
            Mark::Backtick => "`",
            Mark::Doubled => "''",
            Mark::Low => "„",
        }
    }
}

/// A person as bylines and attributions write them.
#[derive(Debug, Clone, Arbitrary)]
struct Name {
    first: Word,
    last: Word,
    form: NameForm,
}

#[derive(Debug, Clone, Arbitrary)]
enum NameForm {
    Plain,
    Outlet(Word),
    Role(Word),
    Handle,
    Label(Word),
}

impl Name {
    fn render(&self) -> String {
        let name = format!(
            "{} {}",
            capitalise(self.first.text()),
            capitalise(self.last.text())
        );
        match &self.form {
            NameForm::Plain => name,
            NameForm::Outlet(w) => format!("{name}, {} News", capitalise(w.text())),
            NameForm::Role(w) => format!("{name}: {} Presenter", capitalise(w.text())),
            NameForm::Handle => format!(
                "{name} (@{}{})",
                self.first.text().to_lowercase(),
                self.last.0
            ),
            NameForm::Label(w) => format!("{} Report", capitalise(w.text())),
        }
    }
}

/// The whole page.
#[derive(Debug, Clone, Arbitrary)]
pub struct PageModel {
    bom: bool,
    eol: Eol,
    compact: bool,
    preamble: Vec<Sentence>,
    header: HeaderModel,
    updates: Vec<UpdateModel>,
    footer: FooterModel,
    /// Keep only this many bytes (at a char boundary).
    cut: Option<u16>,
    trailing_space: bool,
    final_eol: bool,
}

#[derive(Debug, Clone, Copy, Arbitrary)]
enum Eol {
    Lf,
    Crlf,
    Cr,
    /// LF, CRLF and CR in turn.
    Mixed,
}

#[derive(Debug, Clone, Arbitrary)]
enum HeaderModel {
    Live,
    Shouted,
    NewsStream,
    Count(u8),
    Latest(Word),
    None,
}

#[derive(Debug, Clone, Arbitrary)]
enum FooterModel {
    None,
    LoadMore,
    LoadMoreBackToTop,
    BackToTop,
    Latest(Word, Vec<Words>),
    Cut(u8),
}

#[derive(Debug, Clone, Arbitrary)]
struct UpdateModel {
    byline: Option<BylineModel>,
    headline: HeadlineModel,
    blocks: Vec<BlockModel>,
    /// Blank lines before each element of the update (cycled).
    gaps: Vec<u8>,
}

#[derive(Debug, Clone, Arbitrary)]
enum BylineModel {
    Numbered(u8, Option<Name>),
    Bare,
    Dash(Name),
    Region(Word, bool),
    Remnant(Name),
}

#[derive(Debug, Clone, Arbitrary)]
struct HeadlineModel {
    label: Option<Label>,
    words: Words,
    end: End,
    quote: Option<(Mark, Mark, bool)>,
    remnant: bool,
    signed: Option<Name>,
}

#[derive(Debug, Clone, Copy, Arbitrary)]
enum Label {
    Watch,
    Video,
    SpecialReport,
    Reports,
}

#[derive(Debug, Clone, Arbitrary)]
enum BlockModel {
    /// Sentences on one line, or glued over several lines.
    Paragraph(Vec<Sentence>, bool),
    Subheading(Words, bool),
    Date(u8, u8),
    Caption {
        alt: Option<Words>,
        description: Option<Sentence>,
        credit: CreditModel,
    },
    Quote {
        open: Mark,
        words: Sentence,
        close: Option<Mark>,
        speaker: Option<(Name, bool)>,
        pronoun: Option<Word>,
    },
    Continuation(Sentence, Option<Mark>),
    BlockQuote {
        intro: Option<Sentence>,
        paragraphs: Vec<(Option<Mark>, Sentence)>,
        attribution: Option<(bool, Name, bool)>,
    },
    Report(ReportModel, Name),
    List {
        heading: Option<Words>,
        items: Vec<(Bullet, Words)>,
    },
    CrossRef(CrossRefModel, Words),
    Ad,
    Raw(Words),
}

#[derive(Debug, Clone, Arbitrary)]
enum CreditModel {
    Source(Word, bool),
    Agency(Word, Word),
    Handle(Word),
    Empty,
    Video(Name),
    VideoShort(Name),
    None,
}

#[derive(Debug, Clone, Copy, Arbitrary)]
enum ReportModel {
    Reports,
    ReportsColon,
    HasTheStory,
    HasMore,
    HereIsAReport,
    SpokeTo,
    FindingOut,
    VideoReportBy,
    WatchHere,
    ClickBelow,
    FollowUs,
    Email,
    Bulleted,
}

#[derive(Debug, Clone, Copy, Arbitrary)]
enum Bullet {
    Dot,
    Middle,
    Dash,
    Numbered,
}

#[derive(Debug, Clone, Copy, Arbitrary)]
enum CrossRefModel {
    ReadMore,
    More,
    Read,
    ClickHere,
    FindOutMore,
    FullStory,
}

/// Lines with the number of blank lines before each.
struct Out {
    lines: Vec<(usize, String)>,
    compact: bool,
}

impl Out {
    fn push(&mut self, gap: usize, line: String) {
        let gap = if self.compact { 0 } else { gap.min(4) };
        self.lines.push((gap, line));
    }
}

impl PageModel {
    /// The page as text.
    pub fn render(&self) -> String {
        let mut out = Out {
            lines: Vec::new(),
            compact: self.compact,
        };
        for s in self.preamble.iter().take(4) {
            out.push(1, s.render());
        }
        match &self.header {
            HeaderModel::Live => out.push(1, "Live updates".into()),
            HeaderModel::Shouted => out.push(1, "LIVE UPDATES".into()),
            HeaderModel::NewsStream => out.push(1, "Live news stream".into()),
            HeaderModel::Count(n) => out.push(1, format!("- {n} updates")),
            HeaderModel::Latest(w) => out.push(1, format!("Latest {} reports", w.text())),
            HeaderModel::None => {}
        }
        for u in self.updates.iter().take(12) {
            u.render(&mut out);
        }
        match &self.footer {
            FooterModel::None => {}
            FooterModel::LoadMore => out.push(1, "Load more updates".into()),
            FooterModel::LoadMoreBackToTop => out.push(1, "Load more updates Back to top".into()),
            FooterModel::BackToTop => out.push(1, "Back to top".into()),
            FooterModel::Latest(w, related) => {
                out.push(1, format!("Latest {} reports", w.text()));
                for r in related.iter().take(4) {
                    out.push(0, "-".into());
                    out.push(0, capitalise(&r.render(10)));
                }
            }
            FooterModel::Cut(n) => {
                let full = "Load more updates";
                out.push(1, full[..(*n as usize % full.len()).max(1)].into());
            }
        }
        let mut text = String::new();
        if self.bom {
            text.push('\u{feff}');
        }
        for (i, (gap, line)) in out.lines.iter().enumerate() {
            let eol = |k: usize| match self.eol {
                Eol::Lf => "\n",
                Eol::Crlf => "\r\n",
                Eol::Cr => "\r",
                Eol::Mixed => ["\n", "\r\n", "\r"][k % 3],
            };
            if i > 0 {
                text.push_str(eol(i));
                for g in 0..*gap {
                    if self.trailing_space && g % 2 == 1 {
                        text.push_str("  ");
                    }
                    text.push_str(eol(i + g));
                }
            }
            text.push_str(line);
            if self.trailing_space {
                text.push(' ');
            }
        }
        if self.final_eol {
            text.push('\n');
        }
        if let Some(cut) = self.cut {
            let mut at = (cut as usize).min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            text.truncate(at);
        }
        text
    }
}

impl UpdateModel {
    fn render(&self, out: &mut Out) {
        let mut k = 0;
        let mut gap = || {
            let g = self
                .gaps
                .get(k % self.gaps.len().max(1))
                .copied()
                .unwrap_or(1);
            k += 1;
            g as usize % 4
        };
        if let Some(b) = &self.byline {
            let line = match b {
                BylineModel::Numbered(n, name) => match name {
                    Some(name) => format!("  {}. {}", n % 20, name.render()),
                    None => format!("  {}. National", n % 20),
                },
                BylineModel::Bare => "  1.".into(),
                BylineModel::Dash(name) => format!("- {}", name.render()),
                BylineModel::Region(w, code) => {
                    if *code {
                        format!("{} (E)", capitalise(w.text()))
                    } else {
                        capitalise(w.text())
                    }
                }
                BylineModel::Remnant(name) => format!("Read the full story › - {}", name.render()),
            };
            out.push(1 + gap(), line);
        }
        let h = &self.headline;
        let mut line = String::new();
        if h.remnant {
            line.push_str("Read the full story › ");
        }
        if let Some(label) = h.label {
            line.push_str(match label {
                Label::Watch => "WATCH: ",
                Label::Video => "VIDEO: ",
                Label::SpecialReport => "Special Report: ",
                Label::Reports => "Reports: ",
            });
        }
        let words = capitalise(&h.words.render(14));
        match h.quote {
            Some((open, close, whole)) if whole => {
                line.push_str(&format!("{}{words}{}", open.text(), close.text()))
            }
            Some((open, close, _)) => line.push_str(&format!(
                "{words} {}{}{}",
                open.text(),
                "we will",
                close.text()
            )),
            None => line.push_str(&words),
        }
        line.push_str(h.end.text());
        if let Some(name) = &h.signed {
            line.push_str(&format!(" - {}", name.render()));
        }
        out.push(1 + gap(), line);
        for b in self.blocks.iter().take(10) {
            let g = gap();
            b.render(g, out);
        }
    }
}

impl BlockModel {
    fn render(&self, gap: usize, out: &mut Out) {
        match self {
            BlockModel::Paragraph(sentences, glued) => {
                let s: Vec<String> = sentences.iter().take(6).map(Sentence::render).collect();
                if *glued && s.len() > 1 {
                    for (i, line) in s.into_iter().enumerate() {
                        out.push(if i == 0 { gap } else { 0 }, line);
                    }
                } else {
                    out.push(gap, s.join(" "));
                }
            }
            BlockModel::Subheading(w, ask) => {
                let mut s = capitalise(&w.render(5));
                if *ask {
                    s.push('?');
                }
                out.push(gap, s);
            }
            BlockModel::Date(d, m) => {
                const MONTHS: [&str; 4] = ["May", "December", "March", "June"];
                out.push(
                    gap,
                    format!("Saturday {} {}", d % 32, MONTHS[*m as usize % 4]),
                );
            }
            BlockModel::Caption {
                alt,
                description,
                credit,
            } => {
                if let Some(alt) = alt {
                    out.push(gap, capitalise(&alt.render(8)));
                }
                let desc = description
                    .as_ref()
                    .map(Sentence::render)
                    .unwrap_or_default();
                let credit = match credit {
                    CreditModel::Source(w, stop) => {
                        format!(
                            " Credit: {}{}",
                            capitalise(w.text()),
                            if *stop { "." } else { "" }
                        )
                    }
                    CreditModel::Agency(a, b) => {
                        format!(
                            " Credit: {}/{} Wire",
                            capitalise(a.text()),
                            capitalise(b.text())
                        )
                    }
                    CreditModel::Handle(w) => format!(" Credit: @{}", w.text()),
                    CreditModel::Empty => " Credit:".into(),
                    CreditModel::Video(n) => format!(" Video Credit: {}", n.render()),
                    CreditModel::VideoShort(n) => format!("Video: {}", n.render()),
                    CreditModel::None => String::new(),
                };
                let line = format!("{desc}{credit}");
                out.push(
                    if alt.is_some() { 0 } else { gap },
                    line.trim_start().to_string(),
                );
            }
            BlockModel::Quote {
                open,
                words,
                close,
                speaker,
                pronoun,
            } => {
                let mut s = format!("{}{}", open.text(), words.render());
                if let Some(c) = close {
                    s.push_str(c.text());
                }
                match (speaker, pronoun) {
                    (Some((name, before)), _) => {
                        if *before {
                            s.push_str(&format!(" {} said.", name.render()));
                        } else {
                            s.push_str(&format!(" said {}, the organiser.", name.render()));
                        }
                    }
                    (None, Some(p)) => s.push_str(&format!(" {} said.", p.text())),
                    (None, None) => {}
                }
                out.push(gap, s);
            }
            BlockModel::Continuation(words, close) => {
                let mut s = format!("…{}", words.render());
                if let Some(c) = close {
                    s.push_str(c.text());
                }
                out.push(gap, s);
            }
            BlockModel::BlockQuote {
                intro,
                paragraphs,
                attribution,
            } => {
                if let Some(intro) = intro {
                    let mut s = intro.render();
                    s.push(':');
                    out.push(gap, s);
                }
                for (mark, p) in paragraphs.iter().take(5) {
                    let mark = mark.map(Mark::text).unwrap_or("");
                    out.push(1, format!("{mark}{}", p.render()));
                }
                if let Some((long, name, stop)) = attribution {
                    out.push(
                        1,
                        format!(
                            "{} {}{}",
                            if *long { "–" } else { "-" },
                            name.render(),
                            if *stop { "." } else { "" }
                        ),
                    );
                }
            }
            BlockModel::Report(r, name) => {
                let n = name.render();
                let s = match r {
                    ReportModel::Reports => format!("{n} reports"),
                    ReportModel::ReportsColon => format!("{n} reports:"),
                    ReportModel::HasTheStory => format!("{n} has the story:"),
                    ReportModel::HasMore => format!("{n} has more:"),
                    ReportModel::HereIsAReport => format!("Here is a report by {n}:"),
                    ReportModel::SpokeTo => format!("{n} spoke to Jo Bloggs and Sam Lee."),
                    ReportModel::FindingOut => format!("{n} has been finding out more."),
                    ReportModel::VideoReportBy => format!("Video report by {n}."),
                    ReportModel::WatchHere => "Watch the debate here.".into(),
                    ReportModel::ClickBelow => "Click below to watch our report".into(),
                    ReportModel::FollowUs => "Follow us on Twitter:".into(),
                    ReportModel::Email => "Email -".into(),
                    ReportModel::Bulleted => format!("  • Video report by {n}"),
                };
                out.push(gap, s);
            }
            BlockModel::List { heading, items } => {
                if let Some(h) = heading {
                    out.push(gap, format!("{}:", capitalise(&h.render(8))));
                }
                for (i, (bullet, words)) in items.iter().take(8).enumerate() {
                    let w = words.render(10);
                    let s = match bullet {
                        Bullet::Dot => format!("  • {w}"),
                        Bullet::Middle => format!("· {w}"),
                        Bullet::Dash => format!("- {w}"),
                        Bullet::Numbered => format!("  • {}.) {w}", i + 1),
                    };
                    out.push(if i == 0 && heading.is_none() { gap } else { 0 }, s);
                }
            }
            BlockModel::CrossRef(kind, words) => {
                let w = capitalise(&words.render(10));
                let s = match kind {
                    CrossRefModel::ReadMore => format!("Read More: {w}"),
                    CrossRefModel::More => format!("More: {w}"),
                    CrossRefModel::Read => format!("Read: {w}"),
                    CrossRefModel::ClickHere => "Click here for more details.".into(),
                    CrossRefModel::FindOutMore => "Find out more here.".into(),
                    CrossRefModel::FullStory => format!("Read the full story › {w}"),
                };
                out.push(gap, s);
            }
            BlockModel::Ad => out.push(gap.max(1), "Advertisement".into()),
            BlockModel::Raw(words) => out.push(gap, words.render(30)),
        }
    }
}
