//! Order: updates newest first from every snapshot's order, the chronology
//! of the snapshots, window-aware removal, and gaps.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// A forced placement: `placed` went before `pred` although snapshot
/// `snapshot` lists `pred` above it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Forced {
    pub(crate) placed: usize,
    pub(crate) pred: usize,
    pub(crate) snapshot: usize,
}

/// The edges "`a` stands right above `b` in snapshot `s`", deduplicated,
/// keeping the smallest snapshot for each pair, sorted by `(a, b)`. Entries
/// are numbered below `n`.
pub(crate) fn adjacent_pairs<S: AsRef<[usize]>>(
    n: usize,
    sequences: &[S],
) -> Vec<(usize, usize, usize)> {
    // Bucket by `a` (a counting sort), then sort each small bucket.
    let mut start = vec![0usize; n + 1];
    for seq in sequences {
        for w in seq.as_ref().windows(2) {
            start[w[0] + 1] += 1;
        }
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let mut fill = start.clone();
    let mut bucket = vec![(0usize, 0usize); start[n]];
    for (s, seq) in sequences.iter().enumerate() {
        for w in seq.as_ref().windows(2) {
            bucket[fill[w[0]]] = (w[1], s);
            fill[w[0]] += 1;
        }
    }
    let mut edges: Vec<(usize, usize, usize)> = Vec::with_capacity(bucket.len());
    for a in 0..n {
        let run = &mut bucket[start[a]..start[a + 1]];
        run.sort_unstable();
        let mut last = None;
        for &(b, s) in run.iter() {
            if last != Some(b) {
                edges.push((a, b, s));
                last = Some(b);
            }
        }
    }
    edges
}

/// Order `n` entries so that every snapshot's order holds, newest first.
///
/// A topological sort of the "stands above" edges. Among the entries free to
/// go next, a successor of the entry just placed goes first (runs stay
/// together), then the smallest `priority`. Where the snapshots contradict
/// each other (a cycle), the smallest remaining entry is placed anyway and
/// the broken edge is reported.
pub(crate) fn topo_order<K: Ord + Copy>(
    n: usize,
    edges: &[(usize, usize, usize)],
    priority: &[K],
) -> (Vec<usize>, Vec<Forced>) {
    let key = |e: usize| (priority[e], e);
    // Successors and predecessors in compressed lists.
    let mut succ_start = vec![0usize; n + 1];
    let mut pred_start = vec![0usize; n + 1];
    for &(a, b, _) in edges {
        succ_start[a + 1] += 1;
        pred_start[b + 1] += 1;
    }
    for i in 0..n {
        succ_start[i + 1] += succ_start[i];
        pred_start[i + 1] += pred_start[i];
    }
    let mut succ = vec![0usize; edges.len()];
    let mut pred = vec![(0usize, 0usize); edges.len()];
    let mut sfill = succ_start.clone();
    let mut pfill = pred_start.clone();
    let mut indegree = vec![0usize; n];
    for &(a, b, s) in edges {
        succ[sfill[a]] = b;
        sfill[a] += 1;
        pred[pfill[b]] = (a, s);
        pfill[b] += 1;
        indegree[b] += 1;
    }

    let mut placed = vec![false; n];
    // Free entries, smallest key first. An entry is freed once, and leaves
    // only by being placed from here.
    let mut free: BinaryHeap<Reverse<(K, usize)>> = (0..n)
        .filter(|&e| indegree[e] == 0)
        .map(|e| Reverse(key(e)))
        .collect();
    // Every entry by key, sorted only when a cycle needs it.
    let mut remaining: Vec<(K, usize)> = Vec::new();
    let mut first_remaining = 0;
    let mut order = Vec::with_capacity(n);
    let mut forced = Vec::new();
    let mut hot: Vec<usize> = Vec::new();
    let mut next_hot: Option<usize> = None;
    while order.len() < n {
        let next = if let Some(e) = next_hot.take() {
            e
        } else if let Some(Reverse((_, e))) = free.pop() {
            e
        } else {
            // A cycle: every remaining entry waits for another one.
            if remaining.is_empty() {
                remaining = (0..n).map(key).collect();
                remaining.sort_unstable();
            }
            while first_remaining < remaining.len() && placed[remaining[first_remaining].1] {
                first_remaining += 1;
            }
            let Some(&(_, e)) = remaining.get(first_remaining) else {
                break;
            };
            if let Some(&(p, s)) = pred[pred_start[e]..pred_start[e + 1]]
                .iter()
                .filter(|(p, _)| !placed[*p])
                .min()
            {
                forced.push(Forced {
                    placed: e,
                    pred: p,
                    snapshot: s,
                });
            }
            e
        };
        placed[next] = true;
        order.push(next);
        hot.clear();
        for &b in &succ[succ_start[next]..succ_start[next + 1]] {
            if placed[b] {
                continue;
            }
            indegree[b] = indegree[b].saturating_sub(1);
            if indegree[b] == 0 {
                hot.push(b);
            }
        }
        // A successor of the entry just placed goes next: the smallest one
        // freed now; the others wait with the free ones.
        next_hot = hot.iter().copied().min_by_key(|&e| key(e));
        for &b in &hot {
            if Some(b) != next_hot {
                free.push(Reverse(key(b)));
            }
        }
    }
    (order, forced)
}

/// What the chronology needs to know of one snapshot.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Window {
    /// The capture time, if given.
    pub(crate) captured: Option<i64>,
    /// The rank of the newest and of the oldest entry it shows.
    pub(crate) top: Option<usize>,
    /// See `top`.
    pub(crate) bottom: Option<usize>,
}

