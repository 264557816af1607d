//! Inputs for the benches: the seeds, large live pages built from them, and
//! pathological pages grown by a scale factor.
//!
//! Everything here is deterministic (no randomness), so two runs time the
//! same bytes.

#![allow(dead_code)]

/// The two bundled seed pages.
pub const SEEDS: [(&str, &str); 2] = [
    (
        "000_fc07ed4dcfef15de",
        include_str!("../../seeds/000_fc07ed4dcfef15de.txt"),
    ),
    (
        "001_5e9e988d76bce3bb",
        include_str!("../../seeds/001_5e9e988d76bce3bb.txt"),
    ),
];

pub const KB: usize = 1024;
pub const MB: usize = 1024 * 1024;

/// The lines of a seed between its header and its footer.
fn seed_body(seed: &str) -> Vec<&str> {
    seed.lines()
        .skip_while(|l| !l.eq_ignore_ascii_case("live updates"))
        .skip(1)
        .take_while(|l| !l.starts_with("Load more updates"))
        .collect()
}

/// One copy of a seed's updates, varied by `k`: the two seeds alternate,
/// numbers in the text are shifted, some copies gain bylines or lose their
/// ad slots, and every third copy uses CRLF line ends.
fn varied_copy(k: usize, out: &mut String) {
    let body = seed_body(SEEDS[k % 2].1);
    let eol = if k % 3 == 2 { "\r\n" } else { "\n" };
    let mut first = true;
    for line in body {
        if first && !line.trim().is_empty() {
            first = false;
            if k % 5 == 1 {
                out.push_str("  1. National");
                out.push_str(eol);
                out.push_str(eol);
            }
        }
        if line == "Advertisement" && k % 4 == 3 {
            continue;
        }
        // Vary the text: shift every digit by `k` so copies differ.
        for c in line.chars() {
            match c.to_digit(10) {
                Some(d) => out.push(char::from(b'0' + ((d as usize + k) % 10) as u8)),
                None => out.push(c),
            }
        }
        out.push_str(eol);
    }
    out.push_str("Advertisement");
    out.push_str(eol);
    out.push_str(eol);
}

/// A live page of at least `len` bytes (cut at a line end once it is long
/// enough): a header, the seeds' updates repeated and varied, and a footer.
/// Below one copy of the seeds, the page is the first `len` bytes of it cut
/// at a line end.
pub fn live_page(len: usize) -> String {
    let mut out = String::with_capacity(len + 8 * KB);
    out.push_str("Live updates\n\n");
    let mut k = 0;
    while out.len() < len {
        varied_copy(k, &mut out);
        k += 1;
    }
    cut_at_line(&mut out, len);
    out.push_str("\nLoad more updates\n");
    out
}

/// Cut `s` to the last line end at or before `len` bytes.
fn cut_at_line(s: &mut String, len: usize) {
    if s.len() <= len {
        return;
    }
    let mut at = len;
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    let cut = s[..at].rfind('\n').map_or(at, |i| i + 1);
    s.truncate(cut);
}

/// The pathological inputs of the issue, each at scale 1 (its named size).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pathology {
    /// One body line of 10 MB (plain words) under a headline.
    OneLongLine,
    /// 1 M blank lines between two updates.
    BlankLines,
    /// 100 k updates that are a headline alone.
    HeadlineOnly,
    /// 100 k captions on consecutive lines under one headline.
    Captions,
    /// A quotation opened and never closed, running 10 MB over glued lines.
    UnclosedQuote,
    /// 100 k attribution lines with nothing to attribute.
    Attributions,
    /// Paragraphs of deeply nested, mixed quotation marks (10 MB).
    MixedQuotes,
    /// The seeds' updates (10 MB) with lone CR line ends.
    CrOnly,
    /// The seeds' updates (10 MB) with no blank lines at all.
    NoBlankLines,
}

impl Pathology {
    /// All of them, in the order the bench runs them.
    pub const ALL: [Pathology; 9] = [
        Pathology::OneLongLine,
        Pathology::BlankLines,
        Pathology::HeadlineOnly,
        Pathology::Captions,
        Pathology::UnclosedQuote,
        Pathology::Attributions,
        Pathology::MixedQuotes,
        Pathology::CrOnly,
        Pathology::NoBlankLines,
    ];

