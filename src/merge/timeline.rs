//! The merged timeline and its parts.

use super::index::Index;
use super::MergeOptions;
use crate::{Headline, Span, Update};
use std::borrow::Cow;

/// One timeline merged from snapshots of a live page.
///
/// Everything in it is plain data, so a timeline read back from JSON can
/// keep absorbing. Beside the data it keeps a private index of what it was
/// merged from (not serialised, not compared, rebuilt from the data when
/// missing or when the data no longer matches it), which makes
/// [`Timeline::absorb`] cost about the size of the snapshot absorbed.
/// Indices into [`entries`](Self::entries) and
/// [`snapshots`](Self::snapshots) are the ones in this timeline.
///
/// The updates it holds have their spans cleared ([`Span::default`]): they
/// come from many sources, so no byte offset would point anywhere.
///
/// [`Span::default`]: crate::Span
#[derive(Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Timeline {
    /// The updates, newest first.
    pub entries: Vec<Entry>,
    /// The snapshots merged, in the chronology the merge settled on, oldest
    /// first.
    pub snapshots: Vec<SnapshotInfo>,
    /// How that chronology was found.
    pub chronology: Chronology,
    /// Places where two neighbouring entries are not known to be adjacent.
    pub gaps: Vec<Gap>,
    /// What the snapshots disagree on, or leave open.
    pub conflicts: Vec<Conflict>,
    /// The thresholds the merge used.
    pub options: MergeOptions,
    /// What it was merged from, for absorbing more.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub(crate) index: Cache,
}

impl std::fmt::Debug for Timeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Timeline")
            .field("entries", &self.entries)
            .field("snapshots", &self.snapshots)
            .field("chronology", &self.chronology)
            .field("gaps", &self.gaps)
            .field("conflicts", &self.conflicts)
            .field("options", &self.options)
            .finish()
    }
}

/// The private index of a timeline: it never makes two timelines differ.
#[derive(Clone, Default)]
pub(crate) struct Cache(pub(crate) Option<Box<Index>>);

impl PartialEq for Cache {
    fn eq(&self, _: &Cache) -> bool {
        true
    }
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() { "Index" } else { "None" })
    }
}

/// How the chronology of the snapshots was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Chronology {
    /// Every snapshot has a capture time: by time.
    CaptureTimes,
    /// Some snapshot has none: inferred from the overlap (a snapshot whose
    /// newest update is newer is later); what the overlap cannot order is a
    /// [`Conflict::Chronology`].
    Inferred,
}

/// One merged snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SnapshotInfo {
    /// The caller's label.
    pub label: String,
    /// The caller's capture time, if any (seconds since the Unix epoch, or
    /// any other count that orders captures).
    pub captured: Option<i64>,
    /// Whether the page said older updates exist beyond its window.
    pub has_more: bool,
    /// Whether the capture was cut off.
    pub truncated: bool,
    /// What it showed, in its order: one item per update of the page.
    pub shown: Vec<Shown>,
}

/// One update as a snapshot showed it: an entry and one of its revisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Shown {
    /// Index into [`Timeline::entries`].
    pub entry: usize,
    /// Index into that entry's [`revisions`](Entry::revisions).
    pub revision: usize,
}

/// One update of the timeline, with its history.
///
/// Serialised, it also carries `update` ([`Entry::update`], the version
/// last seen), which deserialising ignores.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
pub struct Entry {
    /// Every distinct version, in the order they were first seen. The update
    /// as last seen is [`Entry::update`].
    pub revisions: Vec<Revision>,
    /// Index into [`revisions`](Self::revisions) of the version last seen.
    pub latest: usize,
    /// The first snapshot that showed it (index into
    /// [`Timeline::snapshots`]).
    pub first_seen: usize,
    /// The last snapshot that showed it.
    pub last_seen: usize,
    /// Every snapshot that showed it, in chronological order.
    pub seen_in: Vec<usize>,
    /// Whether it is still there.
    pub status: Status,
}

