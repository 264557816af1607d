//! The merge itself: canonical inputs in, timeline out.
//!
//! The timeline is a function of the *set* of inputs: they are sorted into a
//! canonical order and deduplicated first, and every later step breaks ties
//! by that order or by content, never by arrival. That is what makes the
//! merge order-independent, idempotent and incremental.

use super::identity::{group, version_key, Features};
use super::order::{self, Coverage, Window};
use super::timeline::{Chronology, Conflict, Entry, Gap, GapKind, Revision, Shown, Sighting};
use super::{MergeOptions, Snapshot, SnapshotInfo, Status, Timeline};
use crate::Update;
use std::cmp::{Ordering, Reverse};

/// One snapshot as the merge reads it: spans cleared, a version key per
/// update.
#[derive(Debug, Clone)]
pub(crate) struct Input {
    label: String,
    captured: Option<i64>,
    has_more: bool,
    truncated: bool,
    updates: Vec<Update<'static>>,
    keys: Vec<String>,
}

impl Input {
    pub(crate) fn from_snapshot(snapshot: Snapshot<'_>) -> Input {
        let page = snapshot.page;
        let updates = page
            .updates
            .into_iter()
            .map(|u| {
                let mut u = u.into_owned();
                // A timeline's updates come from many sources: no byte offset
                // would point anywhere meaningful.
                u.clear_spans();
                u
            })
            .collect();
        Input::new(
            snapshot.label,
            snapshot.captured,
            page.has_more,
            page.truncated,
            updates,
        )
    }

    fn new(
        label: String,
        captured: Option<i64>,
        has_more: bool,
        truncated: bool,
        updates: Vec<Update<'static>>,
    ) -> Input {
        let keys = updates.iter().map(version_key).collect();
        Input {
            label,
            captured,
            has_more,
            truncated,
            updates,
            keys,
        }
    }