    /// A short name for bench ids.
    pub fn name(self) -> &'static str {
        match self {
            Pathology::OneLongLine => "one_10mb_line",
            Pathology::BlankLines => "1m_blank_lines",
            Pathology::HeadlineOnly => "100k_headline_only",
            Pathology::Captions => "100k_captions",
            Pathology::UnclosedQuote => "unclosed_quote_10mb",
            Pathology::Attributions => "100k_orphan_attributions",
            Pathology::MixedQuotes => "mixed_quotes_10mb",
            Pathology::CrOnly => "cr_only_10mb",
            Pathology::NoBlankLines => "no_blank_lines_10mb",
        }
    }

    /// The input at `scale` times its named size, divided by `div` (the
    /// benches use `div = 1`; quick checks and profiles use more).
    pub fn input(self, scale: usize, div: usize) -> String {
        let n = |count: usize| (count * scale / div).max(1);
        let bytes = n(10 * MB);
        let mut out = String::with_capacity(bytes + 64 * KB);
        match self {
            Pathology::OneLongLine => {
                out.push_str("Live updates\n\nFloods close Kelford bridge\n\n");
                let words = ["flood ", "water ", "Kelford ", "bridge, ", "closed. "];
                let mut i = 0;
                while out.len() < bytes {
                    out.push_str(words[i % words.len()]);
                    i += 1;
                }
                out.push('\n');
            }
            Pathology::BlankLines => {
                out.push_str("Live updates\n\nBridge reopens\n\nThe bridge is open.\n");
                for _ in 0..n(1_000_000) {
                    out.push('\n');
                }
                out.push_str("Fair cancelled\n\nThe fair will not go ahead.\n");
            }
            Pathology::HeadlineOnly => {
                out.push_str("Live updates\n\n");
                // Neighbours share no words, so each line stands alone as
                // a headline rather than a caption under the one above.
                let pools = [
                    ["Kelford", "bridge", "reopens", "repairs"],
                    ["Ashbury", "fair", "cancelled", "storms"],
                    ["Dunstow", "ewes", "stolen", "farms"],
                ];
                for i in 0..n(100_000) {
                    let w = pools[i % 3];
                    out.push_str(&format!(
                        "{} {} {} after {} {i}\n\n",
                        w[0], w[1], w[2], w[3]
                    ));
                }
                out.push_str("Load more updates\n");
            }
            Pathology::Captions => {
                out.push_str("Live updates\n\nFloods across Ashbury\n\n");
                for i in 0..n(100_000) {
                    out.push_str(&format!(
                        "Water over the road at Kelford, picture {i}. Credit: PA\n"
                    ));
                }
            }
            Pathology::UnclosedQuote => {
                out.push_str("Live updates\n\nCouncil speaks\n\n\u{201c}We will");
                let mut i = 0;
                while out.len() < bytes {
                    out.push_str(if i % 12 == 11 {
                        " reopen the bridge as soon as we can and\n"
                    } else {
                        " reopen the bridge as soon as we can and"
                    });
                    i += 1;
                }
                out.push('\n');
            }
            Pathology::Attributions => {
                out.push_str("Live updates\n\nFire at Kelford mill\n\n");
                for i in 0..n(100_000) {
                    out.push_str(&format!("\u{2013} Jo Bloggs {i}, Chief Fire Officer\n"));
                }
            }
            Pathology::MixedQuotes => {
                out.push_str("Live updates\n\nWho said what\n\n");
                let marks = ["\"", "\u{201c}", "'", "\u{2018}", "`", "''", "\u{201e}"];
                let closes = ["\u{201d}", "\u{2019}", "\"", "'", "''"];
                let mut i = 0;
                while out.len() < bytes {
                    // A paragraph opening 40 nested quotations of mixed marks,
                    // closing only some of them, then a `…` continuation.
                    for d in 0..40 {
                        out.push_str(marks[(i + d) % marks.len()]);
                        out.push_str("he said ");
                        if d % 7 == 3 {
                            out.push_str(closes[(i + d) % closes.len()]);
                            out.push(' ');
                        }
                    }
                    out.push_str("\n\n\u{2026}and then ");
                    out.push_str(closes[i % closes.len()]);
                    out.push_str(" she said.\n\n");
                    i += 1;
                }
            }
            Pathology::CrOnly => {
                out = live_page(bytes).replace("\r\n", "\n").replace('\n', "\r");
            }
            Pathology::NoBlankLines => {
                let page = live_page(bytes);
                out = page
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                    .collect::<Vec<_>>()
                    .join("\n");
                out.push('\n');
            }
        }
        out
    }
}

/// The references: a `memchr` line count (the floor no line-based parser
/// beats) and a plain `str::lines` + trim loop.
pub fn memchr_lines(text: &str) -> usize {
    memchr::memchr_iter(b'\n', text.as_bytes()).count()
}

/// `str::lines` with each line trimmed; counts the non-blank bytes so the
/// work cannot be optimised away.
pub fn lines_trim(text: &str) -> usize {
    let mut n = 0;
    for line in text.lines() {
        let t = line.trim();
        if !t.is_empty() {
            n += t.len();
        }
    }
    n
}
