//! Merge snapshots of one live page into one timeline that loses nothing.
//!
//! Archives of live coverage hold partial, overlapping captures: each shows
//! only a window of the newest updates, updates get edited, removed and
//! moved between captures, and ad slots move. [`merge`] reconciles any number
//! of [`Snapshot`]s, in any order, into a [`Timeline`]: every update once,
//! newest first, with its revisions, where it was seen, and whether it was
//! removed; [`Gap`]s where runs are not known to be adjacent, and
//! [`Conflict`]s where the snapshots disagree.
//!
//! ```
//! use liveupdates::merge::{merge, Snapshot, Status};
//! let earlier = liveupdates::parse(
//!     "Live updates\n\nBridge reopens\n\nThe bridge has reopend.\n\nLoad more updates\n",
//! );
//! let later = liveupdates::parse(
//!     "Live updates\n\nTraffic flows again\n\nCars are back.\n\n\
//!      Bridge reopens\n\nThe bridge has reopened.\n\nLoad more updates\n",
//! );
//! // Either order gives the same timeline.
//! let timeline = merge([Snapshot::new("later", later), Snapshot::new("earlier", earlier)]);
//! assert_eq!(timeline.entries.len(), 2);
//! assert_eq!(timeline.entries[0].update().headline.text, "Traffic flows again");
//! let bridge = &timeline.entries[1];
//! assert_eq!(bridge.revisions.len(), 2); // the typo fix is a revision
//! assert_eq!(bridge.status, Status::Present);
//! assert_eq!(timeline.snapshots[0].label, "earlier"); // inferred chronology
//! ```
//!
//! # How it works
//!
//! - **Identity** comes from content ([`normalise`]d words): versions
//!   that share a lookup key are compared, and alike ones (see
//!   [`MergeOptions`]) become revisions of one entry, unless one snapshot
//!   shows both.
//! - **Order**: the "stands right above" relations of every snapshot are
//!   sorted topologically; contradictions become [`Conflict::Order`].
//! - **Chronology**: by capture time when every snapshot has one; otherwise
//!   a snapshot whose newest update is newer is later, and ties are
//!   [`Conflict::Chronology`].
//! - **Removal** is window-aware: an entry is [`Status::Removed`] when a
//!   later snapshot shows updates both newer and older than it (or newer
//!   ones, and nothing more below) and not it.
//! - The result depends only on the *set* of snapshots: the inputs are put
//!   in a canonical order and deduplicated first, so the merge is
//!   order-independent, idempotent and incremental
//!   ([`Timeline::absorb`]). There are no clocks, no hash-order iteration
//!   and no time limits. Cost is near-linear in the total number of updates.
//! - **Incremental**: a timeline keeps a private index of its versions and
//!   of which are alike. Absorbing a snapshot normalises and compares only
//!   its own updates and regroups only the entries they touch (a group
//!   depends on nothing outside its connected component of alike
//!   versions); order, chronology, removal and gaps are settled again from
//!   integers. The result is still exactly the batch merge.

mod assemble;
#[cfg(test)]
mod fixtures;
mod identity;
mod index;
mod intern;
mod jsonld;
mod key;
mod options;
mod order;
mod render;
mod settled;
mod splice;
mod timeline;
mod words;

pub use identity::normalise;
pub use jsonld::{Author, BlogPosting, ImageObject, LiveBlogPosting};
pub use options::MergeOptions;
pub use timeline::{
    Chronology, Conflict, Entry, Gap, GapKind, Revision, Shown, Sighting, SnapshotInfo, Status,
    Timeline,
};

use crate::Page;
use assemble::Input;

use index::{Index, Updates};

/// One capture of a live page: a caller's label, an optional capture time,
/// and the parsed page.
///
/// ```
/// use liveupdates::merge::Snapshot;
/// let page = liveupdates::parse("Live updates\n");
/// let snapshot = Snapshot::new("2014-12-22.txt", page).captured_at(1_419_206_400);
/// assert_eq!(snapshot.label, "2014-12-22.txt");
/// assert_eq!(snapshot.captured, Some(1_419_206_400));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot<'a> {
    /// The caller's name for it (a file name, a URL, a date).
    pub label: String,
    /// When it was captured, if known: seconds since the Unix epoch, or any
    /// other count that orders captures. With a time on every snapshot, the
    /// chronology is by time; otherwise it is inferred from the overlap.
    pub captured: Option<i64>,
    /// The parsed page.
    pub page: Page<'a>,
}

impl<'a> Snapshot<'a> {
    /// A snapshot with no capture time.
    pub fn new(label: impl Into<String>, page: Page<'a>) -> Self {
        Snapshot {
            label: label.into(),
            captured: None,
            page,
        }
    }

    /// The same snapshot with a capture time.
    pub fn captured_at(self, captured: i64) -> Self {
        Snapshot {
            captured: Some(captured),
            ..self
        }
    }
}