/// The settled chronology: snapshots oldest first, and for each position a
/// class; snapshots of one class are simultaneous (same capture time, or,
/// without capture times, windows that the overlap cannot order).
pub(crate) fn chronology(windows: &[Window], all_timed: bool) -> (Vec<usize>, Vec<usize>) {
    let mut by_time: Vec<usize> = (0..windows.len()).collect();
    type Key = (Option<i64>, Reverse<usize>, Reverse<usize>, Option<i64>);
    let class_key = |s: usize| -> Key {
        let w = windows[s];
        if all_timed {
            (w.captured, Reverse(0), Reverse(0), None)
        } else {
            // Later snapshots add at the top: a newer top is a later capture.
            let top = w.top.unwrap_or(usize::MAX);
            let bottom = w.bottom.unwrap_or(usize::MAX);
            (None, Reverse(top), Reverse(bottom), w.captured)
        }
    };
    by_time.sort_by_key(|&s| (class_key(s), s));
    let mut classes = Vec::with_capacity(by_time.len());
    let mut class = 0;
    for (i, &s) in by_time.iter().enumerate() {
        if i > 0 && class_key(by_time[i - 1]) != class_key(s) {
            class += 1;
        }
        classes.push(class);
    }
    (by_time, classes)
}

/// A segment tree over ranks answering "the smallest value assigned to an
/// interval containing this rank".
struct MinTree {
    size: usize,
    tags: Vec<usize>,
}

impl MinTree {
    fn new(n: usize) -> Self {
        let size = n.max(1).next_power_of_two();
        MinTree {
            size,
            tags: vec![usize::MAX; 2 * size],
        }
    }

    /// Lower every rank in `lo..=hi` to at most `value`.
    fn lower(&mut self, lo: usize, hi: usize, value: usize) {
        let (mut l, mut r) = (lo + self.size, hi + self.size + 1);
        while l < r {
            if l & 1 == 1 {
                self.tags[l] = self.tags[l].min(value);
                l += 1;
            }
            if r & 1 == 1 {
                r -= 1;
                self.tags[r] = self.tags[r].min(value);
            }
            l /= 2;
            r /= 2;
        }
    }