impl Entry {
    /// The update as last seen: the version of the latest revision.
    ///
    /// An entry whose `latest` points at no revision (only a hand-built or
    /// edited one can) shows an empty update.
    ///
    /// ```
    /// use liveupdates::merge::{merge, Snapshot};
    /// let text = |body: &str| format!("Live updates\n\nFerry resumes\n\n{body}\n");
    /// let (early, late) = (text("Boats sail at noon."), text("Boats sail at one."));
    /// let timeline = merge([
    ///     Snapshot::new("a", liveupdates::parse(&early)).captured_at(1),
    ///     Snapshot::new("b", liveupdates::parse(&late)).captured_at(2),
    /// ]);
    /// let entry = &timeline.entries[0];
    /// assert_eq!(entry.revisions.len(), 2);
    /// assert_eq!(entry.update(), &entry.revisions[entry.latest].update);
    /// assert_eq!(entry.update().blocks.len(), 1);
    /// ```
    pub fn update(&self) -> &Update<'static> {
        self.revisions
            .get(self.latest)
            .map_or(&EMPTY_UPDATE, |r| &r.update)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Entry {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let Entry {
            revisions,
            latest,
            first_seen,
            last_seen,
            seen_in,
            status,
        } = self;
        let mut entry = serializer.serialize_struct("Entry", 7)?;
        entry.serialize_field("update", self.update())?;
        entry.serialize_field("revisions", revisions)?;
        entry.serialize_field("latest", latest)?;
        entry.serialize_field("first_seen", first_seen)?;
        entry.serialize_field("last_seen", last_seen)?;
        entry.serialize_field("seen_in", seen_in)?;
        entry.serialize_field("status", status)?;
        entry.end()
    }
}

/// What an entry with no latest revision shows (and what stands in for a
/// version that is missing).
pub(crate) static EMPTY_UPDATE: Update<'static> = Update {
    span: Span::new(0, 0),
    byline: None,
    headline: Headline {
        span: Span::new(0, 0),
        text: Cow::Borrowed(""),
        label: None,
        title: Cow::Borrowed(""),
        remnant: None,
    },
    blocks: Vec::new(),
};

/// One distinct version of an update.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Revision {
    /// The version, spans cleared.
    #[cfg_attr(feature = "serde", serde(deserialize_with = "owned_update"))]
    pub update: Update<'static>,
    /// The snapshots that showed it, in chronological order.
    pub snapshots: Vec<usize>,
}

/// Whether an entry is still on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "status", rename_all = "snake_case"))]
pub enum Status {
    /// Shown by the last snapshot whose window covers its place (or no later
    /// snapshot covers it).
    Present,
    /// Absent from a later snapshot whose window covers its place.
    Removed {
        /// The first such snapshot (index into [`Timeline::snapshots`]).
        snapshot: usize,
    },
}

/// Two neighbouring entries not known to be adjacent: updates may be
/// missing between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Gap {
    /// The entry above the gap (index into [`Timeline::entries`]).
    pub after: usize,
    /// The entry below it; `None` at the end of the timeline.
    pub before: Option<usize>,
    /// Why it is a gap.
    pub kind: GapKind,
}

/// Why two entries are not known to be adjacent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum GapKind {
    /// No snapshot shows the two next to each other (their runs come from
    /// snapshots that do not overlap there).
    Disjoint,
    /// The end of the timeline, where the last window said older updates
    /// exist (or was cut) and no snapshot shows what follows.
    MoreBelow,
}

/// What the snapshots disagree on, or leave open. The merge still settles
/// each one (deterministically), and says so here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
pub enum Conflict {
    /// Two versions of one update seen at the same time (same capture time,
    /// or snapshots the chronology cannot order).
    SameTimeVersions {
        /// The entry.
        entry: usize,
        /// One snapshot and the version it showed.
        first: Sighting,
        /// Another snapshot of the same time and its different version.
        second: Sighting,
    },
    /// Snapshots list two entries in contradicting orders; the timeline
    /// puts `newer` above `older`.
    Order {
        /// The entry placed above.
        newer: usize,
        /// The entry placed below.
        older: usize,
        /// A snapshot that lists `older` right above `newer`.
        snapshot: usize,
    },
    /// The overlap does not tell which of two snapshots is later; the
    /// timeline puts `earlier` first.
    Chronology {
        /// The snapshot placed first.
        earlier: usize,
        /// The snapshot placed later.
        later: usize,
    },
    /// One snapshot shows the same version of an update twice.
    Repeated {
        /// The snapshot.
        snapshot: usize,
        /// The entry.
        entry: usize,
    },
}

/// One snapshot's view of an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Sighting {
    /// Index into [`Timeline::snapshots`].
    pub snapshot: usize,
    /// Index into the entry's [`revisions`](Entry::revisions).
    pub revision: usize,
}

/// Read an update, then own it, so that the timeline reads from any source.
#[cfg(feature = "serde")]
fn owned_update<'de, D>(deserializer: D) -> Result<Update<'static>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    use serde::Deserialize;
    Update::deserialize(deserializer).map(Update::into_owned)
}
