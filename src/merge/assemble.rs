//! The merge itself: canonical inputs in, timeline out.
//!
//! The timeline is a function of the *set* of inputs: they are sorted into a
//! canonical order and deduplicated first, and every later step breaks ties
//! by that order or by content, never by arrival. That is what makes the
//! merge order-independent, idempotent and incremental.
//!
//! Identity (which versions are one entry) is the [`Index`](super::index)'s
//! work; [`layout`] does the rest from integers: order, chronology,
//! revisions, removal, gaps and conflicts.

use super::index::{Revisions, Snap, Updates};
use super::order::{self, Coverage, Window};
use super::timeline::{
    Cache, Chronology, Conflict, Entry, Gap, GapKind, Revision, Shown, Sighting,
};
use super::{MergeOptions, Snapshot, SnapshotInfo, Status, Timeline};
use crate::Update;
use std::cmp::Reverse;

/// One snapshot as the merge reads it: its updates as parsed (spans and
/// all, borrowed from the text). An update is made owned, spans cleared,
/// only when the index keeps it: a version shown by many snapshots is
/// copied once.
#[derive(Debug, Clone)]
pub(crate) struct Input<'a> {
    pub(crate) label: String,
    pub(crate) captured: Option<i64>,
    pub(crate) has_more: bool,
    pub(crate) truncated: bool,
    pub(crate) updates: Vec<Update<'a>>,
}

/// An update as a timeline keeps it: owned, and with no spans (a
/// timeline's updates come from many sources: no byte offset would point
/// anywhere meaningful).
pub(crate) fn into_kept(update: Update<'_>) -> Update<'static> {
    let mut update = update.into_owned();
    update.clear_spans();
    update
}

impl<'a> Input<'a> {
    /// A snapshot's input, with its version keys.
    pub(crate) fn from_snapshot(snapshot: Snapshot<'a>) -> Input<'a> {
        let page = snapshot.page;
        Input::new(
            snapshot.label,
            snapshot.captured,
            page.has_more,
            page.truncated,
            page.updates,
        )
    }

    fn new(
        label: String,
        captured: Option<i64>,
        has_more: bool,
        truncated: bool,
        updates: Vec<Update<'a>>,
    ) -> Input<'a> {
        Input {
            label,
            captured,
            has_more,
            truncated,
            updates,
        }
    }

    /// The inputs a timeline was built from, read back from it. References
    /// that point nowhere (a hand-edited timeline) are skipped.
    pub(crate) fn from_timeline(timeline: &Timeline) -> Vec<Input<'static>> {
        timeline
            .snapshots
            .iter()
            .map(|s| {
                let updates = s
                    .shown
                    .iter()
                    .filter_map(|shown| {
                        let entry = timeline.entries.get(shown.entry)?;
                        let revision = entry.revisions.get(shown.revision)?;
                        Some(revision.update.clone())
                    })
                    .collect();
                Input::new(
                    s.label.clone(),
                    s.captured,
                    s.has_more,
                    s.truncated,
                    updates,
                )
            })
            .collect()
    }
}

/// What [`layout`] needs: the snapshots in canonical order, their updates
/// as version numbers, and each version's entry, entries numbered by their
/// version first in key order.
pub(crate) struct Plan<'i> {
    pub(crate) snaps: Vec<&'i Snap>,
    pub(crate) entry_of: Vec<usize>,
    pub(crate) entries: usize,
}

/// The timeline an absorb starts from, taken apart: its entries may be
/// reused.
pub(crate) struct Prior {
    /// Its entries, by rank.
    pub(crate) entries: Vec<Entry>,
    /// Its snapshots, by chronological position.
    pub(crate) snapshots: Vec<SnapshotInfo>,
    /// The version of each revision of `entries`.
    pub(crate) vids: Revisions,
    /// Per snapshot of the plan (canonical order), its position in
    /// `snapshots`, or `usize::MAX` when it is new.
    pub(crate) old_pos: Vec<usize>,
    /// Per version: whether its entry may have changed (regrouped, or shown
    /// by a new snapshot).
    pub(crate) dirty: Vec<bool>,
}

