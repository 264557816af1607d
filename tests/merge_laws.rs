//! The laws of the merge, as property tests over snapshot sets sliced from a
//! synthetic live page that is edited between captures: updates added at
//! the top, typos fixed, paragraphs added, headlines reworded, bylines
//! changed, updates removed and moved, ad slots shifted; windows at the top
//! or further down (page 2), with or without capture times.

use liveupdates::merge::{merge, Snapshot, Timeline};
use liveupdates::{
    AdPosition, AdSlot, Block, Byline, BylineKind, BylineMarker, Headline, Paragraph, Span, Update,
};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// A small fixed generator, so a case is a function of its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn word(&mut self) -> String {
        const SYL: [&str; 16] = [
            "ka", "lo", "mer", "tu", "vi", "san", "dre", "po", "li", "gan", "ost", "ber", "ni",
            "cha", "rum", "fel",
        ];
        (0..3).map(|_| SYL[self.below(16)]).collect()
    }
    fn words(&mut self, n: usize) -> Vec<String> {
        (0..n).map(|_| self.word()).collect()
    }
}

/// One logical update of the live page and the edits it may still take.
#[derive(Debug, Clone)]
struct Live {
    id: usize,
    byline: Option<String>,
    headline: Vec<String>,
    paragraphs: Vec<Vec<String>>,
    rewords_left: u8,
    typos_left: u8,
    additions_left: u8,
}

impl Live {
    fn new(id: usize, rng: &mut Rng) -> Live {
        let headline = rng.words(6);
        // The lede opens with the headline's subject, as ledes do.
        let mut first = headline[..3].to_vec();
        first.extend(rng.words(21));
        // Born with a typo that may be fixed later: two words run together.
        let joined = format!("{}{}", first[3], first[4]);
        first.splice(3..5, [joined]);
        Live {
            id,
            byline: None,
            headline,
            paragraphs: vec![first],
            rewords_left: 1,
            typos_left: 1,
            additions_left: 2,
        }
    }

    fn edit(&mut self, rng: &mut Rng) {
        match rng.below(4) {
            0 if self.rewords_left > 0 => {
                // Reworded around the same subject.
                self.rewords_left -= 1;
                self.headline.splice(3.., rng.words(3));
            }
            1 if self.typos_left > 0 => {
                self.typos_left -= 1;
                // Fix the run-together words: "onNorth" → "on North".
                let fixed = rng.words(2);
                self.paragraphs[0].splice(3..4, fixed);
            }
            2 if self.additions_left > 0 => {
                self.additions_left -= 1;
                self.paragraphs.push(rng.words(12));
            }
            _ => self.byline = Some(format!("{} {}", rng.word(), rng.word())),
        }
    }

    fn update(&self) -> Update<'static> {
        let headline = capitalised(&self.headline.join(" "));
        Update {
            span: Span::default(),
            byline: self.byline.as_ref().map(|b| Byline {
                span: Span::default(),
                marker: BylineMarker::Numbered,
                text: b.clone().into(),
                kind: BylineKind::Section(b.clone().into()),
                remnant: None,
            }),
            headline: Headline {
                span: Span::default(),
                text: headline.clone().into(),
                label: None,
                title: headline.into(),
                remnant: None,
            },
            blocks: self
                .paragraphs
                .iter()
                .map(|p| {
                    Block::Paragraph(Paragraph {
                        span: Span::default(),
                        text: format!("{}.", capitalised(&p.join(" "))).into(),
                    })
                })
                .collect(),
        }
    }
}

/// The text with its first letter in upper case.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A generated case: the snapshots, and for each the logical ids it shows.
#[derive(Debug, Clone)]
struct Case {
    snapshots: Vec<Snapshot<'static>>,
    ids: BTreeMap<String, Vec<usize>>,
}

