//! Attribution lines: a dash, a space, a source (`– Jo Bloggs, Chief Fire
//! Officer`). The source may end with a full stop, be lower case, or start
//! with a stray quotation mark. A dash inside a line is not an attribution.

use super::{run, PResult};
use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::character::complete::space1;
use nom::combinator::rest;
use nom::sequence::preceded;
use nom::Parser;

/// Which dash opens the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dash {
    /// `–` or `—`: always an attribution.
    Long,
    /// `-`: an attribution, a dash-layout byline or a list item, by context.
    Hyphen,
}

/// A line opening with a dash and a space; gives the dash and the source
/// with stray quotation marks trimmed.
pub(crate) fn dashed(line: &str) -> Option<(Dash, &str)> {
    fn long(i: &str) -> PResult<'_, &str> {
        preceded((alt((tag("–"), tag("—"))), space1), rest).parse(i)
    }
    fn hyphen(i: &str) -> PResult<'_, &str> {
        preceded((tag("-"), space1), rest).parse(i)
    }
    let t = super::trim(line);
    let (dash, source) = match run(long, t) {
        Some(s) => (Dash::Long, s),
        None => (Dash::Hyphen, run(hyphen, t)?),
    };
    let source = source
        .trim()
        .trim_start_matches(['"', '“', '”', '\'', '‘'])
        .trim_start();
    (!source.is_empty()).then_some((dash, source))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dash() {
        assert_eq!(
            dashed("– Jo Bloggs, Chief Fire Officer"),
            Some((Dash::Long, "Jo Bloggs, Chief Fire Officer"))
        );
        assert_eq!(
            dashed("— Sian Pelham, choir director"),
            Some((Dash::Long, "Sian Pelham, choir director"))
        );
        assert_eq!(
            dashed("- Scarrow Lifeboat Station"),
            Some((Dash::Hyphen, "Scarrow Lifeboat Station"))
        );
    }

    #[test]
    fn oddities_are_kept() {
        assert_eq!(
            dashed("– “Mrs Alison Rook, Head Teacher"),
            Some((Dash::Long, "Mrs Alison Rook, Head Teacher"))
        );
        assert_eq!(
            dashed("– \"Carys Penrose, Head Teacher"),
            Some((Dash::Long, "Carys Penrose, Head Teacher"))
        );
        assert_eq!(
            dashed("– a spokesperson for the hospital"),
            Some((Dash::Long, "a spokesperson for the hospital"))
        );
        assert_eq!(
            dashed("– Dev Sharma, club treasurer."),
            Some((Dash::Long, "Dev Sharma, club treasurer."))
        );
    }

    #[test]
    fn a_dash_inside_a_line_is_not_one() {
        assert_eq!(dashed("10am – gates open"), None);
        assert_eq!(dashed("-"), None);
        assert_eq!(dashed("-5C overnight"), None);
    }
}
