//! The incremental layout: one new snapshot spliced into a timeline whose
//! layout is [`Settled`], in time about the size of the region of the order
//! the snapshot touches, plus a few plain passes that shift indices.
//!
//! The order is found by running the batch's topological sort on the new
//! graph from the top, and stopping as soon as its state is one the last
//! layout's run also reached: every group that changed is placed, the
//! groups placed are the new ones and exactly the old order's first `j`,
//! and the last one placed is the old order's `j`th. From there the batch
//! run would go on exactly as the last one did, so the rest of the order is
//! the old one, shifted. Everything else (chronology, removal, gaps,
//! conflicts, `shown`) is then settled again only where the prefix and the
//! snapshots that show it reach, and shifted elsewhere.
//!
//! It applies only where that is provably the batch result: one new
//! snapshot, which goes last in the chronology, in a class of its own, and
//! whose window does not reach the end of the history; no two snapshots
//! simultaneous, and no contradicting orders. Otherwise it declines and the
//! caller lays the timeline out in full.

use super::assemble::{empty_update, placeholder, present};
use super::index::{Index, Updates};
use super::settled::{Key, Settled, NONE};
use super::timeline::{Cache, Chronology, Conflict, Entry, Gap, GapKind, Revision, Shown};
use super::{SnapshotInfo, Status, Timeline};
use foldhash::HashMap;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Marks per group, cleared in O(1) by moving to a new epoch.
struct Marks {
    epoch: Vec<u32>,
    value: Vec<u32>,
    now: u32,
}

impl Marks {
    fn new(n: usize) -> Marks {
        Marks {
            epoch: vec![0; n],
            value: vec![0; n],
            now: 1,
        }
    }

    fn clear(&mut self) {
        self.now += 1;
    }

    fn get(&self, g: u32) -> Option<u32> {
        let i = g as usize;
        (self.epoch.get(i) == Some(&self.now)).then(|| self.value[i])
    }

    fn set(&mut self, g: u32, value: u32) {
        let i = g as usize;
        if i < self.epoch.len() {
            self.epoch[i] = self.now;
            self.value[i] = value;
        }
    }
}

