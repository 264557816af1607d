//! Which paragraphs a block quote holds.
//!
//! An attribution line closes the quoted run above it. The run goes back to
//! an introducing colon line (everything after it is quoted), or to the
//! nearest element that is not a plain paragraph; within that, the quoted
//! part is the paragraphs nearest the attribution that speak in the
//! speaker's own voice (a quotation mark, first or second person, a
//! contraction), so the reporter's third-person paragraphs above stay
//! paragraphs. The paragraph right above the attribution is always quoted.
//!
//! On a page cut before the attribution, first-person paragraphs ending the
//! page after a colon line or a reporting line (`… told Vale TV what she
//! saw.`) are a block quote still; a cut run of paragraphs opening with
//! quotation marks stays quotes.

use crate::classify::{Item, Kind, Row};
use crate::grammar::{quote, words};
use std::borrow::Cow;

/// Mark the quoted paragraphs of every attributed run as block quote.
/// Gives the indexes of attributions with nothing to attribute.
pub(crate) fn resolve(rows: &[Row<'_>], items: &mut [Item]) -> Vec<usize> {
    let mut orphans = Vec::new();
    for a in 0..items.len() {
        if items[a].kind != Kind::Attribution {
            continue;
        }
        // The run of paragraphs above, back to a colon line or another element.
        let mut start = a;
        let mut colon = false;
        while start > 0 && matches!(items[start - 1].kind, Kind::Paragraph | Kind::Quote) {
            if ends_with_colon(rows, &items[start - 1]) {
                colon = true;
                break;
            }
            start -= 1;
        }
        if start == a {
            orphans.push(a);
            continue;
        }
        let mut first = if colon { start } else { a - 1 };
        if !colon {
            while first > start && in_voice(rows, &items[first - 1]) {
                first -= 1;
            }
        }
        for item in &mut items[first..a] {
            item.kind = Kind::Blockquote;
        }
    }
    orphans
}

/// On a cut page: mark first-person paragraphs ending the page after a colon
/// or reporting line as a block quote with no attribution.
pub(crate) fn resolve_cut(rows: &[Row<'_>], items: &mut [Item]) {
    let mut first = items.len();
    while first > 0 {
        let item = &items[first - 1];
        let text = rows[item.first].text();
        if item.kind == Kind::Paragraph
            && quote::opening(text).is_none()
            && words::statement_score(&joined(rows, item)) > 0
        {
            first -= 1;
        } else {
            break;
        }
    }
    if first == items.len() || first == 0 {
        return;
    }
    let intro = &items[first - 1];
    let reporting = intro.kind == Kind::Paragraph
        && (ends_with_colon(rows, intro) || {
            let t = joined(rows, intro);
            t.split_whitespace()
                .any(|w| matches!(w, "said" | "says" | "told" | "added" | "explained"))
        });
    if reporting {
        for item in &mut items[first..] {
            item.kind = Kind::Blockquote;
        }
    }
}

fn ends_with_colon(rows: &[Row<'_>], item: &Item) -> bool {
    item.kind == Kind::Paragraph && rows[item.last].text().ends_with(':')
}

/// Whether a paragraph reads as the speaker's words.
fn in_voice(rows: &[Row<'_>], item: &Item) -> bool {
    if item.kind == Kind::Quote {
        return true;
    }
    let text = joined(rows, item);
    let marked = quote::opening(&text).is_some() || text.ends_with(['”', '"', '’']);
    marked || words::statement_score(&text) > 0
}

/// The text of an item's rows, joined with spaces (only for weighing words):
/// the row's own text for an item of one row.
fn joined<'a>(rows: &[Row<'a>], item: &Item) -> Cow<'a, str> {
    if item.first == item.last {
        return Cow::Borrowed(rows[item.first].text());
    }
    let mut s = String::new();
    for r in &rows[item.first..=item.last] {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(r.text());
    }
    Cow::Owned(s)
}

#[cfg(test)]
mod tests {
    use crate::{outline, parse, Block, Role};

    fn roles(page: &str) -> Vec<Role> {
        outline(page).iter().map(|r| r.role).collect()
    }

    #[test]
    fn a_colon_line_bounds_the_run_and_all_after_it_is_quoted() {
        let page = "Live updates\n\nFerry fares to rise\n\nThe operator said:\n\nPrices rise in May.\n\nSeason tickets are frozen.\n\n– Ola Brandt, ferry operator\n";
        assert_eq!(
            roles(page)[2..],
            [
                Role::Paragraph,
                Role::Blockquote,
                Role::Blockquote,
                Role::Attribution
            ]
        );
    }

    #[test]
    fn the_reporters_third_person_lines_stay_paragraphs() {
        let page = "Live updates\n\nFerry fares to rise\n\nFares on the Holm ferry will rise in May.\n\nThe operator said costs had doubled.\n\nWe have held prices for six years and cannot do so any longer.\n\n– Ola Brandt, ferry operator\n";
        assert_eq!(
            roles(page)[2..],
            [
                Role::Paragraph,
                Role::Paragraph,
                Role::Blockquote,
                Role::Attribution
            ]
        );
        let page = parse(page);
        let Some(Block::BlockQuote(q)) = page.updates[0].blocks.last() else {
            panic!("the update ends with a block quote");
        };
        assert_eq!(q.paragraphs.len(), 1);
        assert_eq!(
            q.attribution.as_ref().map(|a| a.source.as_ref()),
            Some("Ola Brandt, ferry operator")
        );
    }

    #[test]
    fn an_attribution_with_nothing_above_it_stands_alone() {
        let page = parse("Live updates\n\nFerry fares to rise\n\n– Ola Brandt, ferry operator\n");
        let Some(Block::BlockQuote(q)) = page.updates[0].blocks.first() else {
            panic!("the attribution is kept as a block quote");
        };
        assert!(q.paragraphs.is_empty());
        assert_eq!(
            page.diagnostics[0].kind,
            crate::DiagnosticKind::AttributionWithoutQuote
        );
    }

    #[test]
    fn a_cut_first_person_statement_after_a_reporting_line_is_a_block_quote() {
        let page = "Live updates\n\nFerry fares to rise\n\nA passenger told us how she felt.\n\nI cannot afford to visit my moth";
        assert_eq!(roles(page)[2..], [Role::Paragraph, Role::Blockquote]);
        let quoted = "Live updates\n\nFerry fares to rise\n\nA passenger said:\n\n\"I cannot afford to visit my moth";
        assert_eq!(roles(quoted)[2..], [Role::Paragraph, Role::Quote]);
    }
}