    fn get(&self, rank: usize) -> usize {
        let mut i = rank + self.size;
        let mut best = usize::MAX;
        while i > 0 {
            best = best.min(self.tags[i]);
            i /= 2;
        }
        best
    }
}

/// One snapshot as the removal pass sees it, by chronological position.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Coverage {
    /// Its class (see [`chronology`]).
    pub(crate) class: usize,
    /// Ranks of the newest and oldest entry it shows.
    pub(crate) top: Option<usize>,
    /// See `top`.
    pub(crate) bottom: Option<usize>,
    /// Whether its window reaches the end of the history.
    pub(crate) complete: bool,
}

/// For each entry (by rank), the chronological position of the first
/// snapshot of a later class than the last one that showed it whose window
/// covers its place: it shows entries newer and older than it, or newer ones
/// and reaches the end of the history.
pub(crate) fn removals(coverage: &[Coverage], last_seen: &[usize]) -> Vec<Option<usize>> {
    let n = last_seen.len();
    let mut tree = MinTree::new(n);
    let mut out = vec![None; n];
    // Entries by the class of their last sighting, latest first.
    let mut queries: Vec<(usize, usize)> = last_seen
        .iter()
        .enumerate()
        .filter_map(|(rank, &pos)| coverage.get(pos).map(|c| (c.class, rank)))
        .collect();
    queries.sort_unstable_by(|a, b| b.cmp(a));
    let mut pos = coverage.len();
    let mut q = 0;
    while q < queries.len() {
        let class = queries[q].0;
        // Insert every snapshot of a later class.
        while pos > 0 && coverage[pos - 1].class > class {
            pos -= 1;
            let c = coverage[pos];
            if let (Some(top), Some(bottom)) = (c.top, c.bottom) {
                let hi = if c.complete {
                    n.saturating_sub(1)
                } else {
                    bottom.saturating_sub(1)
                };
                if top < hi {
                    tree.lower(top + 1, hi, pos);
                }
            }
        }
        while q < queries.len() && queries[q].0 == class {
            let rank = queries[q].1;
            let found = tree.get(rank);
            out[rank] = (found != usize::MAX).then_some(found);
            q += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_stay_together() {
        // Two disjoint runs: 0 1 2 and 3 4.
        let edges = adjacent_pairs(5, &[vec![0, 1, 2], vec![3, 4]]);
        let (order, forced) = topo_order(5, &edges, &[0, 0, 0, 0, 0]);
        assert_eq!(order, [0, 1, 2, 3, 4]);
        assert!(forced.is_empty());
    }

    #[test]
    fn interleaves_overlapping_windows() {
        let edges = adjacent_pairs(5, &[vec![2, 3, 4], vec![0, 1, 2]]);
        let (order, _) = topo_order(5, &edges, &[4, 3, 2, 1, 0]);
        assert_eq!(order, [0, 1, 2, 3, 4]);
    }

    #[test]
    fn contradiction_is_reported() {
        let edges = adjacent_pairs(2, &[vec![0, 1], vec![1, 0]]);
        let (order, forced) = topo_order(2, &edges, &[0, 0]);
        assert_eq!(order, [0, 1]);
        assert_eq!(
            forced,
            [Forced {
                placed: 0,
                pred: 1,
                snapshot: 1
            }]
        );
    }

    #[test]
    fn removal_inside_window_only() {
        // Entries 0..5; snapshot 0 (class 0) shows all, snapshot 1 (class 1)
        // shows 0, 1, 3 and has more below.
        let coverage = [
            Coverage {
                class: 0,
                top: Some(0),
                bottom: Some(4),
                complete: false,
            },
            Coverage {
                class: 1,
                top: Some(0),
                bottom: Some(3),
                complete: false,
            },
        ];
        let removed = removals(&coverage, &[1, 1, 0, 1, 0]);
        assert_eq!(removed, [None, None, Some(1), None, None]);
    }
}