/// Merge snapshots with the default [`MergeOptions`].
///
/// ```
/// use liveupdates::merge::merge;
/// let timeline = merge(Vec::new());
/// assert!(timeline.entries.is_empty());
/// assert!(timeline.is_complete());
/// ```
pub fn merge<'a, I>(snapshots: I) -> Timeline
where
    I: IntoIterator<Item = Snapshot<'a>>,
{
    merge_with(snapshots, &MergeOptions::default())
}

/// Merge snapshots with the given thresholds.
///
/// ```
/// use liveupdates::merge::{merge_with, MergeOptions};
/// let options = MergeOptions { min_body_words: 4, ..MergeOptions::default() };
/// let timeline = merge_with(Vec::new(), &options);
/// assert_eq!(timeline.options.min_body_words, 4);
/// ```
pub fn merge_with<'a, I>(snapshots: I, options: &MergeOptions) -> Timeline
where
    I: IntoIterator<Item = Snapshot<'a>>,
{
    let inputs = snapshots.into_iter().map(Input::from_snapshot).collect();
    let (index, updates) = Index::build(inputs, options);
    Box::new(index).timeline(updates, None)
}

impl Default for Timeline {
    fn default() -> Self {
        Timeline::with_options(MergeOptions::default())
    }
}

impl Timeline {
    /// An empty timeline that will merge with `options`.
    ///
    /// ```
    /// use liveupdates::merge::{MergeOptions, Timeline};
    /// let timeline = Timeline::with_options(MergeOptions::default());
    /// assert!(timeline.snapshots.is_empty());
    /// ```
    pub fn with_options(options: MergeOptions) -> Self {
        merge_with(Vec::new(), &options)
    }

    /// Fold one more snapshot in. The result is the timeline that merging
    /// all the snapshots at once gives (with this timeline's options);
    /// absorbing a snapshot already merged changes nothing.
    ///
    /// Absorbing is incremental: the timeline keeps a private index of the
    /// versions it holds (their keys, the hashes of their normalised words,
    /// lookup keys, and which are alike), so only the new snapshot's updates
    /// are normalised and compared, and only the entries they touch are
    /// regrouped. Order, chronology, removal and gaps are settled again over
    /// the whole timeline, from integers, in time about linear in its size. The
    /// index is checked against what the timeline says each snapshot showed,
    /// and the indices each entry holds in place (`latest`, `first_seen`,
    /// `last_seen`, `status`) are checked to point somewhere; a timeline read
    /// back from JSON (which has no index), or one edited so that they no
    /// longer match, rebuilds it on its first absorb, which costs about one
    /// merge. A rebuild keeps what is consistent: references that point nowhere
    /// are dropped, never followed.
    ///
    /// ```
    /// use liveupdates::merge::{merge, Snapshot, Timeline};
    /// let page = liveupdates::parse("Live updates\n\nOne\n\nText.\n");
    /// let mut timeline = Timeline::default();
    /// timeline.absorb(Snapshot::new("a", page.clone()));
    /// assert_eq!(timeline, merge([Snapshot::new("a", page.clone())]));
    /// let before = timeline.clone();
    /// timeline.absorb(Snapshot::new("a", page));
    /// assert_eq!(timeline, before);
    /// ```
    pub fn absorb(&mut self, snapshot: Snapshot<'_>) {
        self.absorb_all([snapshot]);
    }

    /// Fold several snapshots in at once; the same as absorbing them one by
    /// one, in any order, but laying the timeline out once.
    ///
    /// ```
    /// use liveupdates::merge::{merge, Snapshot, Timeline};
    /// let a = Snapshot::new("a", liveupdates::parse("Live updates\n\nOne\n\nText.\n"));
    /// let b = Snapshot::new("b", liveupdates::parse("Live updates\n\nTwo\n\nMore.\n"));
    /// let mut timeline = Timeline::default();
    /// timeline.absorb_all([b.clone(), a.clone()]);
    /// assert_eq!(timeline, merge([a, b]));
    /// assert_eq!(timeline.entries.len(), 2);
    /// ```
    pub fn absorb_all<'a, I>(&mut self, snapshots: I)
    where
        I: IntoIterator<Item = Snapshot<'a>>,
    {
        let options = self.options.clone();
        let cached = self.index.0.take().filter(|index| index.describes(self));
        let (mut index, mut updates, warm) = match cached {
            Some(index) => (index, Updates::default(), true),
            None => {
                let (index, updates) = Index::build(Input::from_timeline(self), &options);
                (Box::new(index), updates, false)
            }
        };
        let mut changed = !warm;
        for snapshot in snapshots {
            if let Some(fresh) = index.add(Input::from_snapshot(snapshot)) {
                changed = true;
                updates.extend(fresh);
            }
        }
        if !changed {
            self.index.0 = Some(index);
            return;
        }
        let prior = warm.then(|| {
            let entries = std::mem::take(&mut self.entries);
            let snapshots = std::mem::take(&mut self.snapshots);
            (entries, snapshots)
        });
        *self = index.timeline(updates, prior);
    }
}
