//! Merge benches: a synthetic live page of 5,000 updates captured as 10, 100
//! and 1,000 overlapping windows, with edits (typo fixes, added paragraphs,
//! reworded headlines), removals and moved ad slots between captures.
//!
//! Timed per snapshot count, with `Throughput::Elements` = updates shown in
//! all captures, so criterion reports time per update:
//! - `parse`: parsing every capture (the reference: merging should cost no
//!   more than this);
//! - `merge`: merging all parsed captures at once;
//! - `absorb`: folding the last capture into a timeline of the others (one
//!   incremental step; the timeline is cloned for each run, and a clone's
//!   tables have no room to spare, so the step includes growing them once);
//! - `absorb_each`: building the timeline by absorbing every capture one by
//!   one, in capture order, from an empty timeline. Per update it should
//!   stay near `merge` as the number of captures grows: absorbing costs
//!   about the size of the capture, not of the timeline's history.
//!
//! ```text
//! cargo bench --bench merge
//! cargo bench --bench merge -- absorb_each       # one kind of run (the group sets its own sample size and times)
//! ```

// `criterion_group!` defines an undocumented public function.
#![allow(missing_docs)]

use criterion::{
    black_box, criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, SamplingMode,
    Throughput,
};
use liveupdates::merge::{merge, Snapshot, Timeline};
use std::time::Duration;

/// The same allocator as the parse benches (see there why).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A small fixed generator, so the page is the same every run.
pub struct Rng(pub u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn word(&mut self) -> String {
        const SYL: [&str; 16] = [
            "ka", "lo", "mer", "tu", "vi", "san", "dre", "po", "li", "gan", "ost", "ber", "ni",
            "cha", "rum", "fel",
        ];
        (0..3).map(|_| SYL[self.below(16)]).collect()
    }
}

fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// One update of the live page, with the edits it takes over time.
pub struct Live {
    headline: Vec<String>,
    reworded: Vec<String>,
    paragraphs: Vec<String>,
    added: String,
    /// Published at this step (updates are published one per step).
    /// Edited (typo fixed, paragraph added, headline reworded) from this
    /// capture on.
    edited_from: usize,
    /// Removed from this capture on, if ever.
    removed_from: Option<usize>,
}

const UPDATES: usize = 5_000;

pub fn live_page(captures: usize, rng: &mut Rng) -> Vec<Live> {
    (0..UPDATES)
        .map(|_| {
            let headline: Vec<String> = (0..5).map(|_| rng.word()).collect();
            let mut reworded = headline.clone();
            reworded[4] = rng.word();
            let lede: Vec<String> = headline.iter().take(3).cloned().collect();
            let p1 = format!(
                "The {} {} {} were seen near {} on Monday, the council said.",
                lede[0],
                lede[1],
                lede[2],
                capitalised(&rng.word())
            );
            let p2 = format!(
                "Crews from {} and {} are expected to stay overnight.",
                capitalised(&rng.word()),
                capitalised(&rng.word())
            );
            let added = format!("More {} {} will follow tomorrow.", rng.word(), rng.word());
            Live {
                headline,
                reworded,
                paragraphs: vec![p1, p2],
                added,
                edited_from: rng.below(captures + 1),
                removed_from: (rng.below(50) == 0).then(|| rng.below(captures + 1)),
            }
        })
        .collect()
}

/// The text of capture `c` of `n`: the newest window of the updates
/// published so far, newest first, with an ad slot whose place moves.
pub fn capture(page: &[Live], c: usize, n: usize) -> String {
    let published = ((c + 1) * UPDATES).div_ceil(n);
    let step = UPDATES.div_ceil(n);
    let window = (2 * step).max(20);
    let mut text = String::from("Live updates\n\n");
    let visible: Vec<&Live> = page[..published]
        .iter()
        .rev()
        .filter(|u| u.removed_from.is_none_or(|r| c < r))
        .take(window)
        .collect();
    let ad_at = (c * 7) % visible.len().max(1);
    for (i, u) in visible.iter().enumerate() {
        let edited = c >= u.edited_from;
        let headline = if edited { &u.reworded } else { &u.headline };
        let mut words = headline.clone();
        words[0] = capitalised(&words[0]);
        text.push_str(&words.join(" "));
        text.push_str("\n\n");
        for (k, p) in u.paragraphs.iter().enumerate() {
            if k == 1 && !edited {
                // The typo, fixed in later captures.
                text.push_str(&p.replacen("expected", "expcted", 1));
            } else {
                text.push_str(p);
            }
            text.push_str("\n\n");
        }
        if edited {
            text.push_str(&u.added);
            text.push_str("\n\n");
        }
        if i == ad_at {
            text.push_str("Advertisement\n\n");
        }
    }
    text.push_str("Load more updates\n");
    text
}

fn merge_series(c: &mut Criterion) {
    let mut g = c.benchmark_group("merge");
    g.sample_size(10);
    g.sampling_mode(SamplingMode::Flat);
    g.warm_up_time(Duration::from_millis(300));
    g.measurement_time(Duration::from_secs(3));
    for n in [10, 100, 1_000] {
        let mut rng = Rng(n as u64);
        let page = live_page(n, &mut rng);
        let texts: Vec<String> = (0..n).map(|c| capture(&page, c, n)).collect();
        let pages: Vec<_> = texts.iter().map(|t| liveupdates::parse(t)).collect();
        let shown: usize = pages.iter().map(|p| p.updates.len()).sum();
        let timeline = merge(
            pages
                .iter()
                .enumerate()
                .map(|(i, p)| Snapshot::new(format!("capture-{i:04}"), p.clone())),
        );
        eprintln!(
            "merge bench: {n} captures show {shown} updates; the timeline has {} entries of {UPDATES}",
            timeline.entries.len()
        );
        let snapshots: Vec<Snapshot<'_>> = pages
            .iter()
            .enumerate()
            .map(|(i, p)| Snapshot::new(format!("capture-{i:04}"), p.clone()))
            .collect();
        let mut one_by_one = Timeline::default();
        for s in &snapshots {
            one_by_one.absorb(s.clone());
        }
        assert!(
            one_by_one == timeline,
            "absorbing one by one differs from merge"
        );
        g.throughput(Throughput::Elements(shown as u64));
        g.bench_with_input(BenchmarkId::new("parse", n), &texts, |b, texts| {
            b.iter(|| {
                texts
                    .iter()
                    .map(|t| liveupdates::parse(black_box(t)).updates.len())
                    .sum::<usize>()
            })
        });
        g.bench_with_input(BenchmarkId::new("merge", n), &snapshots, |b, s| {
            b.iter_batched(|| s.clone(), merge, BatchSize::LargeInput)
        });
        let last = snapshots[n - 1].clone();
        let base = merge(snapshots[..n - 1].iter().cloned());
        g.bench_with_input(BenchmarkId::new("absorb", n), &last, |b, last| {
            b.iter_batched(
                || (base.clone(), last.clone()),
                |(mut t, s)| {
                    t.absorb(s);
                    t
                },
                BatchSize::LargeInput,
            )
        });
        g.bench_with_input(BenchmarkId::new("absorb_each", n), &snapshots, |b, s| {
            b.iter_batched(
                || s.clone(),
                |s| {
                    let mut t = Timeline::default();
                    for snapshot in s {
                        t.absorb(snapshot);
                    }
                    t
                },
                BatchSize::LargeInput,
            )
        });
    }
    g.finish();
}

criterion_group!(benches, merge_series);
criterion_main!(benches);
