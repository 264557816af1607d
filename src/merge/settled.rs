//! What the last layout settled, kept beside the index so that the next
//! absorb can start from it instead of from scratch: the order of the
//! groups (entries), each group's revisions, the "stands right above"
//! graph between groups, the free groups an order starts from, each
//! snapshot's chronological position and window, and the `shown` lists as
//! they were handed out (to tell whether the timeline was edited since).
//!
//! Groups are the index's stable group numbers; versions and snapshots its
//! stable numbers. A group the index frees between two layouts is
//! [retired](Settled::retire): its old rank, revisions and edges are moved
//! aside, so the next layout knows what it replaces.

use super::assemble::Extras;
use super::timeline::{Gap, Shown};
use std::cmp::Reverse;
use std::collections::BTreeSet;

/// Nothing: no rank, no group.
pub(crate) const NONE: u32 = u32::MAX;

/// The order key of a free group: earliest capture time first (latest
/// first-capture wins), then the group's least version in key order.
pub(crate) type Key = (Reverse<Option<i64>>, u64);

/// A group freed since the last layout.
#[derive(Debug, Clone)]
pub(crate) struct Retired {
    /// Its rank in the last layout, or [`NONE`].
    pub(crate) rank: u32,
    /// Its versions, in revision order.
    pub(crate) revs: Vec<u32>,
}

/// See the module docs.
#[derive(Debug, Clone, Default)]
pub(crate) struct Settled {
    /// Groups by rank.
    pub(crate) order: Vec<u32>,
    /// Per group: its rank, or [`NONE`].
    pub(crate) rank: Vec<u32>,
    /// Per group: its versions in revision order.
    pub(crate) revs: Vec<Vec<u32>>,
    /// Per group: the groups right below it in some snapshot.
    pub(crate) succ: Vec<Vec<u32>>,
    /// Per group: the groups right above it in some snapshot.
    pub(crate) pred: Vec<Vec<u32>>,
    /// Per group: the earliest capture time of a snapshot showing it.
    pub(crate) first_time: Vec<Option<i64>>,
    /// The groups with no predecessor, by key.
    pub(crate) sources: BTreeSet<(Key, u32)>,
    /// Per group: its key in `sources`, when it is there.
    pub(crate) source_key: Vec<Option<Key>>,
    /// Per snapshot: its chronological position.
    pub(crate) pos: Vec<u32>,
    /// Per snapshot: its newest group, or [`NONE`].
    pub(crate) top: Vec<u32>,
    /// Per snapshot: its oldest group, or [`NONE`].
    pub(crate) bottom: Vec<u32>,
    /// `(snapshot, version)`: a snapshot that shows a version again.
    pub(crate) repeats: Vec<(u32, u32)>,
    /// Per chronological position: the `shown` list handed out.
    pub(crate) shown: Vec<Vec<Shown>>,
    /// Whether every snapshot has a capture time.
    pub(crate) all_timed: bool,
    /// Whether no two snapshots share a class and no order was forced.
    pub(crate) simple: bool,
    /// Groups freed since the last layout, by their old number.
    pub(crate) retired: Vec<Retired>,
    /// Whether the order labels of the versions were renumbered since the
    /// keys in `sources` were taken.
    pub(crate) relabelled: bool,
    /// Groups that lost a predecessor since the last layout.
    pub(crate) touched: Vec<u32>,
    /// The gaps handed out.
    pub(crate) gaps: Vec<Gap>,
}

/// What [`Settled::from_layout`] reads from the index.
pub(crate) struct Groups<'a> {
    /// Per plan entry number: its group.
    pub(crate) numbered: &'a [u32],
    /// Per version: its group.
    pub(crate) group_of: &'a [u32],
    /// Per group: its versions.
    pub(crate) members: &'a [Vec<u32>],
    /// Per group: its key's version label.
    pub(crate) least_ord: &'a dyn Fn(u32) -> u64,
    /// Canonical number → snapshot number.
    pub(crate) canon: &'a [u32],
}