fn generate(seed: u64, captures: usize, timed: bool) -> Case {
    let mut rng = Rng(seed);
    let mut live: Vec<Live> = Vec::new(); // newest first
    let mut next_id = 0;
    let mut snapshots = Vec::new();
    let mut ids = BTreeMap::new();
    for k in 0..captures {
        for _ in 0..rng.below(4) + usize::from(k == 0) * 3 {
            live.insert(0, Live::new(next_id, &mut rng));
            next_id += 1;
        }
        if !live.is_empty() {
            for _ in 0..rng.below(3) {
                let i = rng.below(live.len());
                live[i].edit(&mut rng);
            }
            if rng.chance(20) {
                let i = rng.below(live.len());
                live.remove(i);
            }
        }
        if live.len() > 1 && rng.chance(20) {
            let i = rng.below(live.len() - 1);
            live.swap(i, i + 1);
        }
        let size = 3 + rng.below(5);
        let offset = if rng.chance(15) { size } else { 0 };
        let shown: Vec<&Live> = live.iter().skip(offset).take(size).collect();
        let has_more = offset + shown.len() < live.len();
        let updates: Vec<Update<'static>> = shown.iter().map(|l| l.update()).collect();
        let ads = (0..rng.below(3))
            .map(|_| AdSlot {
                span: Span::default(),
                position: AdPosition::AfterUpdate {
                    after: rng.below(updates.len().max(1)),
                },
                remnant: None,
            })
            .collect();
        let mut page = liveupdates::parse("").into_owned();
        page.updates = updates;
        page.ads = ads;
        page.has_more = has_more;
        let label = format!("capture-{k:02}");
        ids.insert(label.clone(), shown.iter().map(|l| l.id).collect());
        let snapshot = Snapshot::new(label, page);
        snapshots.push(if timed {
            snapshot.captured_at(1_000 + 60 * k as i64)
        } else {
            snapshot
        });
    }
    Case { snapshots, ids }
}

