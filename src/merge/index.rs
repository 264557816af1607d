//! What a timeline was merged from, kept beside it so that folding in one
//! more snapshot costs about the size of that snapshot.
//!
//! The index holds every distinct version once (its key, its [`Features`],
//! the snapshots that show it), the lookup keys that suggest candidates, the
//! alike pairs found so far, and the grouping of versions into entries. A
//! new snapshot adds its new versions, compares them with the versions that
//! share a key, and regroups only the connected components it touches: the
//! grouping of a component depends on nothing outside it (see
//! [`join`]), so the result is the grouping a batch merge finds. What is
//! genuinely global (order, chronology, removal, gaps) is recomputed from
//! integers in [`layout`].

use super::assemble::{into_kept, layout, Input, Plan, Prior};
use super::identity::{alike, alike_edges, join, Features};
use super::intern::Interner;
use super::key::write_version_key;
use super::settled::{Groups, Settled};
use super::{Entry, SnapshotInfo, Status};
use super::{MergeOptions, Timeline};
use crate::Update;
use foldhash::HashMap;
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::ops::Bound;

/// No group yet.
const NONE: u32 = u32::MAX;
/// The distance between the order labels of neighbouring versions when they
/// are (re)numbered.
const SPACING: u64 = 1 << 32;

/// The version of each revision of a timeline's entries, flat: entry `e`'s
/// are `vids[start[e]..start[e + 1]]`.
#[derive(Debug, Clone)]
pub(crate) struct Revisions {
    pub(crate) vids: Vec<u32>,
    pub(crate) start: Vec<usize>,
}

/// One merged snapshot, its updates as version numbers.
#[derive(Debug, Clone)]
pub(crate) struct Snap {
    pub(crate) label: String,
    pub(crate) captured: Option<i64>,
    pub(crate) has_more: bool,
    pub(crate) truncated: bool,
    pub(crate) seq: Vec<u32>,
}

impl Snap {
    /// Whether its window reaches the end of the history.
    pub(crate) fn complete(&self) -> bool {
        !self.has_more && !self.truncated
    }
}

/// The merge's memory (see the module docs). Versions and snapshots have
/// stable numbers, in the order they were added.
#[derive(Debug, Clone)]
pub(crate) struct Index {
    pub(super) options: MergeOptions,
    /// Version key → version.
    by_key: BTreeMap<String, u32>,
    /// Per version: a label whose order is the order of the keys.
    pub(super) ord: Vec<u64>,
    features: Vec<Features>,
    /// Per version: the snapshots that show it, ascending.
    pub(super) shown_in: Vec<Vec<u32>>,
    /// Per version: the alike versions and the score.
    adj: Vec<Vec<(u32, f64)>>,
    /// Lookup key → the versions that have it.
    postings: Postings,
    /// Per version: its group.
    pub(super) group_of: Vec<u32>,
    /// Per group: its versions (empty when the number is free).
    pub(super) members: Vec<Vec<u32>>,
    /// Per group: its version first in key order.
    pub(super) least: Vec<u32>,
    free: Vec<u32>,
    /// The groups in use, by their version first in key order: the entry
    /// numbers.
    pub(super) numbered: Vec<u32>,
    pub(super) snaps: Vec<Snap>,
    /// Snapshots in canonical order.
    canon: Vec<u32>,
    /// Snapshots in the order of [`Timeline::snapshots`].
    pub(super) chrono: Vec<u32>,
    /// Per version: whether its entry may have changed since the last
    /// layout.
    dirty: Vec<bool>,
    /// The versions marked in `dirty`.
    pub(super) dirty_list: Vec<u32>,
    /// What the last layout settled.
    pub(super) settled: Settled,
}

/// The versions that have one lookup key, in the order they were added.
/// Most keys have one to three, kept inline: no allocation per key, and
/// a small entry in the postings map.
#[derive(Debug, Clone, Default)]
struct Posting {
    inline: [u32; 3],
    len: u32,
    /// Every version, once there are more than three. Boxed: a pointer in
    /// every entry of the map instead of a whole `Vec`.
    #[allow(clippy::box_collection)]
    spilled: Option<Box<Vec<u32>>>,
}