    /// The inputs a timeline was built from, read back from it. References
    /// that point nowhere (a hand-edited timeline) are skipped.
    pub(crate) fn from_timeline(timeline: &Timeline) -> Vec<Input> {
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

    fn canonical(&self, other: &Input) -> Ordering {
        (
            &self.label,
            self.captured,
            self.has_more,
            self.truncated,
            &self.keys,
        )
            .cmp(&(
                &other.label,
                other.captured,
                other.has_more,
                other.truncated,
                &other.keys,
            ))
    }

    /// Whether its window reaches the end of the history.
    fn complete(&self) -> bool {
        !self.has_more && !self.truncated
    }
}

/// Merge inputs in any order.
pub(crate) fn assemble(mut inputs: Vec<Input>, options: &MergeOptions) -> Timeline {
    inputs.sort_by(Input::canonical);
    inputs.dedup_by(|a, b| a.canonical(b) == Ordering::Equal);
    let inputs = inputs;

    // Distinct versions, numbered in key order.
    let mut keys: Vec<&str> = inputs
        .iter()
        .flat_map(|i| i.keys.iter().map(String::as_str))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let version_of = |k: &str| keys.binary_search(&k).unwrap_or(0);
    let seq_v: Vec<Vec<usize>> = inputs
        .iter()
        .map(|i| i.keys.iter().map(|k| version_of(k)).collect())
        .collect();
    let mut sample: Vec<Option<&Update<'static>>> = vec![None; keys.len()];
    let mut shown_in: Vec<Vec<u32>> = vec![Vec::new(); keys.len()];
    for (s, (input, seq)) in inputs.iter().zip(&seq_v).enumerate() {
        for (u, &v) in input.updates.iter().zip(seq) {
            sample[v].get_or_insert(u);
            if shown_in[v].last() != Some(&(s as u32)) {
                shown_in[v].push(s as u32);
            }
        }
    }
    for list in &mut shown_in {
        list.sort_unstable();
        list.dedup();
    }

    // Identity: versions grouped into entries, numbered by their least version.
    let features: Vec<Features> = sample
        .iter()
        .map(|u| match u {
            Some(u) => Features::of(u, options),
            None => Features::of(&empty_update(), options),
        })
        .collect();
    let least = group(&features, &shown_in, options);
    let mut roots: Vec<usize> = least.clone();
    roots.sort_unstable();
    roots.dedup();
    let entry_of: Vec<usize> = least
        .iter()
        .map(|r| roots.binary_search(r).unwrap_or(0))
        .collect();
    let n = roots.len();

    // Each snapshot's order of entries, a repeated entry kept once.
    let mut conflicts: Vec<Conflict> = Vec::new();
    let mut repeated: Vec<(usize, usize)> = Vec::new();
    let seq_e: Vec<Vec<usize>> = seq_v
        .iter()
        .enumerate()
        .map(|(s, seq)| {
            let mut seen: Vec<usize> = seq.iter().map(|&v| entry_of[v]).collect();
            let mut sorted = seen.clone();
            sorted.sort_unstable();
            let mut dups: Vec<usize> = sorted
                .windows(2)
                .filter(|w| w[0] == w[1])
                .map(|w| w[0])
                .collect();
            dups.dedup();
            if !dups.is_empty() {
                let mut kept = vec![false; dups.len()];
                seen.retain(|e| match dups.binary_search(e) {
                    Ok(i) if kept[i] => false,
                    Ok(i) => {
                        kept[i] = true;
                        true
                    }
                    Err(_) => true,
                });
                repeated.extend(dups.iter().map(|&e| (s, e)));
            }
            seen
        })
        .collect();

    // Order of entries, newest first. Ties go to the entry first captured
    // latest, then to the entry number.
    let mut first_time: Vec<Option<i64>> = vec![None; n];
    for (input, seq) in inputs.iter().zip(&seq_e) {
        if let Some(t) = input.captured {
            for &e in seq {
                first_time[e] = Some(first_time[e].map_or(t, |f| f.min(t)));
            }
        }
    }
    let priority: Vec<Reverse<Option<i64>>> = first_time.into_iter().map(Reverse).collect();
    let edges = order::adjacent_pairs(&seq_e);
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

    // Revisions: each entry's versions, in the order first seen.
    let mut occurrences: Vec<(usize, usize, usize)> = Vec::new(); // (entry, version, position)
    for (s, seq) in seq_v.iter().enumerate() {
        occurrences.extend(seq.iter().map(|&v| (entry_of[v], v, pos[s])));
    }
    occurrences.sort_unstable();
    occurrences.dedup();
    let mut revision_of = vec![0; keys.len()];
    let mut entries: Vec<Option<Entry>> = vec![None; n];
    for run in occurrences.chunk_by(|a, b| a.0 == b.0) {
        let e = run[0].0;
        let mut versions: Vec<(usize, usize, Vec<usize>)> = run
            .chunk_by(|a, b| a.1 == b.1)
            .map(|vrun| {
                let positions: Vec<usize> = vrun.iter().map(|o| o.2).collect();
                (positions[0], vrun[0].1, positions)
            })
            .collect();
        versions.sort_unstable();
        let mut seen_in: Vec<usize> = run.iter().map(|o| o.2).collect();
        seen_in.sort_unstable();
        seen_in.dedup();
        let last = seen_in.last().copied().unwrap_or(0);
        let mut latest = 0;
        let mut revisions = Vec::with_capacity(versions.len());
        for (i, (_, v, positions)) in versions.into_iter().enumerate() {
            revision_of[v] = i;
            if positions.last() == Some(&last) {
                latest = i;
            }
            revisions.push(Revision {
                update: sample[v].cloned().unwrap_or_else(empty_update),
                snapshots: positions,
            });
        }
        let update = revisions
            .get(latest)
            .map(|r| r.update.clone())
            .unwrap_or_else(empty_update);
        entries[e] = Some(Entry {
            update,
            revisions,
            latest,
            first_seen: seen_in.first().copied().unwrap_or(0),
            last_seen: last,
            seen_in,
            status: Status::Present,
        });
    }

    // Two versions of one entry at one time.
    let mut at_time: Vec<(usize, usize, usize, usize)> = Vec::new(); // (entry, class, revision, position)
    for &(e, v, p) in &occurrences {
        at_time.push((e, classes[p], revision_of[v], p));
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
    let last_seen_by_rank: Vec<usize> = by_rank
        .iter()
        .map(|&e| entries[e].as_ref().map_or(0, |x| x.last_seen))
        .collect();
    let removed = order::removals(&coverage, &last_seen_by_rank);

    // Gaps: neighbours no snapshot shows side by side, and an open end.
    let mut pairs: Vec<(usize, usize)> = edges.iter().map(|&(a, b, _)| (a, b)).collect();
    pairs.sort_unstable();
    let mut gaps = Vec::new();
    for r in 1..n {
        if pairs.binary_search(&(by_rank[r - 1], by_rank[r])).is_err() {
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

    for f in forced {
        conflicts.push(Conflict::Order {
            newer: rank[f.placed],
            older: rank[f.pred],
            snapshot: pos[f.snapshot],
        });
    }
    for (s, e) in repeated {
        conflicts.push(Conflict::Repeated {
            snapshot: pos[s],
            entry: rank[e],
        });
    }
    conflicts.sort_unstable();
    conflicts.dedup();

    // Renumber: entries by rank, snapshots by chronology.
    let entries: Vec<Entry> = by_rank
        .iter()
        .zip(removed)
        .filter_map(|(&e, gone)| {
            let mut entry = entries[e].take()?;
            if let Some(p) = gone {
                entry.status = Status::Removed { snapshot: p };
            }
            Some(entry)
        })
        .collect();
    let snapshots: Vec<SnapshotInfo> = chrono
        .iter()
        .map(|&s| {
            let input = &inputs[s];
            SnapshotInfo {
                label: input.label.clone(),
                captured: input.captured,
                has_more: input.has_more,
                truncated: input.truncated,
                shown: seq_v[s]
                    .iter()
                    .map(|&v| Shown {
                        entry: rank[entry_of[v]],
                        revision: revision_of[v],
                    })
                    .collect(),
            }
        })
        .collect();
    Timeline {
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
    }
}

/// A stand-in that is never reached: every version has a sample.
fn empty_update() -> Update<'static> {
    use crate::{Headline, Span};
    Update {
        span: Span::default(),
        byline: None,
        headline: Headline {
            span: Span::default(),
            text: "".into(),
            label: None,
            title: "".into(),
            remnant: None,
        },
        blocks: Vec::new(),
    }
}