/// What [`layout`] settled beside the timeline, for the next absorb to
/// start from (see [`Settled`](super::settled::Settled)). Entries are by
/// their plan number, snapshots by their canonical number.
pub(crate) struct Extras {
    /// The snapshots' canonical numbers, in chronological order.
    pub(crate) chrono: Vec<usize>,
    /// Entries by rank.
    pub(crate) by_rank: Vec<usize>,
    /// Per version: its revision's index in its entry.
    pub(crate) revision_of: Vec<usize>,
    /// The "stands right above" edges `(a, b, snapshot)`.
    pub(crate) edges: Vec<(usize, usize, usize)>,
    /// Per entry: the earliest capture time of a snapshot showing it.
    pub(crate) first_time: Vec<Option<i64>>,
    /// Per snapshot: the ranks of its newest and oldest entries.
    pub(crate) windows: Vec<(Option<usize>, Option<usize>)>,
    /// `(snapshot, version)`: a snapshot that shows a version again.
    pub(crate) repeated: Vec<(usize, u32)>,
    /// Whether every snapshot has a capture time.
    pub(crate) all_timed: bool,
    /// Whether no two snapshots share a class and no order was forced.
    pub(crate) simple: bool,
}

/// Lay out the timeline of `plan`: `updates` holds the update of every
/// version that no entry of `prior` holds (moved into the revisions).
/// Entries of `prior` that nothing touched are reused, their positions
/// renumbered. Returns the timeline (without its index) and what it
/// settled.
pub(crate) fn layout(
    plan: &Plan<'_>,
    mut updates: Updates,
    prior: Option<Prior>,
    options: &MergeOptions,
) -> (Timeline, Extras) {
    let old_pos: Vec<usize> = prior
        .as_ref()
        .map(|p| p.old_pos.clone())
        .unwrap_or_default();
    let inputs = &plan.snaps;
    let seq_v: Vec<&[u32]> = inputs.iter().map(|i| i.seq.as_slice()).collect();
    let versions = plan.entry_of.len();
    let entry_of = &plan.entry_of;
    let n = plan.entries;

    // Each snapshot's order of entries, a repeated entry kept once.
    let mut conflicts: Vec<Conflict> = Vec::new();
    let mut repeated: Vec<(usize, usize, u32)> = Vec::new();
    let mut stamp = vec![usize::MAX; n];
    let mut flat: Vec<usize> = Vec::with_capacity(seq_v.iter().map(|q| q.len()).sum());
    let mut ends = Vec::with_capacity(seq_v.len());
    for (s, seq) in seq_v.iter().enumerate() {
        for &v in *seq {
            let e = entry_of[v as usize];
            if stamp[e] == s {
                repeated.push((s, e, v));
            } else {
                stamp[e] = s;
                flat.push(e);
            }
        }
        ends.push(flat.len());
    }
    let mut from = 0;
    let seq_e: Vec<&[usize]> = ends
        .iter()
        .map(|&to| {
            let seq = flat.get(from..to).unwrap_or_default();
            from = to;
            seq
        })
        .collect();

    // Order of entries, newest first. Ties go to the entry first captured
    // latest, then to the entry number.
    let mut first_time: Vec<Option<i64>> = vec![None; n];
    for (input, seq) in inputs.iter().zip(&seq_e) {
        if let Some(t) = input.captured {
            for &e in *seq {
                first_time[e] = Some(first_time[e].map_or(t, |f| f.min(t)));
            }
        }
    }
    let priority: Vec<Reverse<Option<i64>>> = first_time.iter().copied().map(Reverse).collect();
    let edges = order::adjacent_pairs(n, &seq_e);
    let (by_rank, forced) = order::topo_order(n, &edges, &priority);
    let mut rank = vec![0; n];
    for (r, &e) in by_rank.iter().enumerate() {
        rank[e] = r;
    }

    // Chronology of the snapshots.
    let windows: Vec<Window> = inputs
        .iter()
        .zip(&seq_e)
        .map(|(input, seq)| Window {
            captured: input.captured,
            top: seq.iter().map(|&e| rank[e]).min(),
            bottom: seq.iter().map(|&e| rank[e]).max(),
        })
        .collect();
    let all_timed = !inputs.is_empty() && inputs.iter().all(|i| i.captured.is_some());
    let (chrono, classes) = order::chronology(&windows, all_timed);
    let mut pos = vec![0; inputs.len()];
    for (p, &s) in chrono.iter().enumerate() {
        pos[s] = p;
    }
    if !all_timed {
        for p in 1..chrono.len() {
            if classes[p] == classes[p - 1] && seq_v[chrono[p]] != seq_v[chrono[p - 1]] {
                conflicts.push(Conflict::Chronology {
                    earlier: p - 1,
                    later: p,
                });
            }
        }
    }

    // Entries no snapshot added to keep their history, positions renumbered,
    // in place; the others give up their updates.
    let mut revision_of = vec![0; versions];
    let mut last_seen_by_rank = vec![0; n];
    let mut reused = vec![false; n];
    let mut old_snapshots: Vec<Option<SnapshotInfo>> = Vec::new();
    // Per old entry, its new rank when reused.
    let mut old_rank: Vec<usize> = Vec::new();
    let mut old_entries: Vec<Entry> = Vec::new();
    if let Some(prior) = prior {
        // Old chronological position → new one.
        let mut renumber = vec![usize::MAX; prior.snapshots.len()];
        for (s, &old) in prior.old_pos.iter().enumerate() {
            if let Some(slot) = renumber.get_mut(old) {
                *slot = pos[s];
            }
        }
        let monotone =
            renumber.windows(2).all(|w| w[0] < w[1]) && renumber.iter().all(|&p| p != usize::MAX);
        let same = monotone && renumber.iter().enumerate().all(|(i, &p)| i == p);
        let at = |p: &mut usize| *p = renumber.get(*p).copied().unwrap_or(*p);
        let flat = &prior.vids;
        let all = flat.start.windows(2).map(|w| &flat.vids[w[0]..w[1]]);
        old_entries = prior.entries;
        old_rank = vec![usize::MAX; old_entries.len()];
        for ((entry, vids), slot) in old_entries.iter_mut().zip(all).zip(&mut old_rank) {
            let clean = monotone
                && !vids.is_empty()
                && vids
                    .iter()
                    .all(|&v| !prior.dirty.get(v as usize).copied().unwrap_or(true));
            if clean {
                if !same {
                    for r in &mut entry.revisions {
                        r.snapshots.iter_mut().for_each(at);
                    }
                    entry.seen_in.iter_mut().for_each(at);
                    at(&mut entry.first_seen);
                    at(&mut entry.last_seen);
                }
                for (i, &v) in vids.iter().enumerate() {
                    revision_of[v as usize] = i;
                }
                let e = entry_of[vids[0] as usize];
                reused[e] = true;
                *slot = rank[e];
                last_seen_by_rank[rank[e]] = entry.last_seen;
            } else {
                for (r, &v) in entry.revisions.iter_mut().zip(vids) {
                    updates.insert(
                        v,
                        Box::new(std::mem::replace(&mut r.update, empty_update())),
                    );
                }
            }
        }
        old_snapshots = prior.snapshots.into_iter().map(Some).collect();
    }

    // Revisions of the other entries: their versions, in the order first seen.
    // (entry, version, position), sorted: bucketed by entry (a counting
    // sort), then each entry's few sorted.
    let mut start = vec![0usize; n + 1];
    for &v in seq_v.iter().flat_map(|seq| seq.iter()) {
        let e = entry_of[v as usize];
        if !reused[e] {
            start[e + 1] += 1;
        }
    }
    for e in 0..n {
        start[e + 1] += start[e];
    }
    let mut occurrences: Vec<(usize, usize, usize)> = vec![(0, 0, 0); start[n]];
    let mut next = start.clone();
    for (s, seq) in seq_v.iter().enumerate() {
        for &v in *seq {
            let e = entry_of[v as usize];
            if !reused[e] {
                occurrences[next[e]] = (e, v as usize, pos[s]);
                next[e] += 1;
            }
        }
    }
    for w in start.windows(2) {
        if let Some(bucket) = occurrences.get_mut(w[0]..w[1]) {
            bucket.sort_unstable();
        }
    }
    occurrences.dedup();
    let mut built: Vec<(usize, Entry)> = Vec::with_capacity(n); // (rank, entry)

    // Per version of the entry at hand: (first position, version, its
    // occurrences' range in `run`), reused from entry to entry.
    let mut versions: Vec<(usize, usize, usize, usize)> = Vec::new();
    for run in occurrences.chunk_by(|a, b| a.0 == b.0) {
        let e = run[0].0;
        versions.clear();
        let mut at = 0;
        for vrun in run.chunk_by(|a, b| a.1 == b.1) {
            versions.push((vrun[0].2, vrun[0].1, at, at + vrun.len()));
            at += vrun.len();
        }
        versions.sort_unstable();
        let mut seen_in: Vec<usize> = run.iter().map(|o| o.2).collect();
        seen_in.sort_unstable();
        seen_in.dedup();
        let last = seen_in.last().copied().unwrap_or(0);
        let mut latest = 0;
        let mut revisions = Vec::with_capacity(versions.len());
        for (i, &(_, v, from, to)) in versions.iter().enumerate() {
            let positions: Vec<usize> = run
                .get(from..to)
                .unwrap_or_default()
                .iter()
                .map(|o| o.2)
                .collect();
            revision_of[v] = i;
            if positions.last() == Some(&last) {
                latest = i;
            }
            revisions.push(Revision {
                update: updates.remove(v as u32).unwrap_or_else(empty_update),
                snapshots: positions,
            });
        }
        last_seen_by_rank[rank[e]] = last;
        built.push((rank[e], present(revisions, latest, seen_in, last)));
    }

    // Two versions of one entry at one time: only snapshots that share a
    // class can show them.
    let mut at_time: Vec<(usize, usize, usize, usize)> = Vec::new(); // (entry, class, revision, position)
    for (p, &s) in chrono.iter().enumerate() {
        let shared =
            (p > 0 && classes[p - 1] == classes[p]) || classes.get(p + 1) == Some(&classes[p]);
        if shared {
            for &v in seq_v[s] {
                let v = v as usize;
                at_time.push((entry_of[v], classes[p], revision_of[v], p));
            }
        }
    }
    at_time.sort_unstable();
    for run in at_time.chunk_by(|a, b| a.0 == b.0 && a.1 == b.1) {
        if let (Some(first), Some(second)) = (run.first(), run.iter().find(|o| o.2 != run[0].2)) {
            conflicts.push(Conflict::SameTimeVersions {
                entry: rank[first.0],
                first: Sighting {
                    snapshot: first.3,
                    revision: first.2,
                },
                second: Sighting {
                    snapshot: second.3,
                    revision: second.2,
                },
            });
        }
    }

    // Window-aware removal.
    let coverage: Vec<Coverage> = chrono
        .iter()
        .enumerate()
        .map(|(p, &s)| Coverage {
            class: classes[p],
            top: windows[s].top,
            bottom: windows[s].bottom,
            complete: inputs[s].complete(),
        })
        .collect();
    let removed = order::removals(&coverage, &last_seen_by_rank);

    // Gaps: neighbours no snapshot shows side by side, and an open end.
    // The edges are sorted: each entry's successors are one run.
    let mut edge_start = vec![0usize; n + 1];
    for &(a, _, _) in &edges {
        edge_start[a + 1] += 1;
    }
    for i in 0..n {
        edge_start[i + 1] += edge_start[i];
    }
    let adjacent = |a: usize, b: usize| {
        edges[edge_start[a]..edge_start[a + 1]]
            .iter()
            .any(|x| x.1 == b)
    };
    let mut gaps = Vec::new();
    for r in 1..n {
        if !adjacent(by_rank[r - 1], by_rank[r]) {
            gaps.push(Gap {
                after: r - 1,
                before: Some(r),
                kind: GapKind::Disjoint,
            });
        }
    }
    if let Some(&last) = by_rank.last() {
        let closed = inputs
            .iter()
            .zip(&seq_e)
            .any(|(i, seq)| i.complete() && seq.last() == Some(&last));
        if !closed {
            gaps.push(Gap {
                after: n - 1,
                before: None,
                kind: GapKind::MoreBelow,
            });
        }
    }
    if !all_timed {
        // Runs that do not overlap: nothing tells which one is newer.
        for gap in &gaps {
            if let Some(before) = gap.before {
                let a = last_seen_by_rank[gap.after];
                let b = last_seen_by_rank[before];
                if a != b {
                    conflicts.push(Conflict::Chronology {
                        earlier: a.min(b),
                        later: a.max(b),
                    });
                }
            }
        }
    }

    for &f in &forced {
        conflicts.push(Conflict::Order {
            newer: rank[f.placed],
            older: rank[f.pred],
            snapshot: pos[f.snapshot],
        });
    }
    let simple = forced.is_empty() && classes.windows(2).all(|w| w[0] != w[1]);
    for &(s, e, _) in &repeated {
        conflicts.push(Conflict::Repeated {
            snapshot: pos[s],
            entry: rank[e],
        });
    }
    conflicts.sort_unstable();
    conflicts.dedup();

    // Renumber: entries by rank, snapshots by chronology. The reused
    // entries keep their relative order unless the order changed: then
    // everything is sorted by rank. The old entries at the end that keep
    // their place counted from the end stay where they are: the new head is
    // spliced in front of them with one shift.
    let in_order = old_rank.iter().filter(|&&r| r != usize::MAX).is_sorted();
    if !in_order {
        built.extend(
            old_rank
                .iter()
                .zip(old_entries.drain(..))
                .filter(|(&r, _)| r != usize::MAX)
                .map(|(&r, entry)| (r, entry)),
        );
    }
    let m = old_entries.len();
    let mut split = m;
    while split > 0
        && old_rank
            .get(split - 1)
            .is_some_and(|&r| r != usize::MAX && r + m == n + split - 1)
    {
        split -= 1;
    }
    let head_len = n.saturating_sub(m - split);
    // The built entries by rank (ranks are distinct): placed, not sorted.
    let mut placed: Vec<Option<Entry>> = Vec::new();
    placed.resize_with(head_len, || None);
    for (r, entry) in built {
        if let Some(slot) = placed.get_mut(r) {
            *slot = Some(entry);
        }
    }
    let mut head = Vec::with_capacity(head_len);
    let mut olds = old_rank.iter().zip(old_entries.iter_mut()).take(split);
    for (r, slot) in placed.iter_mut().enumerate() {
        if let Some(entry) = slot.take() {
            head.push(entry);
        } else if let Some((_, entry)) = olds.find(|(&o, _)| o == r) {
            head.push(std::mem::replace(entry, placeholder()));
        }
    }
    drop(olds);
    let mut entries = old_entries;
    entries.splice(..split, head);
    for (entry, gone) in entries.iter_mut().zip(removed) {
        entry.status = match gone {
            Some(p) => Status::Removed { snapshot: p },
            None => Status::Present,
        };
    }
    let shown_at = |v: u32| Shown {
        entry: rank[entry_of[v as usize]],
        revision: revision_of[v as usize],
    };
    let snapshots: Vec<SnapshotInfo> = chrono
        .iter()
        .map(|&s| {
            let input = &inputs[s];
            let old = old_pos
                .get(s)
                .and_then(|&p| old_snapshots.get_mut(p))
                .and_then(Option::take)
                .filter(|info| info.shown.len() == seq_v[s].len());
            match old {
                Some(mut info) => {
                    for (shown, &v) in info.shown.iter_mut().zip(seq_v[s]) {
                        *shown = shown_at(v);
                    }
                    info
                }
                None => SnapshotInfo {
                    label: input.label.clone(),
                    captured: input.captured,
                    has_more: input.has_more,
                    truncated: input.truncated,
                    shown: seq_v[s].iter().map(|&v| shown_at(v)).collect(),
                },
            }
        })
        .collect();
    let timeline = Timeline {
        entries,
        snapshots,
        chronology: if all_timed {
            Chronology::CaptureTimes
        } else {
            Chronology::Inferred
        },
        gaps,
        conflicts,
        options: options.clone(),
        index: Cache::default(),
    };
    let extras = Extras {
        chrono,
        by_rank,
        revision_of,
        edges,
        first_time,
        windows: windows.iter().map(|w| (w.top, w.bottom)).collect(),
        repeated: repeated.into_iter().map(|(s, _, v)| (s, v)).collect(),
        all_timed,
        simple,
    };
    (timeline, extras)
}

/// A present entry from its revisions, the latest at `latest`.
pub(super) fn present(
    revisions: Vec<Revision>,
    latest: usize,
    seen_in: Vec<usize>,
    last_seen: usize,
) -> Entry {
    Entry {
        revisions,
        latest,
        first_seen: seen_in.first().copied().unwrap_or(0),
        last_seen,
        seen_in,
        status: Status::Present,
    }
}

/// An entry that only holds a place while entries move.
pub(super) fn placeholder() -> Entry {
    Entry {
        revisions: Vec::new(),
        latest: 0,
        first_seen: 0,
        last_seen: 0,
        seen_in: Vec::new(),
        status: Status::Present,
    }
}

/// A stand-in that is never reached: every version has a sample.
pub(crate) fn empty_update() -> Update<'static> {
    super::timeline::EMPTY_UPDATE.clone()
}