impl Posting {
    fn push(&mut self, v: u32) {
        if let Some(spilled) = &mut self.spilled {
            spilled.push(v);
        } else if let Some(slot) = self.inline.get_mut(self.len as usize) {
            *slot = v;
        } else {
            let mut spilled = self.inline.to_vec();
            spilled.push(v);
            self.spilled = Some(Box::new(spilled));
        }
        self.len = self.len.saturating_add(1);
    }

    fn len(&self) -> usize {
        self.len as usize
    }

    fn as_slice(&self) -> &[u32] {
        match &self.spilled {
            Some(spilled) => spilled,
            None => self.inline.get(..self.len()).unwrap_or_default(),
        }
    }
}

/// Lookup key → the versions that have it.
type Postings = HashMap<u64, Posting>;

/// Versions' updates by version number, waiting to move into the
/// timeline: boxed, so that the table is small and they move as pointers.
#[derive(Debug, Default)]
pub(crate) struct Updates(Vec<Option<Box<Update<'static>>>>);

impl Updates {
    pub(crate) fn insert(&mut self, v: u32, update: Box<Update<'static>>) {
        let v = v as usize;
        if self.0.len() <= v {
            self.0.resize_with(v + 1, || None);
        }
        if let Some(slot) = self.0.get_mut(v) {
            *slot = Some(update);
        }
    }

    pub(crate) fn remove(&mut self, v: u32) -> Option<Update<'static>> {
        self.0
            .get_mut(v as usize)
            .and_then(Option::take)
            .map(|u| *u)
    }
}

impl Extend<(u32, Box<Update<'static>>)> for Updates {
    fn extend<I: IntoIterator<Item = (u32, Box<Update<'static>>)>>(&mut self, items: I) {
        for (v, update) in items {
            self.insert(v, update);
        }
    }
}

/// The distinct versions of a batch, numbered as first met, and each
/// update's number.
struct Met {
    /// Per input, the number of each of its updates.
    ids: Vec<Vec<u32>>,
    /// Per version, in that numbering.
    versions: Vec<Version>,
}

/// A version as first met: its features and its owned copy, spans cleared.
struct Version {
    features: Features,
    kept: Box<Update<'static>>,
}

