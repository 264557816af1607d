//! Phase 2: the grammar of single lines.
//!
//! One module per element of `FORMAT.md`. Each recogniser reads one line
//! (without its end) and says whether it has that element's shape, and its
//! parts; none looks at other lines. Context — what precedes and follows a
//! line — is the job of [`crate::classify`].

pub(crate) mod attribution;
pub(crate) mod byline;
pub(crate) mod caption;
pub(crate) mod chrome;
pub(crate) mod crossref;
pub(crate) mod headline;
pub(crate) mod list;
pub(crate) mod quote;
pub(crate) mod report;
pub(crate) mod words;

/// [`str::trim`], with a fast path for text that already is trimmed and
/// starts and ends in ASCII (nearly every line the recognisers are given).
pub(crate) fn trim(s: &str) -> &str {
    let settled = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_graphic());
    if settled(s.as_bytes().first()) && settled(s.as_bytes().last()) {
        s
    } else {
        s.trim()
    }
}

/// The result type of the crate's nom parsers: complete input, and the
/// default error (errors never leave the grammar; a failed match is `None`).
pub(crate) type PResult<'a, T> = nom::IResult<&'a str, T>;

/// Run a nom parser over a whole line, giving its output only if it matched.
pub(crate) fn run<'a, T>(
    mut parser: impl nom::Parser<&'a str, Output = T, Error = nom::error::Error<&'a str>>,
    line: &'a str,
) -> Option<T> {
    parser.parse(line).ok().map(|(_, out)| out)
}
