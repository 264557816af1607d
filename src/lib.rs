//! Read the plain text of news "live updates" pages into typed values.
//!
//! ```
//! let page = liveupdates::parse(
//!     "Live updates\n\nBridge reopens after repairs\n\nThe bridge has reopened.\n\nLoad more updates\n",
//! );
//! assert_eq!(page.updates.len(), 1);
//! assert_eq!(page.updates[0].headline.text, "Bridge reopens after repairs");
//! assert!(page.has_more);
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]
// No panics on input: the library itself never unwraps or panics.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

use std::borrow::Cow;

mod block;
mod blockquote;
mod build;
mod by_row;
mod classify;
mod diagnostic;
mod display;
mod error;
mod grammar;
mod lines;
pub mod merge;
mod options;
mod outline;
mod owned;
mod page;
mod parse;
mod span;
mod spans;
mod update;

pub use block::{
    Attribution, Block, BlockQuote, Caption, Credit, CreditKind, CrossRef, List, ListItem,
    ListMarker, Paragraph, Quote, Report, Speaker, Subheading,
};
pub use diagnostic::{Diagnostic, DiagnosticKind};
pub use error::{ErrorKind, ParseError};
pub use merge::{merge, Snapshot, Timeline};
pub use options::ParseOptions;
pub use outline::{outline, outline_page, OutlineRow, Role};
pub use page::{
    AdPosition, AdSlot, Footer, FooterKind, FooterLine, Header, HeaderKind, Layout, Page,
    PreambleBlock,
};
pub use parse::{parse, parse_bytes, parse_bytes_with, parse_with};
pub use span::Span;
pub use update::{Byline, BylineKind, BylineMarker, Headline, Person, Update};

/// Text borrowed from the source where possible.
pub type Text<'a> = Cow<'a, str>;

/// The README's examples, compiled and run as doc tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