impl Met {
    /// Each update, spans cleared, is found among the versions met before
    /// by a hash of its texts and compared with them (a version shown by
    /// many snapshots is met once). A version's features and its owned
    /// copy are made when it is first met, while its text is still in the
    /// cache. The updates are moved out of `inputs`.
    fn of(inputs: &mut [Input<'_>], options: &MergeOptions) -> Met {
        let mut interner: Interner = Interner::default();
        let mut versions: Vec<Version> = Vec::new();
        let mut scratch = Vec::new();
        let ids = inputs
            .iter_mut()
            .map(|input| {
                let updates = std::mem::take(&mut input.updates);
                let ids = updates.into_iter().map(|mut u| {
                    u.clear_spans();
                    let same = |id: u32| versions.get(id as usize).is_some_and(|v| *v.kept == u);
                    match interner.find(&u, same) {
                        Ok(id) => id,
                        Err(hash) => {
                            versions.push(Version {
                                features: Features::of_in(&u, options, &mut scratch),
                                kept: Box::new(u.into_owned()),
                            });
                            interner.add(hash)
                        }
                    }
                });
                ids.collect()
            })
            .collect();
        Met { ids, versions }
    }
}

impl Index {
    /// The index of a batch: `inputs` in any order.
    pub(crate) fn build(mut inputs: Vec<Input<'_>>, options: &MergeOptions) -> (Index, Updates) {
        // Distinct versions, numbered in key order: keys are written and
        // sorted for the distinct ones only.
        let Met { ids, versions } = Met::of(&mut inputs, options);
        let n = versions.len();
        let mut buf = String::new();
        let mut keyed: Vec<(String, u32, Version)> = versions
            .into_iter()
            .enumerate()
            .map(|(id, version)| {
                write_version_key(&version.kept, &mut buf);
                (buf.clone(), id as u32, version)
            })
            .collect();
        // Distinct versions have distinct keys.
        keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut version_of_id = vec![0u32; n];
        let mut updates = Updates(Vec::with_capacity(n));
        let mut features = Vec::with_capacity(n);
        let mut keys = Vec::with_capacity(n);
        for (v, (key, id, version)) in keyed.into_iter().enumerate() {
            version_of_id[id as usize] = v as u32;
            features.push(version.features);
            updates.insert(v as u32, version.kept);
            keys.push((key, v as u32));
        }
        let by_key: BTreeMap<String, u32> = keys.into_iter().collect();

        // The inputs in canonical order (versions compare by key, that is by
        // number), duplicates dropped.
        let ord: Vec<u64> = (0..n as u64).map(|v| (v + 1) * SPACING).collect();
        let mut inputs: Vec<(Input<'_>, Vec<u32>)> = inputs
            .into_iter()
            .zip(ids)
            .map(|(input, ids)| {
                let seq = ids.iter().map(|&id| version_of_id[id as usize]).collect();
                (input, seq)
            })
            .collect();
        inputs.sort_by(|(a, sa), (b, sb)| Probe::of(a, sa).cmp(&Probe::of(b, sb), &ord));
        inputs.dedup_by(|(a, sa), (b, sb)| {
            Probe::of(a, sa).cmp(&Probe::of(b, sb), &ord) == Ordering::Equal
        });

        let mut shown_in: Vec<Vec<u32>> = vec![Vec::new(); n];
        let mut snaps = Vec::with_capacity(inputs.len());
        for (s, (input, seq)) in inputs.into_iter().enumerate() {
            for &v in &seq {
                let list = &mut shown_in[v as usize];
                if list.last() != Some(&(s as u32)) {
                    list.push(s as u32);
                }
            }
            snaps.push(Snap {
                label: input.label,
                captured: input.captured,
                has_more: input.has_more,
                truncated: input.truncated,
                seq,
            });
        }

        let mut postings: Postings = HashMap::with_capacity_and_hasher(
            features.iter().map(|f| f.keys().len()).sum(),
            Default::default(),
        );
        for (v, f) in features.iter().enumerate() {
            for &k in f.keys() {
                postings.entry(k).or_default().push(v as u32);
            }
        }
        // The map is read in its (seeded, random) order: the pairs are sorted
        // before they are used.
        let edges = alike_edges(&features, postings.values().map(Posting::as_slice), options);
        let mut adj: Vec<Vec<(u32, f64)>> = vec![Vec::new(); n];
        for &(s, a, b) in &edges {
            adj[a as usize].push((b, s));
            adj[b as usize].push((a, s));
        }
        let least_of = join(n, edges, &shown_in);
        let mut index = Index {
            options: options.clone(),
            by_key,
            ord,
            features,
            shown_in,
            adj,
            postings,
            group_of: vec![NONE; n],
            members: Vec::new(),
            least: Vec::new(),
            free: Vec::new(),
            numbered: Vec::new(),
            canon: (0..snaps.len() as u32).collect(),
            chrono: Vec::new(),
            dirty: vec![false; n],
            dirty_list: Vec::new(),
            settled: Settled::default(),
            snaps,
        };
        for (v, &l) in least_of.iter().enumerate() {
            let g = if l == v {
                index.members.push(Vec::new());
                index.least.push(v as u32);
                (index.members.len() - 1) as u32
            } else {
                index.group_of[l]
            };
            index.group_of[v] = g;
            if let Some(m) = index.members.get_mut(g as usize) {
                m.push(v as u32);
            }
        }
        // Versions are numbered in key order, and so are groups by their least.
        index.numbered = (0..index.members.len() as u32).collect();
        (index, updates)
    }

    /// Whether this index still describes `timeline`, as its last layout
    /// left it: the same options and snapshots, each showing what it
    /// showed, and every entry with as many revisions as its group has
    /// versions and its indices in place pointing somewhere. Plain
    /// comparisons, no lookups.
    pub(crate) fn describes(&self, timeline: &Timeline) -> bool {
        let s = &self.settled;
        if self.options != timeline.options
            || self.chrono.len() != timeline.snapshots.len()
            || s.shown.len() != timeline.snapshots.len()
            || self.numbered.len() != timeline.entries.len()
            || s.order.len() != timeline.entries.len()
        {
            return false;
        }
        let snapshots = timeline.snapshots.len();
        let entries_ok = timeline.entries.iter().zip(&s.order).all(|(e, &g)| {
            let removed_at = match e.status {
                Status::Present => 0,
                Status::Removed { snapshot } => snapshot,
            };
            e.latest < e.revisions.len()
                && e.first_seen <= e.last_seen
                && e.last_seen < snapshots
                && removed_at < snapshots
                && s.revs.get(g as usize).map(Vec::len) == Some(e.revisions.len())
        });
        entries_ok
            && timeline
                .snapshots
                .iter()
                .zip(&self.chrono)
                .zip(&s.shown)
                .all(|((info, &sid), shown)| {
                    self.snaps.get(sid as usize).is_some_and(|snap| {
                        snap.label == info.label
                            && snap.captured == info.captured
                            && snap.has_more == info.has_more
                            && snap.truncated == info.truncated
                            && info.shown == *shown
                    })
                })
    }

    /// The version of each revision of the entries the last layout left,
    /// entry by entry.
    fn revisions(&self) -> Revisions {
        let s = &self.settled;
        let mut by_rank: HashMap<u32, &[u32]> = HashMap::default();
        for r in &s.retired {
            by_rank.insert(r.rank, &r.revs);
        }
        let mut vids = Vec::new();
        let mut start = vec![0];
        for (r, &g) in s.order.iter().enumerate() {
            let revs = match by_rank.get(&(r as u32)) {
                Some(revs) => revs,
                None => s.revs.get(g as usize).map_or(&[][..], Vec::as_slice),
            };
            vids.extend_from_slice(revs);
            start.push(vids.len());
        }
        Revisions { vids, start }
    }

    /// Fold one input in. Returns its new versions' updates, or `None` when
    /// the input was already merged (nothing changes).
    pub(crate) fn add(&mut self, input: Input<'_>) -> Option<Vec<(u32, Box<Update<'static>>)>> {
        let mut buf = String::new();
        let found: Vec<Option<u32>> = input
            .updates
            .iter()
            .map(|u| {
                write_version_key(u, &mut buf);
                self.by_key.get(buf.as_str()).copied()
            })
            .collect();
        if let Some(seq) = found.iter().copied().collect::<Option<Vec<u32>>>() {
            let probe = Probe {
                label: &input.label,
                captured: input.captured,
                has_more: input.has_more,
                truncated: input.truncated,
                seq: &seq,
            };
            if self.canon_search(&probe).is_ok() {
                return None;
            }
        }

        // New versions.
        let sid = self.snaps.len() as u32;
        let before = self.features.len() as u32;
        let mut seq = Vec::with_capacity(found.len());
        let mut fresh = Vec::new();
        for (found, update) in found.into_iter().zip(input.updates) {
            // A version new to the index may be shown twice in the input:
            // the key is looked up again.
            if found.is_none() {
                write_version_key(&update, &mut buf);
            }
            if let Some(v) = found.or_else(|| self.by_key.get(buf.as_str()).copied()) {
                seq.push(v);
                continue;
            }
            let v = self.features.len() as u32;
            self.insert_key(buf.clone(), v);
            self.features.push(Features::of(&update, &self.options));
            self.shown_in.push(Vec::new());
            self.adj.push(Vec::new());
            self.group_of.push(NONE);
            self.dirty.push(true);
            self.dirty_list.push(v);
            seq.push(v);
            fresh.push((v, Box::new(into_kept(update))));
        }
        for &v in &seq {
            let list = &mut self.shown_in[v as usize];
            if list.last() != Some(&sid) {
                list.push(sid);
            }
        }

        // Lookup keys: new candidates, and keys grown too common.
        let limit = self.options.max_key_versions.max(1);
        let mut crossed = Vec::new();
        for &(v, _) in &fresh {
            for &k in self.features[v as usize].keys() {
                let list = self.postings.entry(k).or_default();
                list.push(v);
                if limit.checked_add(1) == Some(list.len()) {
                    crossed.push(k);
                }
            }
        }
        let mut touched: Vec<u32> = seq.clone();
        for k in crossed {
            let old: Vec<u32> = self
                .postings
                .get(&k)
                .map(|l| {
                    l.as_slice()
                        .iter()
                        .copied()
                        .filter(|&v| v < before)
                        .collect()
                })
                .unwrap_or_default();
            for (i, &a) in old.iter().enumerate() {
                for &b in &old[i + 1..] {
                    let linked = self.adj[a as usize].iter().any(|&(u, _)| u == b);
                    if linked && !self.candidates(a, b, limit) {
                        self.adj[a as usize].retain(|&(u, _)| u != b);
                        self.adj[b as usize].retain(|&(u, _)| u != a);
                        touched.extend([a, b]);
                    }
                }
            }
        }
        for &(v, _) in &fresh {
            let mut others: Vec<u32> = Vec::new();
            for k in self.features[v as usize].keys() {
                if let Some(list) = self.postings.get(k).filter(|l| l.len() <= limit) {
                    others.extend(
                        list.as_slice()
                            .iter()
                            .copied()
                            .filter(|&u| u < before || u < v),
                    );
                }
            }
            others.sort_unstable();
            others.dedup();
            for u in others {
                let (fu, fv) = (&self.features[u as usize], &self.features[v as usize]);
                if let Some(score) = alike(fu, fv, &self.options) {
                    self.adj[u as usize].push((v, score));
                    self.adj[v as usize].push((u, score));
                }
            }
        }

        // The snapshot, in canonical order.
        let probe = Probe {
            label: &input.label,
            captured: input.captured,
            has_more: input.has_more,
            truncated: input.truncated,
            seq: &seq,
        };
        let at = match self.canon_search(&probe) {
            Ok(i) | Err(i) => i,
        };
        self.canon.insert(at, sid);
        self.snaps.push(Snap {
            label: input.label,
            captured: input.captured,
            has_more: input.has_more,
            truncated: input.truncated,
            seq,
        });
        self.regroup(touched);
        Some(fresh)
    }

    /// Whether `a` and `b` still share a lookup key few enough versions have.
    fn candidates(&self, a: u32, b: u32, limit: usize) -> bool {
        let (ka, kb) = (
            self.features[a as usize].keys(),
            self.features[b as usize].keys(),
        );
        // A version has a few dozen keys at most.
        ka.iter()
            .filter(|k| kb.contains(k))
            .any(|k| self.postings.get(k).is_some_and(|l| l.len() <= limit))
    }

    /// Record a new key, with an order label between its neighbours' (all
    /// labels are renumbered when there is no room).
    fn insert_key(&mut self, key: String, v: u32) {
        let below = self
            .by_key
            .range::<str, _>((Bound::Unbounded, Bound::Excluded(key.as_str())))
            .next_back()
            .map_or(0, |(_, &u)| self.ord[u as usize]);
        let above = self
            .by_key
            .range::<str, _>((Bound::Excluded(key.as_str()), Bound::Unbounded))
            .next()
            .map_or(u64::MAX, |(_, &u)| self.ord[u as usize]);
        self.by_key.insert(key, v);
        self.ord.push(below + (above - below) / 2);
        if above - below < 2 {
            let step = (u64::MAX / (self.by_key.len() as u64 + 1)).min(SPACING);
            for (i, &u) in self.by_key.values().enumerate() {
                self.ord[u as usize] = (i as u64 + 1) * step;
            }
            self.settled.relabelled = true;
        }
    }

    /// Where `probe` is, or would go, in the canonical order.
    fn canon_search(&self, probe: &Probe<'_>) -> Result<usize, usize> {
        self.canon.binary_search_by(|&s| {
            let snap = &self.snaps[s as usize];
            let mine = Probe {
                label: &snap.label,
                captured: snap.captured,
                has_more: snap.has_more,
                truncated: snap.truncated,
                seq: &snap.seq,
            };
            mine.cmp(probe, &self.ord)
        })
    }

    /// Regroup the connected components of the versions `touched`.
    fn regroup(&mut self, touched: Vec<u32>) {
        // The components, by breadth-first search.
        let mut comp: Vec<u32> = Vec::new();
        let mut in_comp: HashMap<u32, usize> = HashMap::default();
        for v in touched {
            if in_comp.contains_key(&v) {
                continue;
            }
            in_comp.insert(v, 0);
            comp.push(v);
            let mut next = comp.len() - 1;
            while next < comp.len() {
                let x = comp[next] as usize;
                next += 1;
                for &(u, _) in &self.adj[x] {
                    if let std::collections::hash_map::Entry::Vacant(e) = in_comp.entry(u) {
                        e.insert(0);
                        comp.push(u);
                    }
                }
            }
        }
        // Free their groups.
        for &v in &comp {
            if !self.dirty[v as usize] {
                self.dirty[v as usize] = true;
                self.dirty_list.push(v);
            }
            let g = self.group_of[v as usize];
            if g != NONE {
                if let Some(m) = self.members.get_mut(g as usize) {
                    if !m.is_empty() {
                        m.clear();
                        self.settled.retire(g);
                        self.free.push(g);
                        let at = self.ord[self.least[g as usize] as usize];
                        if let Ok(i) = self.numbered.binary_search_by_key(&at, |&h| {
                            self.ord[self.least[h as usize] as usize]
                        }) {
                            self.numbered.remove(i);
                        }
                    }
                }
            }
        }
        // Join them again, numbered in key order.
        comp.sort_unstable_by_key(|&v| self.ord[v as usize]);
        for (i, &v) in comp.iter().enumerate() {
            in_comp.insert(v, i);
        }
        let mut edges = Vec::new();
        for (a, &v) in comp.iter().enumerate() {
            for &(u, score) in &self.adj[v as usize] {
                if let Some(&b) = in_comp.get(&u) {
                    if b > a {
                        edges.push((score, a as u32, b as u32));
                    }
                }
            }
        }
        let shown: Vec<&[u32]> = comp
            .iter()
            .map(|&v| self.shown_in[v as usize].as_slice())
            .collect();
        let least_of = join(comp.len(), edges, &shown);
        for (i, &l) in least_of.iter().enumerate() {
            let v = comp[i];
            let g = if l == i {
                let g = match self.free.pop() {
                    Some(g) => g,
                    None => {
                        self.members.push(Vec::new());
                        self.least.push(NONE);
                        self.settled.grow(self.members.len());
                        (self.members.len() - 1) as u32
                    }
                };
                self.least[g as usize] = v;
                let at = self.ord[v as usize];
                let i = self
                    .numbered
                    .partition_point(|&h| self.ord[self.least[h as usize] as usize] < at);
                self.numbered.insert(i, g);
                g
            } else {
                self.group_of[comp[l] as usize]
            };
            self.group_of[v as usize] = g;
            self.members[g as usize].push(v);
        }
    }

    /// The timeline of everything added: `updates` holds the update of
    /// every version that no entry of `prior` (the timeline absorbing, its
    /// entries and snapshots, as the last layout left them) holds.
    pub(crate) fn timeline(
        mut self: Box<Self>,
        mut updates: Updates,
        prior: Option<(Vec<Entry>, Vec<SnapshotInfo>)>,
    ) -> Timeline {
        let prior = match prior {
            Some((mut entries, mut snapshots)) => {
                if let Some(mut timeline) = self.splice(&mut entries, &mut snapshots, &mut updates)
                {
                    self.clean();
                    timeline.index = super::timeline::Cache(Some(self));
                    return timeline;
                }
                Some((entries, snapshots, self.revisions()))
            }
            None => None,
        };
        // Entries numbered by their version first in key order.
        let groups = &self.numbered;
        let mut number = vec![0; self.members.len()];
        for (e, &g) in groups.iter().enumerate() {
            number[g as usize] = e;
        }
        let entry_of: Vec<usize> = self
            .group_of
            .iter()
            .map(|&g| number.get(g as usize).copied().unwrap_or(0))
            .collect();
        let dirty = self.dirty.clone();
        self.clean();
        let prior = prior.map(|(entries, snapshots, vids)| {
            let mut old_of_sid = vec![usize::MAX; self.snaps.len()];
            for (p, &sid) in self.chrono.iter().enumerate() {
                old_of_sid[sid as usize] = p;
            }
            Prior {
                entries,
                snapshots,
                vids,
                old_pos: self.canon.iter().map(|&s| old_of_sid[s as usize]).collect(),
                dirty,
            }
        });
        let snaps: Vec<&Snap> = self
            .canon
            .iter()
            .map(|&s| &self.snaps[s as usize])
            .collect();
        let plan = Plan {
            snaps,
            entry_of,
            entries: self.numbered.len(),
        };
        let (mut timeline, extras) = layout(&plan, updates, prior, &self.options);
        self.chrono = extras.chrono.iter().map(|&s| self.canon[s]).collect();
        let least_ord = |g: u32| {
            self.least
                .get(g as usize)
                .and_then(|&v| self.ord.get(v as usize))
                .copied()
                .unwrap_or(u64::MAX)
        };
        let groups = Groups {
            numbered: &self.numbered,
            group_of: &self.group_of,
            members: &self.members,
            least_ord: &least_ord,
            canon: &self.canon,
        };
        let shown = timeline.snapshots.iter().map(|s| s.shown.clone()).collect();
        self.settled = Settled::from_layout(&extras, &groups, shown, timeline.gaps.clone());
        timeline.index = super::timeline::Cache(Some(self));
        timeline
    }

    /// Nothing has changed since the layout just made.
    fn clean(&mut self) {
        for v in self.dirty_list.drain(..) {
            if let Some(d) = self.dirty.get_mut(v as usize) {
                *d = false;
            }
        }
        self.settled.retired.clear();
        self.settled.touched.clear();
    }
}

/// A snapshot as the canonical order compares it.
struct Probe<'p> {
    label: &'p str,
    captured: Option<i64>,
    has_more: bool,
    truncated: bool,
    seq: &'p [u32],
}

impl<'p> Probe<'p> {
    fn of(input: &'p Input<'_>, seq: &'p [u32]) -> Probe<'p> {
        Probe {
            label: &input.label,
            captured: input.captured,
            has_more: input.has_more,
            truncated: input.truncated,
            seq,
        }
    }

    /// The canonical order: label, capture time, flags, then the versions
    /// shown, compared by key.
    fn cmp(&self, other: &Probe<'_>, ord: &[u64]) -> Ordering {
        (self.label, self.captured, self.has_more, self.truncated)
            .cmp(&(other.label, other.captured, other.has_more, other.truncated))
            .then_with(|| {
                let a = self.seq.iter().map(|&v| ord[v as usize]);
                let b = other.seq.iter().map(|&v| ord[v as usize]);
                a.cmp(b)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::Posting;

    #[test]
    fn a_posting_keeps_its_versions_in_order_inline_then_spilled() {
        let mut p = Posting::default();
        assert!(p.as_slice().is_empty());
        for v in [7, 3, 9, 1, 4] {
            p.push(v);
        }
        assert_eq!(p.len(), 5);
        assert_eq!(p.as_slice(), [7, 3, 9, 1, 4]);
        let mut q = Posting::default();
        for v in [5, 6, 2] {
            q.push(v);
        }
        assert_eq!(q.as_slice(), [5, 6, 2]);
        assert!(q.spilled.is_none());
        assert_eq!(std::mem::size_of::<Posting>(), 24);
    }
}