impl Settled {
    /// The state a full layout settled.
    pub(crate) fn from_layout(
        x: &Extras,
        g: &Groups<'_>,
        shown: Vec<Vec<Shown>>,
        gaps: Vec<Gap>,
    ) -> Settled {
        let groups = g.members.len();
        let group = |e: usize| g.numbered.get(e).copied().unwrap_or(NONE);
        let mut rank = vec![NONE; groups];
        let order: Vec<u32> = x.by_rank.iter().map(|&e| group(e)).collect();
        for (r, &gr) in order.iter().enumerate() {
            if let Some(slot) = rank.get_mut(gr as usize) {
                *slot = r as u32;
            }
        }
        let mut revs: Vec<Vec<u32>> = g.members.iter().map(|m| vec![NONE; m.len()]).collect();
        for (v, &gr) in g.group_of.iter().enumerate() {
            let i = x.revision_of.get(v).copied().unwrap_or(usize::MAX);
            if let Some(slot) = revs.get_mut(gr as usize).and_then(|r| r.get_mut(i)) {
                *slot = v as u32;
            }
        }
        let mut succ = vec![Vec::new(); groups];
        let mut pred = vec![Vec::new(); groups];
        for &(a, b, _) in &x.edges {
            let (ga, gb) = (group(a), group(b));
            if let (Some(s), true) = (succ.get_mut(ga as usize), (gb as usize) < groups) {
                s.push(gb);
                pred[gb as usize].push(ga);
            }
        }
        let mut first_time = vec![None; groups];
        for (e, &t) in x.first_time.iter().enumerate() {
            if let Some(slot) = first_time.get_mut(group(e) as usize) {
                *slot = t;
            }
        }
        let snaps = g.canon.iter().map(|&s| s as usize + 1).max().unwrap_or(0);
        let mut pos = vec![NONE; snaps];
        for (p, &c) in x.chrono.iter().enumerate() {
            if let Some(&sid) = g.canon.get(c) {
                pos[sid as usize] = p as u32;
            }
        }
        let mut top = vec![NONE; snaps];
        let mut bottom = vec![NONE; snaps];
        let at = |r: Option<usize>| r.and_then(|r| order.get(r).copied()).unwrap_or(NONE);
        for (c, &(t, b)) in x.windows.iter().enumerate() {
            if let Some(&sid) = g.canon.get(c) {
                top[sid as usize] = at(t);
                bottom[sid as usize] = at(b);
            }
        }
        let repeats = x
            .repeated
            .iter()
            .filter_map(|&(c, v)| Some((*g.canon.get(c)?, v)))
            .collect();
        let mut settled = Settled {
            order,
            rank,
            revs,
            succ,
            pred,
            first_time,
            sources: BTreeSet::new(),
            source_key: vec![None; groups],
            pos,
            top,
            bottom,
            repeats,
            shown,
            all_timed: x.all_timed,
            simple: x.simple,
            retired: Vec::new(),
            relabelled: false,
            touched: Vec::new(),
            gaps,
        };
        let live = |gr: u32| g.members.get(gr as usize).is_some_and(|m| !m.is_empty());
        settled.rebuild_sources(&live, g.least_ord);
        settled
    }

    /// Every group in use (`live`) with no predecessor, keyed anew.
    pub(crate) fn rebuild_sources(
        &mut self,
        live: &dyn Fn(u32) -> bool,
        least_ord: &dyn Fn(u32) -> u64,
    ) {
        self.sources.clear();
        self.source_key.iter_mut().for_each(|k| *k = None);
        for g in 0..self.rank.len() as u32 {
            self.recheck_source(g, live(g), least_ord);
        }
        self.relabelled = false;
    }

    /// Put `g` in `sources` or take it out, as its predecessors say and
    /// whether it is in use (`live`).
    pub(crate) fn recheck_source(&mut self, g: u32, live: bool, least_ord: &dyn Fn(u32) -> u64) {
        let i = g as usize;
        if let Some(key) = self.source_key.get_mut(i).and_then(Option::take) {
            self.sources.remove(&(key, g));
        }
        if live && self.pred.get(i).is_some_and(Vec::is_empty) {
            let key = (Reverse(self.first_time[i]), least_ord(g));
            self.sources.insert((key, g));
            self.source_key[i] = Some(key);
        }
    }

    /// Make room for group `g`.
    pub(crate) fn grow(&mut self, groups: usize) {
        if self.rank.len() < groups {
            self.rank.resize(groups, NONE);
            self.revs.resize(groups, Vec::new());
            self.succ.resize(groups, Vec::new());
            self.pred.resize(groups, Vec::new());
            self.first_time.resize(groups, None);
            self.source_key.resize(groups, None);
        }
    }

    /// Group `g` is freed: move what the last layout settled for it aside,
    /// and take its edges out of its neighbours' lists.
    pub(crate) fn retire(&mut self, g: u32) {
        let i = g as usize;
        if i >= self.rank.len() {
            return;
        }
        if let Some(key) = self.source_key[i].take() {
            self.sources.remove(&(key, g));
        }
        let succ = std::mem::take(&mut self.succ[i]);
        self.touched.extend(&succ);
        let pred = std::mem::take(&mut self.pred[i]);
        for &s in &succ {
            if let Some(list) = self.pred.get_mut(s as usize) {
                list.retain(|&x| x != g);
            }
        }
        for &p in &pred {
            if let Some(list) = self.succ.get_mut(p as usize) {
                list.retain(|&x| x != g);
            }
        }
        self.first_time[i] = None;
        let rank = std::mem::replace(&mut self.rank[i], NONE);
        let revs = std::mem::take(&mut self.revs[i]);
        if rank != NONE {
            self.retired.push(Retired { rank, revs });
        }
    }
}
