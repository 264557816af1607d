//! Parser options.

/// Options for [`parse_with`](crate::parse_with) and
/// [`parse_bytes_with`](crate::parse_bytes_with).
///
/// ```
/// use liveupdates::ParseOptions;
/// let options = ParseOptions { strict: true, ..ParseOptions::default() };
/// assert!(options.strict);
/// assert_eq!(options.max_updates, 1_000_000);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseOptions {
    /// Turn the first [`Diagnostic`](crate::Diagnostic) into a
    /// [`ParseError`](crate::ParseError).
    ///
    /// Default: `false`.
    pub strict: bool,
    /// With [`parse_bytes_with`](crate::parse_bytes_with), replace invalid
    /// UTF-8 with U+FFFD instead of failing.
    ///
    /// Default: `false`.
    pub lossy: bool,
    /// The longest line accepted, in bytes; a longer line ends the parse with
    /// [`ErrorKind::LineTooLong`](crate::ErrorKind::LineTooLong).
    ///
    /// Default: `16 * 1024 * 1024` (16 MiB).
    pub max_line_len: usize,
    /// The most updates accepted; one more ends the parse with
    /// [`ErrorKind::TooManyUpdates`](crate::ErrorKind::TooManyUpdates).
    ///
    /// Default: `1_000_000`.
    pub max_updates: usize,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            strict: false,
            lossy: false,
            max_line_len: 16 * 1024 * 1024,
            max_updates: 1_000_000,
        }
    }
}