// Work counted by the incremental layout, for tests: the snapshots it
// scans for edges, the groups its sort places and the updates of the
// snapshots whose windows it settles again.
#[cfg(test)]
thread_local! {
    pub(crate) static WORK: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

#[cfg(test)]
fn count(n: usize) {
    WORK.with(|w| w.set(w.get() + n));
}

#[cfg(not(test))]
fn count(_: usize) {}

impl Index {
    /// The snapshots that show a version of any of `groups`, sorted, once
    /// each.
    fn showing(&self, groups: &[u32]) -> Vec<u32> {
        let mut sids: Vec<u32> = groups
            .iter()
            .flat_map(|&g| self.members[g as usize].iter())
            .flat_map(|&v| self.shown_in[v as usize].iter().copied())
            .collect();
        sids.sort_unstable();
        sids.dedup();
        sids
    }

    /// Splice the one snapshot added since the last layout into `entries`
    /// and `snapshots` (the timeline as that layout left it). Returns
    /// `None`, having changed neither, where it does not apply.
    pub(crate) fn splice(
        &mut self,
        entries: &mut Vec<Entry>,
        snapshots: &mut Vec<SnapshotInfo>,
        updates: &mut Updates,
    ) -> Option<Timeline> {
        let old_snaps = self.chrono.len();
        let c = self.snaps.len().checked_sub(1)? as u32;
        let new = self.snaps.get(c as usize)?;
        // A capture that shows no update has no window to splice: where it
        // stands in the chronology is the full layout's to say.
        if old_snaps == 0
            || self.snaps.len() != old_snaps + 1
            || !self.settled.simple
            || new.seq.is_empty()
            || new.complete()
            || (self.settled.all_timed && new.captured.is_none())
        {
            return None;
        }
        let all_timed = self.settled.all_timed;
        let groups = self.members.len();
        self.settled.grow(groups);
        let pc = old_snaps as u32;

        // The groups that changed.
        let mut dirty: Vec<u32> = self
            .dirty_list
            .iter()
            .filter_map(|&v| self.group_of.get(v as usize).copied())
            .filter(|&g| g != NONE)
            .collect();
        dirty.sort_unstable();
        dirty.dedup();
        let mut in_d = Marks::new(groups);
        for &g in &dirty {
            in_d.set(g, 1);
        }

        // Their edges, from every snapshot that shows them; the new
        // snapshot's repeats.
        let sids = self.showing(&dirty);
        let mut seen = Marks::new(groups);
        let mut repeats: Vec<(u32, u32)> = Vec::new();
        let mut recheck: Vec<u32> = dirty.clone();
        for &sid in &sids {
            seen.clear();
            let mut last: Option<u32> = None;
            for &v in &self.snaps[sid as usize].seq {
                let g = self.group_of[v as usize];
                if seen.get(g).is_some() {
                    if sid == c {
                        repeats.push((sid, v));
                    }
                    continue;
                }
                seen.set(g, 1);
                if let Some(a) = last {
                    if in_d.get(a).is_some() || in_d.get(g).is_some() {
                        let s = &mut self.settled;
                        if !s.succ[a as usize].contains(&g) {
                            s.succ[a as usize].push(g);
                            s.pred[g as usize].push(a);
                            recheck.push(g);
                        }
                    }
                }
                last = Some(g);
            }
        }
        count(sids.len());

        // Capture times and free groups.
        for &g in &dirty {
            let t = self.members[g as usize]
                .iter()
                .flat_map(|&v| self.shown_in[v as usize].iter())
                .filter_map(|&s| self.snaps[s as usize].captured)
                .min();
            self.settled.first_time[g as usize] = t;
        }
        let ord = &self.ord;
        let least = &self.least;
        let least_ord = |g: u32| {
            least
                .get(g as usize)
                .and_then(|&v| ord.get(v as usize))
                .copied()
                .unwrap_or(u64::MAX)
        };
        recheck.append(&mut self.settled.touched);
        let members = &self.members;
        let live = |g: u32| members.get(g as usize).is_some_and(|m| !m.is_empty());
        if self.settled.relabelled {
            self.settled.rebuild_sources(&live, &least_ord);
        } else {
            for g in recheck {
                self.settled.recheck_source(g, live(g), &least_ord);
            }
        }

        // The order, from the top, until it meets the old one.
        let s = &self.settled;
        let key = |g: u32| -> Key { (Reverse(s.first_time[g as usize]), least_ord(g)) };
        let live = self.numbered.len();
        let old_n = s.order.len();
        let retired_max = s.retired.iter().map(|r| r.rank as usize + 1).max();
        let mut placed = Marks::new(groups);
        let mut remaining = Marks::new(groups);
        let mut free: BinaryHeap<Reverse<(Key, u32)>> = BinaryHeap::new();
        let mut sources = s.sources.iter().peekable();
        let mut prefix: Vec<u32> = Vec::new();
        let mut next_hot: Option<u32> = None;
        let (mut placed_d, mut placed_clean, mut max_clean) = (0usize, 0usize, 0usize);
        let mut j = old_n;
        while prefix.len() < live {
            let next = if let Some(g) = next_hot.take() {
                g
            } else {
                let from_heap = free.peek().map(|r| r.0);
                let from_sources = sources.peek().copied().copied();
                match (from_heap, from_sources) {
                    (Some(h), Some(f)) if h < f => free.pop()?.0 .1,
                    (_, Some(_)) => sources.next()?.1,
                    (Some(_), None) => free.pop()?.0 .1,
                    (None, None) => return None, // a cycle
                }
            };
            if placed.get(next).is_some() {
                return None;
            }
            placed.set(next, prefix.len() as u32);
            prefix.push(next);
            let mut hot: Option<u32> = None;
            for &b in &s.succ[next as usize] {
                if placed.get(b).is_some() {
                    continue;
                }
                let left = remaining
                    .get(b)
                    .unwrap_or(s.pred[b as usize].len() as u32)
                    .saturating_sub(1);
                remaining.set(b, left);
                if left == 0 {
                    match hot {
                        Some(h) if key(h) < key(b) => free.push(Reverse((key(b), b))),
                        Some(h) => {
                            free.push(Reverse((key(h), h)));
                            hot = Some(b);
                        }
                        None => hot = Some(b),
                    }
                }
            }
            next_hot = hot;
            if in_d.get(next).is_some() {
                placed_d += 1;
                continue;
            }
            let rx = *s.rank.get(next as usize)? as usize;
            if rx == NONE as usize {
                return None;
            }
            placed_clean += 1;
            max_clean = max_clean.max(rx);
            if placed_d == dirty.len()
                && max_clean == rx
                && retired_max.is_none_or(|m| m <= rx + 1)
                && placed_clean + s.retired.iter().filter(|r| (r.rank as usize) <= rx).count()
                    == rx + 1
            {
                j = rx + 1;
                break;
            }
        }
        count(prefix.len());
        let jp = prefix.len();
        if j > old_n || old_n - j != live - jp || entries.len() != old_n {
            return None;
        }
        // New ranks: the prefix in place, the rest shifted.
        let new_rank = |g: u32| -> usize {
            match placed.get(g) {
                Some(r) => r as usize,
                None => {
                    (s.rank.get(g as usize).copied().unwrap_or(0) as usize + jp).saturating_sub(j)
                }
            }
        };

        // The snapshots the prefix reaches: their windows.
        let mut late = self.showing(&prefix);
        let mut windows: HashMap<u32, (usize, usize)> =
            HashMap::with_capacity_and_hasher(late.len(), Default::default());
        for &sid in &late {
            let seq = &self.snaps[sid as usize].seq;
            count(seq.len());
            let ranks = seq.iter().map(|&v| new_rank(self.group_of[v as usize]));
            let (lo, hi) = ranks.fold((usize::MAX, 0), |(lo, hi), r| (lo.min(r), hi.max(r)));
            windows.insert(sid, (lo, hi));
        }
        late.retain(|&sid| sid != c);
        let window = |sid: u32| -> (usize, usize) {
            match windows.get(&sid) {
                Some(&w) => w,
                None => {
                    let at = |g: u32| {
                        if g == NONE {
                            usize::MAX
                        } else {
                            new_rank(g)
                        }
                    };
                    let settled = |ends: &[u32]| ends.get(sid as usize).copied().unwrap_or(NONE);
                    (at(settled(&s.top)), at(settled(&s.bottom)))
                }
            }
        };
        let snap_key = |sid: u32| {
            let snap = &self.snaps[sid as usize];
            if all_timed {
                (snap.captured, Reverse(0), Reverse(0), None)
            } else {
                let (top, bottom) = window(sid);
                let bottom = if top == usize::MAX {
                    usize::MAX
                } else {
                    bottom
                };
                (None, Reverse(top), Reverse(bottom), snap.captured)
            }
        };
        // The chronology stays, the new snapshot last: the keys still
        // increase strictly along it.
        let mut chrono: Vec<u32> = self.chrono.clone();
        chrono.push(c);
        let mut check: Vec<usize> = late
            .iter()
            .filter_map(|&sid| s.pos.get(sid as usize).copied())
            .filter(|&p| p != NONE)
            .map(|p| p as usize)
            .collect();
        check.push(old_snaps);
        for &p in &check {
            let here = snap_key(*chrono.get(p)?);
            if p > 0 && snap_key(chrono[p - 1]) >= here {
                return None;
            }
            if let Some(&after) = chrono.get(p + 1) {
                if here >= snap_key(after) {
                    return None;
                }
            }
        }
        let pos = |s: &Settled, sid: u32| -> u32 {
            if sid == c {
                pc
            } else {
                s.pos.get(sid as usize).copied().unwrap_or(0)
            }
        };
        let window = |sid: u32| windows.get(&sid).copied().unwrap_or((usize::MAX, 0));

        // From here on nothing declines. Old entries give up what the new
        // groups need.
        let retired = std::mem::take(&mut self.settled.retired);
        for r in &retired {
            let Some(entry) = entries.get_mut(r.rank as usize) else {
                continue;
            };
            for (rev, &v) in entry.revisions.iter_mut().zip(&r.revs) {
                updates.insert(
                    v,
                    Box::new(std::mem::replace(&mut rev.update, empty_update())),
                );
            }
        }
        let s = &self.settled;

        // The prefix's entries.
        let mut last_seen: Vec<u32> = Vec::with_capacity(jp);
        let mut head: Vec<Entry> = Vec::with_capacity(jp);
        let mut revs_of: Vec<(u32, Vec<u32>)> = Vec::new();
        for &g in &prefix {
            let members = &self.members[g as usize];
            let ls = members
                .iter()
                .flat_map(|&v| self.shown_in[v as usize].iter())
                .map(|&sid| pos(s, sid))
                .max()
                .unwrap_or(0);
            last_seen.push(ls);
            if in_d.get(g).is_none() {
                let old = s.rank[g as usize] as usize;
                let entry = entries
                    .get_mut(old)
                    .map(|e| std::mem::replace(e, placeholder()));
                head.push(entry.unwrap_or_else(placeholder));
                continue;
            }
            let mut versions: Vec<(Vec<usize>, u32)> = members
                .iter()
                .map(|&v| {
                    let mut at: Vec<usize> = self.shown_in[v as usize]
                        .iter()
                        .map(|&sid| pos(s, sid) as usize)
                        .collect();
                    at.sort_unstable();
                    (at, v)
                })
                .collect();
            versions.sort_unstable();
            let mut seen_in: Vec<usize> =
                versions.iter().flat_map(|x| x.0.iter().copied()).collect();
            seen_in.sort_unstable();
            seen_in.dedup();
            let last = seen_in.last().copied().unwrap_or(0);
            let mut latest = 0;
            let mut revisions = Vec::with_capacity(versions.len());
            let mut order = Vec::with_capacity(versions.len());
            for (i, (at, v)) in versions.into_iter().enumerate() {
                if at.last() == Some(&last) {
                    latest = i;
                }
                order.push(v);
                revisions.push(Revision {
                    update: updates.remove(v).unwrap_or_else(empty_update),
                    snapshots: at,
                });
            }
            revs_of.push((g, order));
            head.push(present(revisions, latest, seen_in, last));
        }

        // Removal in the prefix: by the snapshots that reach it.
        let mut removed: Vec<u32> = vec![NONE; jp];
        let n = live;
        for &sid in late.iter().chain([&c]) {
            let (top, bottom) = window(sid);
            if top == usize::MAX {
                continue;
            }
            let hi = if self.snaps[sid as usize].complete() {
                n.saturating_sub(1)
            } else {
                bottom.saturating_sub(1)
            };
            let p = pos(s, sid);
            for r in top + 1..=hi.min(jp.saturating_sub(1)) {
                if p > last_seen[r] && p < removed[r] {
                    removed[r] = p;
                }
            }
        }
        for (entry, &gone) in head.iter_mut().zip(&removed) {
            entry.status = if gone == NONE {
                Status::Present
            } else {
                Status::Removed {
                    snapshot: gone as usize,
                }
            };
        }
        entries.splice(..j, head);

        // The settled state: ranks, order, revisions.
        let s = &mut self.settled;
        if jp != j {
            for r in s
                .rank
                .iter_mut()
                .filter(|r| **r != NONE && **r as usize >= j)
            {
                *r = (*r as usize - j + jp) as u32;
            }
        }
        for (r, &g) in prefix.iter().enumerate() {
            s.rank[g as usize] = r as u32;
        }
        s.order.splice(..j, prefix.iter().copied());
        for (g, order) in revs_of {
            s.revs[g as usize] = order;
        }
        let revision = |s: &Settled, v: u32, g: u32| {
            s.revs[g as usize].iter().position(|&u| u == v).unwrap_or(0)
        };

        // Gaps: settled again where the prefix reaches, shifted below.
        let adjacent = |s: &Settled, a: u32, b: u32| s.succ[a as usize].contains(&b);
        let mut gaps = Vec::new();
        for r in 1..n.min(jp + 1) {
            if !adjacent(s, s.order[r - 1], s.order[r]) {
                gaps.push(Gap {
                    after: r - 1,
                    before: Some(r),
                    kind: GapKind::Disjoint,
                });
            }
        }
        let shift = |i: usize| i.wrapping_sub(j).wrapping_add(jp);
        let mut old_more = None;
        for gap in std::mem::take(&mut s.gaps) {
            if gap.after < j {
                continue;
            }
            match gap.before {
                Some(b) => gaps.push(Gap {
                    after: shift(gap.after),
                    before: Some(shift(b)),
                    kind: gap.kind,
                }),
                None => old_more = Some(shift(gap.after)),
            }
        }
        if n > 0 {
            let more = if n > jp {
                old_more.is_some()
            } else {
                let last = s.order[n - 1];
                let closed = self.members[last as usize]
                    .iter()
                    .flat_map(|&v| self.shown_in[v as usize].iter())
                    .any(|&sid| {
                        let snap = &self.snaps[sid as usize];
                        if !snap.complete() {
                            return false;
                        }
                        seen.clear();
                        let mut tail = None;
                        for &v in &snap.seq {
                            let g = self.group_of[v as usize];
                            if seen.get(g).is_none() {
                                seen.set(g, 1);
                                tail = Some(g);
                            }
                        }
                        tail == Some(last)
                    });
                !closed
            };
            if more {
                gaps.push(Gap {
                    after: n - 1,
                    before: None,
                    kind: GapKind::MoreBelow,
                });
            }
        }

        // Conflicts: chronology across gaps, and repeats.
        let mut conflicts = Vec::new();
        if !all_timed {
            for gap in &gaps {
                if let (Some(b), Some(ea)) = (gap.before, entries.get(gap.after)) {
                    let (a, b) = (ea.last_seen, entries.get(b).map_or(0, |e| e.last_seen));
                    if a != b {
                        conflicts.push(Conflict::Chronology {
                            earlier: a.min(b),
                            later: a.max(b),
                        });
                    }
                }
            }
        }
        s.repeats.extend(repeats);
        for &(sid, v) in &s.repeats {
            let g = self.group_of[v as usize];
            conflicts.push(Conflict::Repeated {
                snapshot: pos(s, sid) as usize,
                entry: s.rank.get(g as usize).copied().unwrap_or(0) as usize,
            });
        }
        conflicts.sort_unstable();
        conflicts.dedup();

        // What each snapshot showed: settled again where the prefix
        // reaches, shifted elsewhere.
        let shown_of = |s: &Settled, sid: u32| -> Vec<Shown> {
            self.snaps[sid as usize]
                .seq
                .iter()
                .map(|&v| {
                    let g = self.group_of[v as usize];
                    Shown {
                        entry: s.rank[g as usize] as usize,
                        revision: revision(s, v, g),
                    }
                })
                .collect()
        };
        if jp != j {
            for (info, copy) in snapshots.iter_mut().zip(&mut s.shown) {
                for shown in info.shown.iter_mut().chain(copy.iter_mut()) {
                    shown.entry = shift(shown.entry);
                }
            }
        }
        for &sid in &late {
            let p = s.pos[sid as usize] as usize;
            let shown = shown_of(s, sid);
            if let Some(info) = snapshots.get_mut(p) {
                info.shown.clone_from(&shown);
            }
            if let Some(copy) = s.shown.get_mut(p) {
                *copy = shown;
            }
        }
        let snap = &self.snaps[c as usize];
        let shown = shown_of(s, c);
        s.shown.push(shown.clone());
        snapshots.push(SnapshotInfo {
            label: snap.label.clone(),
            captured: snap.captured,
            has_more: snap.has_more,
            truncated: snap.truncated,
            shown,
        });
        s.gaps.clone_from(&gaps);
        late.push(c);
        let grow = self.snaps.len();
        if s.pos.len() < grow {
            s.pos.resize(grow, NONE);
            s.top.resize(grow, NONE);
            s.bottom.resize(grow, NONE);
        }
        s.pos[c as usize] = pc;
        for &sid in &late {
            let (top, bottom) = window(sid);
            s.top[sid as usize] = s.order.get(top).copied().unwrap_or(NONE);
            s.bottom[sid as usize] = s.order.get(bottom).copied().unwrap_or(NONE);
        }
        self.chrono.push(c);
        Some(Timeline {
            entries: std::mem::take(entries),
            snapshots: std::mem::take(snapshots),
            chronology: if all_timed {
                Chronology::CaptureTimes
            } else {
                Chronology::Inferred
            },
            gaps,
            conflicts,
            options: self.options.clone(),
            index: Cache::default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::WORK;
    use crate::merge::{merge, Snapshot, Timeline};
    use crate::{Block, Headline, Page, Paragraph, Span, Update};

    /// A made-up word for `n`.
    fn word(mut n: usize) -> String {
        const SYL: [&str; 8] = ["ka", "lo", "mer", "tu", "vi", "san", "dre", "po"];
        let mut w = String::new();
        for _ in 0..4 {
            w.push_str(SYL[n % 8]);
            n /= 8;
        }
        w
    }

    fn update(i: usize) -> Update<'static> {
        let headline: Vec<String> = (0..4).map(|k| word(i * 4 + k)).collect();
        let body: Vec<String> = (0..12).map(|k| word(7_919 * i + 31 * k + 5)).collect();
        Update {
            span: Span::default(),
            byline: None,
            headline: Headline {
                span: Span::default(),
                text: headline.join(" ").into(),
                label: None,
                title: headline.join(" ").into(),
                remnant: None,
            },
            blocks: vec![Block::Paragraph(Paragraph {
                span: Span::default(),
                text: body.join(" ").into(),
            })],
        }
    }

    /// Capture `c`: the 12 newest of the `c + 1` updates published.
    fn capture(c: usize) -> Snapshot<'static> {
        let mut page: Page<'static> = crate::parse("").into_owned();
        page.updates = (c.saturating_sub(11)..=c).rev().map(update).collect();
        page.has_more = true;
        Snapshot::new(format!("capture-{c:04}"), page)
    }

    /// Absorbing a capture into a long timeline does as much work as
    /// absorbing it into a short one: about the capture's size, not the
    /// history's (counted, not timed).
    #[test]
    fn absorb_work_stays_flat_as_the_history_grows() {
        let mut t = Timeline::default();
        let mut work = Vec::new();
        let captures: Vec<Snapshot<'static>> = (0..600).map(capture).collect();
        for s in &captures {
            WORK.with(|w| w.set(0));
            t.absorb(s.clone());
            work.push(WORK.with(|w| w.get()));
        }
        assert_eq!(t, merge(captures.iter().cloned()));
        let early = work[50..150].iter().max().copied().unwrap_or(0);
        let late = work[500..].iter().max().copied().unwrap_or(0);
        assert!(early > 0, "the splice never ran");
        assert!(
            late <= early,
            "work grows with the history: {early} then {late}"
        );
        assert!(late < 1_000, "work is not about the capture's size: {late}");
    }
}
