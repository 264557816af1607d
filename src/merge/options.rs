//! The thresholds of the merge, recorded in every [`Timeline`](super::Timeline).

/// How alike two versions must be to count as one update.
///
/// Texts are compared as sets of normalised words (see
/// [`normalise`](super::normalise)): the *similarity* of two sets is the
/// size of their intersection over the size of their union (Jaccard), the
/// *containment* is the intersection over the smaller set. Two versions that
/// one snapshot shows side by side are never one update, whatever these
/// thresholds say.
///
/// Two versions are one update when
/// - their headlines are alike (at least [`headline_similarity`](Self::headline_similarity))
///   and their bodies are compatible (one is empty, or their containment is at
///   least [`body_overlap`](Self::body_overlap)): a fixed typo in the
///   headline, a paragraph added under the same headline; or
/// - their bodies have at least [`min_body_words`](Self::min_body_words)
///   words each and are alike (similarity at least
///   [`body_similarity`](Self::body_similarity), or containment at least
///   [`body_containment`](Self::body_containment)): a reworded headline over
///   the same body.
///
/// ```
/// use liveupdates::merge::MergeOptions;
/// let options = MergeOptions { min_body_words: 5, ..MergeOptions::default() };
/// assert_eq!(options.headline_similarity, 0.6);
/// assert_eq!(options.min_body_words, 5);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct MergeOptions {
    /// Headlines at least this similar (0 to 1) are the same headline.
    ///
    /// Default: `0.6`.
    pub headline_similarity: f64,
    /// Under alike headlines, bodies whose containment (0 to 1) reaches this
    /// are the same body, possibly grown or trimmed.
    ///
    /// Default: `0.5`.
    pub body_overlap: f64,
    /// Bodies at least this similar (0 to 1) are the same body, whatever the
    /// headlines say.
    ///
    /// Default: `0.8`.
    pub body_similarity: f64,
    /// Bodies whose containment (0 to 1) reaches this are the same body grown
    /// (or cut), whatever the headlines say.
    ///
    /// Default: `0.9`.
    pub body_containment: f64,
    /// The fewest distinct words a body needs before it can identify an
    /// update on its own (short stock bodies such as `Kim Park reports:` do
    /// not).
    ///
    /// Default: `10`.
    pub min_body_words: usize,
    /// A lookup key (a normalised headline, a block, a sketch of the words)
    /// shared by more than this many distinct versions is too common to
    /// suggest candidates: it is skipped, which keeps the merge near-linear.
    ///
    /// Default: `64`.
    pub max_key_versions: usize,
}

impl Default for MergeOptions {
    fn default() -> Self {
        MergeOptions {
            headline_similarity: 0.6,
            body_overlap: 0.5,
            body_similarity: 0.8,
            body_containment: 0.9,
            min_body_words: 10,
            max_key_versions: 64,
        }
    }
}