fn case() -> impl Strategy<Value = Case> {
    (any::<u64>(), 1usize..8, any::<bool>()).prop_map(|(s, n, t)| generate(s, n, t))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Every update of every snapshot maps to exactly one entry and one of
    /// its revisions, which holds that very version.
    #[test]
    fn lossless(case in case()) {
        let t = merge(case.snapshots.clone());
        prop_assert_eq!(t.snapshots.len(), case.snapshots.len());
        for s in &case.snapshots {
            let info = t.snapshots.iter().find(|i| i.label == s.label);
            let info = match info { Some(i) => i, None => return Err(TestCaseError::fail("missing snapshot")) };
            prop_assert_eq!(info.shown.len(), s.page.updates.len());
            for (shown, u) in info.shown.iter().zip(&s.page.updates) {
                let revision = &t.entries[shown.entry].revisions[shown.revision];
                prop_assert_eq!(&revision.update, u);
            }
        }
        let total: usize = t.entries.iter().flat_map(|e| &e.revisions).map(|r| r.snapshots.len()).sum();
        let shown: usize = case.snapshots.iter().map(|s| s.page.updates.len()).sum();
        prop_assert_eq!(total, shown);
    }

    /// Absorbing a snapshot already merged changes nothing.
    #[test]
    fn idempotent(case in case(), pick in any::<prop::sample::Index>()) {
        let t = merge(case.snapshots.clone());
        let mut again = t.clone();
        again.absorb(case.snapshots[pick.index(case.snapshots.len())].clone());
        prop_assert_eq!(&again, &t);
        let doubled = merge(case.snapshots.iter().chain(&case.snapshots).cloned());
        prop_assert_eq!(doubled, t);
    }

    /// Any permutation of the inputs gives the same timeline.
    #[test]
    fn order_independent(
        (case, shuffled) in case().prop_flat_map(|c| {
            let s = Just(c.snapshots.clone()).prop_shuffle();
            (Just(c), s)
        })
    ) {
        prop_assert_eq!(merge(shuffled), merge(case.snapshots));
    }

    /// Absorbing in any grouping equals merging at once.
    #[test]
    fn incremental_equals_batch(case in case(), cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..4)) {
        let batch = merge(case.snapshots.clone());
        let mut one_by_one = Timeline::default();
        for s in case.snapshots.iter().rev() {
            one_by_one.absorb(s.clone());
        }
        prop_assert_eq!(&one_by_one, &batch);
        let mut at: Vec<usize> = cuts.iter().map(|c| c.index(case.snapshots.len() + 1)).collect();
        at.push(0);
        at.push(case.snapshots.len());
        at.sort_unstable();
        let mut grouped = Timeline::default();
        for w in at.windows(2) {
            grouped.absorb_all(case.snapshots[w[0]..w[1]].iter().cloned());
        }
        prop_assert_eq!(&grouped, &batch);
    }

    /// Absorbing captures in the order they were taken (where absorb
    /// splices each one into the layout it settled) equals merging them,
    /// after every capture.
    #[test]
    fn absorbing_in_capture_order_equals_batch_at_every_step(
        seed in any::<u64>(),
        n in 1usize..40,
        timed in any::<bool>(),
    ) {
        let case = generate(seed, n, timed);
        let mut t = Timeline::default();
        for k in 0..case.snapshots.len() {
            t.absorb(case.snapshots[k].clone());
            prop_assert_eq!(&t, &merge(case.snapshots[..=k].iter().cloned()));
        }
    }

    /// The same inputs give the same timeline, text and JSON, every time.
    #[test]
    fn deterministic(case in case()) {
        let a = merge(case.snapshots.clone());
        let b = merge(case.snapshots.clone());
        prop_assert_eq!(a.to_string(), b.to_string());
        prop_assert_eq!(serde_json::to_string(&a).ok(), serde_json::to_string(&b).ok());
        prop_assert_eq!(a, b);
    }

    /// Editing or moving an update never yields two entries, and two updates
    /// never share one.
    #[test]
    fn stable_identity(case in case()) {
        let t = merge(case.snapshots.clone());
        let mut entries_of: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
        let mut ids_of: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
        for info in &t.snapshots {
            for (shown, id) in info.shown.iter().zip(&case.ids[&info.label]) {
                entries_of.entry(*id).or_default().insert(shown.entry);
                ids_of.entry(shown.entry).or_default().insert(*id);
            }
        }
        for (id, entries) in &entries_of {
            prop_assert_eq!(entries.len(), 1, "update {} became entries {:?}", id, entries);
        }
        for (entry, ids) in &ids_of {
            prop_assert_eq!(ids.len(), 1, "entry {} holds updates {:?}", entry, ids);
        }
        prop_assert_eq!(t.entries.len(), entries_of.len());
    }
}

/// The update with its spans cleared, for comparing a parse with the model.
fn unspanned(update: &Update<'_>) -> Update<'static> {
    let mut u = update.clone().into_owned();
    u.clear_spans();
    u
}

/// The case with every byline dropped.
fn without_bylines(mut case: Case) -> Case {
    for s in &mut case.snapshots {
        for u in &mut s.page.updates {
            u.byline = None;
        }
    }
    case
}

/// The timeline's text parses back to the same updates, and to a page with
/// more below exactly when the history is not known complete.
fn check_display(case: Case) -> Result<(), TestCaseError> {
    let t = merge(case.snapshots);
    let text = t.to_string();
    let page = liveupdates::parse(&text);
    prop_assert_eq!(page.updates.len(), t.entries.len(), "{}", text);
    for (u, e) in page.updates.iter().zip(&t.entries) {
        prop_assert_eq!(&unspanned(u), e.update());
    }
    prop_assert_eq!(page.has_more, !t.is_complete());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// Rendering parses back, on pages without bylines.
    #[test]
    fn display_parses_back(case in case()) {
        check_display(without_bylines(case))?;
    }

    /// Rendering parses back when some updates carry bylines and others do
    /// not (a byline added between captures).
    #[test]
    fn display_parses_back_with_mixed_bylines(case in case()) {
        check_display(case)?;
    }
}
