//! The merge on hand-made snapshots and on the seeds.

use liveupdates::merge::{merge, Chronology, Conflict, Gap, GapKind, Snapshot, Status, Timeline};
use liveupdates::{
    Block, Byline, BylineKind, BylineMarker, Caption, Credit, CreditKind, Headline, Page,
    Paragraph, Person, Span, Update,
};

const SEED_000: &str = include_str!("../seeds/000_fc07ed4dcfef15de.txt");
const SEED_001: &str = include_str!("../seeds/001_5e9e988d76bce3bb.txt");

fn para(text: &str) -> Block<'static> {
    Block::Paragraph(Paragraph {
        span: Span::default(),
        text: text.to_owned().into(),
    })
}

fn update(headline: &str, paragraphs: &[&str]) -> Update<'static> {
    Update {
        span: Span::default(),
        byline: None,
        headline: Headline {
            span: Span::default(),
            text: headline.to_owned().into(),
            label: None,
            title: headline.to_owned().into(),
            remnant: None,
        },
        blocks: paragraphs.iter().map(|p| para(p)).collect(),
    }
}

fn with_byline(mut u: Update<'static>, name: &str) -> Update<'static> {
    u.byline = Some(Byline {
        span: Span::default(),
        marker: BylineMarker::Numbered,
        text: name.to_owned().into(),
        kind: BylineKind::Person(Person {
            name: name.to_owned().into(),
            outlet: None,
            role: None,
            handle: None,
        }),
        remnant: None,
    });
    u
}

fn page(updates: Vec<Update<'static>>, has_more: bool) -> Page<'static> {
    let mut page = liveupdates::parse("").into_owned();
    page.updates = updates;
    page.has_more = has_more;
    page
}

/// A made-up word: syllables picked by a small fixed generator.
fn word(seed: u64) -> String {
    const SYL: [&str; 16] = [
        "ka", "lo", "mer", "tu", "vi", "san", "dre", "po", "li", "gan", "ost", "ber", "ni", "cha",
        "rum", "fel",
    ];
    let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15).wrapping_add(7);
    let mut w = String::new();
    for _ in 0..3 {
        x ^= x >> 29;
        x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
        w.push_str(SYL[(x % 16) as usize]);
    }
    w
}

/// `count` made-up words for update `n`, part `part`.
fn words(n: usize, part: u64, count: u64) -> String {
    (0..count)
        .map(|i| word((n as u64) * 1000 + part * 100 + i))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A synthetic update number `n`: a distinct headline and body.
fn nth(n: usize) -> Update<'static> {
    update(
        &format!("Update {n}: {}", words(n, 0, 5)),
        &[&format!("Report {n} says {}.", words(n, 1, 24))],
    )
}

fn headlines(t: &Timeline) -> Vec<String> {
    t.entries
        .iter()
        .map(|e| e.update().headline.text.to_string())
        .collect()
}

/// Newest first: updates `from..to` of a page whose newest is the highest.
fn window(from: usize, to: usize) -> Vec<Update<'static>> {
    (from..to).rev().map(nth).collect()
}

#[test]
fn overlapping_windows_in_both_orders() {
    let earlier = Snapshot::new("earlier", page(window(0, 6), true));
    let later = Snapshot::new("later", page(window(3, 12), true));
    let a = merge([earlier.clone(), later.clone()]);
    let b = merge([later, earlier]);
    assert_eq!(a, b);
    assert_eq!(a.entries.len(), 12);
    let expected: Vec<String> = window(0, 12)
        .iter()
        .map(|u| u.headline.text.to_string())
        .collect();
    assert_eq!(headlines(&a), expected);
    assert_eq!(a.chronology, Chronology::Inferred);
    assert_eq!(a.snapshots[0].label, "earlier");
    assert_eq!(a.snapshots[1].label, "later");
    assert_eq!(a.entries[0].first_seen, 1);
    assert_eq!(a.entries[11].last_seen, 0);
    assert_eq!(a.entries[6].seen_in, [0, 1]);
    assert!(a.conflicts.is_empty());
    assert_eq!(
        a.gaps,
        [Gap {
            after: 11,
            before: None,
            kind: GapKind::MoreBelow
        }]
    );
    assert!(a.entries.iter().all(|e| e.status == Status::Present));
}

#[test]
fn typo_fix_is_one_entry_with_two_revisions() {
    let body = "The administration is consulting the UK and Australia over the attack it \
                has pinned onNorth Korea, a White House official said.";
    let fixed = body.replace("onNorth", "on North");
    let old = page(
        vec![update("White House plans response", &[body]), nth(1)],
        true,
    );
    let new = page(
        vec![
            nth(2),
            update("White House plans response", &[&fixed]),
            nth(1),
        ],
        true,
    );
    let t = merge([Snapshot::new("new", new), Snapshot::new("old", old)]);
    assert_eq!(t.entries.len(), 3);
    let entry = &t.entries[1];
    assert_eq!(entry.revisions.len(), 2);
    assert_eq!(entry.latest, 1);
    assert_eq!(entry.revisions[0].snapshots, [0]);
    assert_eq!(entry.revisions[1].snapshots, [1]);
    let fixed_text = match &entry.update().blocks[0] {
        Block::Paragraph(p) => p.text.to_string(),
        _ => String::new(),
    };
    assert!(fixed_text.contains("on North Korea"), "{fixed_text}");
}

#[test]
fn added_paragraph_is_a_revision() {
    let first = "Hollywood actor George Clooney has said the industry should push for the \
                 immediate release of the film online.";
    let old = page(vec![update("Clooney: release the film", &[first])], true);
    let new = page(
        vec![update(
            "Clooney: release the film",
            &[
                first,
                "He told a trade site that the studio should act now.",
            ],
        )],
        true,
    );
    let t = merge([
        Snapshot::new("old", old).captured_at(10),
        Snapshot::new("new", new).captured_at(20),
    ]);
    assert_eq!(t.chronology, Chronology::CaptureTimes);
    assert_eq!(t.entries.len(), 1);
    assert_eq!(t.entries[0].revisions.len(), 2);
    assert_eq!(t.entries[0].update().blocks.len(), 2);
}

#[test]
fn reworded_headline_with_same_body_is_a_revision() {
    let body = "North Korea has warned the US government of grave consequences if it refuses \
                to take part in a joint probe into the recent cyber attack.";
    let old = page(vec![update("North Korea issues warning", &[body])], true);
    let new = page(
        vec![update(
            "'Grave consequences' if US refuse joint probe",
            &[body],
        )],
        true,
    );
    let t = merge([
        Snapshot::new("new", new).captured_at(2),
        Snapshot::new("old", old).captured_at(1),
    ]);
    assert_eq!(t.entries.len(), 1);
    assert_eq!(
        t.entries[0].update().headline.text,
        "'Grave consequences' if US refuse joint probe"
    );
    assert_eq!(
        t.entries[0].revisions[0].update.headline.text,
        "North Korea issues warning"
    );
}

#[test]
fn removal_inside_a_window() {
    let old = page(window(0, 6), true);
    let mut shown = window(0, 7);
    shown.retain(|u| u.headline.text != nth(3).headline.text);
    let new = page(shown, true);
    let t = merge([Snapshot::new("old", old), Snapshot::new("new", new)]);
    assert_eq!(t.entries.len(), 7);
    let gone: Vec<(String, Status)> = t
        .entries
        .iter()
        .filter(|e| e.status != Status::Present)
        .map(|e| (e.update().headline.text.to_string(), e.status))
        .collect();
    assert_eq!(
        gone,
        [(
            nth(3).headline.text.to_string(),
            Status::Removed { snapshot: 1 }
        )]
    );
    assert!(t.gaps.iter().all(|g| g.kind == GapKind::MoreBelow));
}

#[test]
fn falling_off_the_end_is_not_removal() {
    let old = page(window(0, 6), true);
    let new = page(window(2, 8), true); // 0 and 1 fell off the bottom
    let t = merge([Snapshot::new("old", old), Snapshot::new("new", new)]);
    assert_eq!(t.entries.len(), 8);
    assert!(t.entries.iter().all(|e| e.status == Status::Present));
    assert_eq!(t.entries[7].last_seen, 0);
}

#[test]
fn missing_from_the_bottom_of_a_complete_page_is_removal() {
    let old = page(window(0, 4), false);
    let new = page(window(1, 5), false); // complete, yet 0 is gone
    let t = merge([Snapshot::new("old", old), Snapshot::new("new", new)]);
    assert_eq!(t.entries[4].status, Status::Removed { snapshot: 1 });
    assert!(t.gaps.is_empty());
    assert!(t.is_complete());
}

#[test]
fn disjoint_snapshots_give_a_gap() {
    let old = page(window(0, 3), true);
    let new = page(window(10, 13), true);
    let t = merge([
        Snapshot::new("new", new).captured_at(200),
        Snapshot::new("old", old).captured_at(100),
    ]);
    assert_eq!(t.entries.len(), 6);
    assert_eq!(t.entries[0].update().headline.text, nth(12).headline.text);
    assert_eq!(
        t.gaps,
        [
            Gap {
                after: 2,
                before: Some(3),
                kind: GapKind::Disjoint
            },
            Gap {
                after: 5,
                before: None,
                kind: GapKind::MoreBelow
            }
        ]
    );
    assert!(t.conflicts.is_empty());
    // Without capture times nothing tells which run is newer: reported.
    let u = merge([
        Snapshot::new("x", page(window(0, 3), true)),
        Snapshot::new("y", page(window(10, 13), true)),
    ]);
    assert_eq!(u.gaps.len(), 2);
    assert_eq!(
        u.conflicts,
        [Conflict::Chronology {
            earlier: 0,
            later: 1
        }]
    );
}

#[test]
fn same_update_under_two_bylines() {
    let base = nth(5);
    let topic = page(vec![nth(6), base.clone(), nth(4)], true);
    let region = page(vec![with_byline(base, "Sam Lee"), nth(4)], true);
    let t = merge([
        Snapshot::new("topic", topic).captured_at(50),
        Snapshot::new("region", region).captured_at(50),
    ]);
    assert_eq!(t.entries.len(), 3);
    let entry = &t.entries[1];
    assert_eq!(entry.revisions.len(), 2);
    assert_eq!(entry.seen_in, [0, 1]);
    assert!(t.entries.iter().all(|e| e.status == Status::Present));
    assert!(t
        .conflicts
        .iter()
        .any(|c| matches!(c, Conflict::SameTimeVersions { entry: 1, .. })));
}

#[test]
fn pages_one_and_two_of_a_topic() {
    let one = page(window(10, 20), true);
    let two = page(window(0, 10), true);
    let t = merge([
        Snapshot::new("page 2", two).captured_at(7),
        Snapshot::new("page 1", one).captured_at(7),
    ]);
    assert_eq!(t.entries.len(), 20);
    assert_eq!(headlines(&t)[0], nth(19).headline.text);
    assert_eq!(headlines(&t)[19], nth(0).headline.text);
    assert!(t.entries.iter().all(|e| e.status == Status::Present));
    // No snapshot shows 10 right above 9: the join is a gap, never silent.
    assert_eq!(
        t.gaps[0],
        Gap {
            after: 9,
            before: Some(10),
            kind: GapKind::Disjoint
        }
    );
}

#[test]
fn contradicting_orders_are_reported() {
    let a = page(vec![nth(3), nth(2), nth(1)], true);
    let b = page(vec![nth(3), nth(1), nth(2)], true);
    let t = merge([Snapshot::new("a", a), Snapshot::new("b", b)]);
    assert_eq!(t.entries.len(), 3);
    assert_eq!(
        t.conflicts
            .iter()
            .filter(|c| matches!(c, Conflict::Order { .. }))
            .count(),
        1
    );
}

#[test]
fn absorb_equals_merge_and_is_idempotent() {
    let snaps = [
        Snapshot::new("a", page(window(0, 5), true)),
        Snapshot::new("b", page(window(3, 9), true)),
        Snapshot::new("c", page(window(7, 12), true)),
    ];
    let batch = merge(snaps.clone());
    let mut t = Timeline::default();
    for s in snaps.iter().rev() {
        t.absorb(s.clone());
    }
    assert_eq!(t, batch);
    t.absorb(snaps[1].clone());
    assert_eq!(t, batch);
}

/// Capture `i` of a page that gains two updates per capture: the newest
/// eight, update `n` edited (a paragraph added) from capture `n / 2` on,
/// every seventh update removed from capture `n / 2 - 1` on.
fn growing_capture(i: usize) -> Snapshot<'static> {
    let top = 2 * i + 8;
    let shown: Vec<Update<'static>> = (top.saturating_sub(12)..top)
        .rev()
        .filter(|&n| n % 7 != 0 || i + 1 < n / 2)
        .take(8)
        .map(|n| {
            let mut u = nth(n);
            if i >= n / 2 {
                u.blocks
                    .push(para(&format!("Added {n}: {}.", words(n, 2, 6))));
            }
            u
        })
        .collect();
    Snapshot::new(format!("capture-{i:03}"), page(shown, true))
}

#[test]
fn absorbing_two_hundred_captures_one_by_one_equals_merge() {
    let snaps: Vec<Snapshot<'static>> = (0..200).map(growing_capture).collect();
    let batch = merge(snaps.clone());
    assert!(batch.entries.len() > 300);
    assert!(batch.entries.iter().any(|e| e.revisions.len() == 2));
    assert!(batch
        .entries
        .iter()
        .any(|e| matches!(e.status, Status::Removed { .. })));

    // In capture order, and (the first 80) in a scrambled order, where
    // the chronology moves earlier snapshots.
    let mut in_order = Timeline::default();
    for s in &snaps {
        in_order.absorb(s.clone());
    }
    assert_eq!(in_order, batch);
    let mut scrambled = Timeline::default();
    for k in 0..80 {
        scrambled.absorb(snaps[(k * 37) % 80].clone());
    }
    assert_eq!(scrambled, merge(snaps[..80].iter().cloned()));

    // Read back from JSON halfway, then on.
    let half = merge(snaps[..100].iter().cloned());
    let json = serde_json::to_string(&half).unwrap_or_default();
    let mut back: Timeline = serde_json::from_str(&json).unwrap_or_default();
    for s in &snaps[100..] {
        back.absorb(s.clone());
    }
    assert_eq!(back, batch);
}

#[test]
fn display_has_footer_only_when_history_is_open() {
    let open = merge([Snapshot::new("a", page(vec![nth(1)], true))]);
    let text = open.to_string();
    let head = format!("Live updates\n\n{}\n\nReport 1 says ", nth(1).headline.text);
    assert!(text.starts_with(&head), "{text}");
    assert!(text.ends_with("\n\nLoad more updates\n"));
    let closed = merge([Snapshot::new("a", page(vec![nth(1)], false))]);
    assert!(!closed.to_string().contains("Load more"));
}

#[test]
fn jsonld_has_headline_body_images_author_and_versions() {
    let mut u = with_byline(nth(1), "Amy Welch");
    u.blocks.push(Block::Caption(Caption {
        span: Span::default(),
        alt: None,
        text: "A poster at the premiere. Credit: Reuters".into(),
        description: "A poster at the premiere.".into(),
        credit: Some(Credit {
            kind: CreditKind::Image,
            source: "Reuters".into(),
        }),
    }));
    let t = merge([
        Snapshot::new("a", page(vec![nth(1)], true)),
        Snapshot::new("b", page(vec![nth(2), u], true)),
    ]);
    let ld = t.to_jsonld();
    assert_eq!(ld.live_blog_update.len(), 2);
    let post = &ld.live_blog_update[1];
    assert_eq!(post.headline, nth(1).headline.text);
    assert!(post.article_body.starts_with("Report 1 says "));
    assert_eq!(post.image[0].caption, "A poster at the premiere.");
    assert_eq!(post.image[0].credit_text.as_deref(), Some("Reuters"));
    assert_eq!(
        post.author.as_ref().map(|a| a.name.as_str()),
        Some("Amy Welch")
    );
    assert_eq!(post.version, 2);
    let json = serde_json::to_value(&ld).unwrap_or_default();
    assert_eq!(json["@type"], "LiveBlogPosting");
    assert_eq!(json["liveBlogUpdate"][1]["@type"], "BlogPosting");
    assert_eq!(json["liveBlogUpdate"][1]["author"]["@type"], "Person");
    assert_eq!(
        json["liveBlogUpdate"][1]["image"][0]["creditText"],
        "Reuters"
    );
}

#[test]
fn timeline_json_reads_back_and_keeps_absorbing() {
    let a = Snapshot::new("a", page(window(0, 5), true));
    let b = Snapshot::new("b", page(window(3, 9), true));
    let t = merge([a.clone()]);
    let json = serde_json::to_string(&t).unwrap_or_default();
    let read: Result<Timeline, _> = serde_json::from_str(&json);
    assert!(read.is_ok(), "{read:?}");
    let mut back = read.unwrap_or_default();
    assert_eq!(back, t);
    back.absorb(b.clone());
    assert_eq!(back, merge([a, b]));
}

/// The merge tells versions apart by comparing updates with their spans
/// cleared: clearing must leave no span anywhere in an update.
#[test]
fn clearing_spans_leaves_none_in_any_kind_of_block() {
    fn spans(value: &serde_json::Value, found: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    if k == "span" && v != &serde_json::json!({"start": 0, "end": 0}) {
                        found.push(v.to_string());
                    }
                    spans(v, found);
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| spans(v, found)),
            _ => {}
        }
    }
    let cases = include_str!("cases.md");
    let more = "Live updates\n\nTrain strike: which services are running?\n\n\
        Only a handful of trains will run on Thursday because of the strike.\n\n\
        Saturday 14 March\n\n  \u{2022} Castle Street from 7am to 11am\n\n\
        Read More: Helmsby ferry operator bought by rival\n";
    let mut kinds = std::collections::BTreeSet::new();
    for text in [SEED_000, SEED_001, cases, more] {
        for mut update in liveupdates::parse(text).updates {
            update.clear_spans();
            let value = serde_json::to_value(&update).unwrap_or_default();
            for block in value["blocks"].as_array().into_iter().flatten() {
                kinds.insert(block["type"].to_string());
            }
            let mut found = Vec::new();
            spans(&value, &mut found);
            assert!(found.is_empty(), "{found:?} in {value}");
        }
    }
    // Every kind of block was read.
    assert_eq!(kinds.len(), 8, "{kinds:?}");
}

#[test]
fn timeline_json_shows_each_entry_as_last_seen() {
    let early = "Live updates\n\nFerry resumes\n\nBoats sail at noon.\n";
    let late = "Live updates\n\nFerry resumes\n\nBoats sail at one.\n";
    let t = merge([
        Snapshot::new("a", liveupdates::parse(early)).captured_at(1),
        Snapshot::new("b", liveupdates::parse(late)).captured_at(2),
    ]);
    let json = serde_json::to_value(&t).unwrap_or_default();
    let entry = &json["entries"][0];
    assert_eq!(entry["revisions"].as_array().map(Vec::len), Some(2));
    assert_eq!(entry["update"], entry["revisions"][1]["update"]);
    assert_eq!(entry["update"]["blocks"][0]["text"], "Boats sail at one.");
}

#[test]
fn a_thousand_windows_over_five_thousand_updates_is_fast() {
    let all: Vec<Update<'static>> = (0..5000).map(nth).collect();
    let snaps: Vec<Snapshot<'static>> = (0..1000)
        .map(|i| {
            let top: usize = 19 + i * 4980 / 999; // the newest update at capture i
            let from = top.saturating_sub(19);
            let shown: Vec<Update<'static>> = all[from..=top].iter().rev().cloned().collect();
            Snapshot::new(format!("{i:04}"), page(shown, true))
        })
        .collect();
    let start = std::time::Instant::now();
    let t = merge(snaps);
    let took = start.elapsed();
    assert_eq!(t.entries.len(), 5000);
    assert!(t.entries.iter().all(|e| e.status == Status::Present));
    assert_eq!(t.gaps.len(), 1);
    assert!(took.as_secs() < 60, "took {took:?}");
}

#[test]
fn seeds_in_both_orders() {
    let a = liveupdates::parse(SEED_000);
    let b = liveupdates::parse(SEED_001);
    assert_eq!((a.updates.len(), b.updates.len()), (6, 9));
    let one = merge([
        Snapshot::new("000", a.clone()),
        Snapshot::new("001", b.clone()),
    ]);
    let two = merge([Snapshot::new("001", b), Snapshot::new("000", a)]);
    assert_eq!(one, two);
    assert_eq!(one.entries.len(), 12);
    let heads = headlines(&one);
    assert_eq!(
        heads[0],
        "US consider putting North Korea back on terror list"
    );
    assert_eq!(heads[5], "George Clooney: Sony must release The Interview");
    assert_eq!(
        heads[6],
        "Obama criticises Sony for 'caving in to censorship'"
    );
    assert_eq!(
        heads[8],
        "Sony CEO responds to Obama: 'We did not make a mistake'"
    );
    assert_eq!(
        heads[11],
        "FBI: North Korean government committed Sony hacking"
    );
    assert_eq!(one.snapshots[0].label, "000");
    assert_eq!(one.entries[6].revisions.len(), 2); // Barak → Barack
    assert_eq!(one.entries[7].revisions.len(), 1);
    assert!(one.entries.iter().all(|e| e.status == Status::Present));
    // Renders to a page that parses back to the same updates.
    let text = one.to_string();
    let back = liveupdates::parse(&text);
    assert_eq!(back.updates.len(), 12);
    for (u, e) in back.updates.iter().zip(&one.entries) {
        assert_eq!(u.headline.text, e.update().headline.text);
        assert_eq!(u.blocks.len(), e.update().blocks.len());
    }
    assert!(back.has_more);
}

#[test]
fn text_snapshots_merge_and_round_trip() {
    let earlier = "Live updates\n\n\
        Ferry sailings cancelled as gales hit the coast\n\n\
        All sailings from the harbour were cancelled on Tuesday morning as winds reached seventy miles an hour along the coast.\n\n\
        Advertisement\n\n\
        School closed after roof damage\n\n\
        Pupils at the village school were sent home after part of the roof was blown off in the night, the council said.\n\n\
        Power cut to two thousand homes\n\n\
        Engineers are working to restore supplies to homes in the valley after lines were brought down by falling trees.\n\n\
        Load more updates\n";
    let later = "Live updates\n\n\
        Coastal road reopens\n\n\
        The coast road has reopened after crews cleared fallen trees and debris from both lanes overnight.\n\n\
        Ferry sailings cancelled as gales hit coast\n\n\
        All sailings from the harbour were cancelled on Tuesday morning as winds reached seventy miles an hour along the coast.\n\n\
        The operator said it hoped to resume services on Wednesday.\n\n\
        Power cut to two thousand homes\n\n\
        Advertisement\n\n\
        Engineers are working to restore supplies to homes in the valley after lines were brought down by falling trees.\n\n\
        Load more updates\n";
    let one = merge([
        Snapshot::new("later", liveupdates::parse(later)),
        Snapshot::new("earlier", liveupdates::parse(earlier)),
    ]);
    assert_eq!(
        headlines(&one),
        [
            "Coastal road reopens",
            "Ferry sailings cancelled as gales hit coast",
            "School closed after roof damage",
            "Power cut to two thousand homes",
        ]
    );
    assert_eq!(one.entries[1].revisions.len(), 2);
    assert_eq!(one.entries[2].status, Status::Removed { snapshot: 1 });
    assert_eq!(one.entries[3].revisions.len(), 1); // the ad slot moved
    let rendered = one.to_string();
    let back = liveupdates::parse(&rendered);
    assert_eq!(back.updates.len(), 4);
    for (u, e) in back.updates.iter().zip(&one.entries) {
        assert_eq!(u.headline.text, e.update().headline.text);
        assert_eq!(u.blocks.len(), e.update().blocks.len());
    }
    assert!(back.has_more);
}

/// What every timeline must satisfy, however it was made: indices point
/// somewhere, and every update of `absorbed` is one of its revisions.
fn assert_sane(t: &Timeline, absorbed: &Snapshot<'_>, case: &str) {
    assert_sane_but_lists(t, absorbed, case);
    let snapshots = t.snapshots.len();
    for e in &t.entries {
        assert!(e.seen_in.iter().all(|&s| s < snapshots), "{case}: seen_in");
        assert!(
            e.revisions
                .iter()
                .all(|r| !r.snapshots.is_empty() && r.snapshots.iter().all(|&s| s < snapshots)),
            "{case}: revision snapshots"
        );
    }
}

/// [`assert_sane`] but for the entries' lists of snapshots, which an absorb
/// carries over as they stand where it touches nothing.
fn assert_sane_but_lists(t: &Timeline, absorbed: &Snapshot<'_>, case: &str) {
    let (entries, snapshots) = (t.entries.len(), t.snapshots.len());
    for s in &t.snapshots {
        for shown in &s.shown {
            let revisions = t.entries.get(shown.entry).map_or(0, |e| e.revisions.len());
            assert!(shown.revision < revisions, "{case}: {shown:?}");
        }
    }
    for e in &t.entries {
        assert!(e.latest < e.revisions.len(), "{case}: latest");
        assert!(
            e.first_seen <= e.last_seen && e.last_seen < snapshots,
            "{case}"
        );
        if let Status::Removed { snapshot } = e.status {
            assert!(snapshot < snapshots, "{case}: status");
        }
    }
    for g in &t.gaps {
        assert!(
            g.after < entries && g.before.is_none_or(|b| b < entries),
            "{case}"
        );
    }
    for u in &absorbed.page.updates {
        assert!(
            t.entries
                .iter()
                .any(|e| e.revisions.iter().any(|r| r.update == *u)),
            "{case}: {:?} lost",
            u.headline.text
        );
    }
    assert!(
        t.snapshots.iter().any(|s| s.label == absorbed.label),
        "{case}: snapshot missing"
    );
}

#[test]
fn absorbing_into_a_corrupted_timeline_never_panics() {
    use serde_json::{json, Value};
    let snaps: Vec<Snapshot<'static>> = (0..6).map(growing_capture).collect();
    let good = merge(snaps[..5].iter().cloned());
    let next = &snaps[5];
    let base = serde_json::to_value(&good).unwrap_or_default();
    let huge = json!(u64::MAX);
    type Edit = fn(&mut Value, &Value);
    let edits: &[(&str, Edit)] = &[
        ("shown entry out of range", |v, _| {
            v["snapshots"][0]["shown"][0]["entry"] = json!(99_999);
        }),
        ("shown entry at usize::MAX", |v, huge| {
            v["snapshots"][1]["shown"][2]["entry"] = huge.clone();
        }),
        ("shown revision out of range", |v, huge| {
            v["snapshots"][2]["shown"][1]["revision"] = json!(7);
            v["snapshots"][3]["shown"][0]["revision"] = huge.clone();
        }),
        ("duplicate shown indices", |v, _| {
            if let Some(shown) = v["snapshots"][4]["shown"].as_array_mut() {
                shown
                    .iter_mut()
                    .for_each(|s| *s = json!({"entry": 0, "revision": 0}));
            }
        }),
        ("empty entries", |v, _| {
            v["entries"][0]["revisions"] = json!([]);
            v["entries"][3]["revisions"] = json!([]);
        }),
        ("no entries at all", |v, _| v["entries"] = json!([])),
        ("no snapshots at all", |v, _| v["snapshots"] = json!([])),
        ("empty shown lists", |v, _| {
            v["snapshots"][0]["shown"] = json!([]);
            v["snapshots"][4]["shown"] = json!([]);
        }),
        ("revisions pointing nowhere", |v, huge| {
            v["entries"][1]["revisions"][0]["snapshots"] = json!([99, 3, 3]);
            v["entries"][2]["latest"] = huge.clone();
            v["entries"][2]["first_seen"] = json!(40);
            v["entries"][2]["last_seen"] = huge.clone();
            v["entries"][2]["seen_in"] = json!([7, 1, 400]);
            v["entries"][4]["status"] = json!({"status": "removed", "snapshot": 77});
        }),
        ("duplicated snapshot labels", |v, _| {
            if let Some(snapshots) = v["snapshots"].as_array_mut() {
                snapshots
                    .iter_mut()
                    .for_each(|s| s["label"] = json!("same"));
            }
        }),
        ("a snapshot repeated whole", |v, _| {
            let first = v["snapshots"][0].clone();
            if let Some(snapshots) = v["snapshots"].as_array_mut() {
                snapshots.push(first.clone());
                snapshots.push(first);
            }
        }),
        ("gaps and conflicts pointing nowhere", |v, huge| {
            v["gaps"] = json!([{"after": 500, "before": huge.clone(), "kind": "disjoint"}]);
            v["conflicts"] = json!([{"kind": "repeated", "snapshot": huge.clone(), "entry": 3}]);
        }),
        ("headline and body emptied", |v, _| {
            v["entries"][0]["revisions"][0]["update"]["headline"]["text"] = json!("");
            v["entries"][0]["revisions"][0]["update"]["blocks"] = json!([]);
        }),
        ("extreme options", |v, huge| {
            v["options"]["max_key_versions"] = huge.clone();
            v["options"]["min_body_words"] = huge.clone();
            v["options"]["headline_similarity"] = json!(-3.0);
            v["options"]["body_containment"] = json!(1e300);
        }),
        ("zero options", |v, _| {
            v["options"]["max_key_versions"] = json!(0);
            v["options"]["min_body_words"] = json!(0);
            v["options"]["body_similarity"] = json!(0.0);
        }),
    ];
    for (case, edit) in edits {
        let mut value = base.clone();
        edit(&mut value, &huge);
        let read: Result<Timeline, _> = serde_json::from_value(value);
        assert!(read.is_ok(), "{case}: {read:?}");
        let mut t = read.unwrap_or_default();
        // Reading the corrupted timeline out does not panic either.
        let _ = (t.to_string(), t.to_jsonld(), t.is_complete());
        t.absorb(next.clone());
        assert_sane(&t, next, case);
        let once = t.clone();
        t.absorb(next.clone());
        assert_eq!(t, once, "{case}: absorbing again changed it");
        t.absorb(snaps[0].clone());
        assert_sane(&t, &snaps[0], case);
    }

    // The same edits on a timeline that still has its index.
    type Poke = fn(&mut Timeline);
    let pokes: &[(&str, Poke)] = &[
        ("shown entry at usize::MAX", |t| {
            t.snapshots[1].shown[0].entry = usize::MAX;
        }),
        ("shown revision at usize::MAX", |t| {
            t.snapshots[1].shown[0].revision = usize::MAX;
        }),
        ("entry fields pointing nowhere", |t| {
            poke_entry(&mut t.entries[0]);
            if let Some(e) = t.entries.last_mut() {
                poke_entry(e);
            }
        }),
        ("revisions emptied", |t| t.entries[2].revisions.clear()),
        ("entries dropped", |t| t.entries.truncate(1)),
        ("snapshots dropped", |t| t.snapshots.truncate(2)),
        ("labels duplicated", |t| {
            t.snapshots.iter_mut().for_each(|s| s.label = "same".into());
        }),
        ("options changed", |t| {
            t.options.max_key_versions = usize::MAX
        }),
    ];
    for (case, poke) in pokes {
        let mut t = good.clone();
        poke(&mut t);
        t.absorb(next.clone());
        assert_sane(&t, next, case);
        t.absorb(snaps[1].clone());
        assert_sane(&t, &snaps[1], case);
    }

    // Lists of snapshots edited in memory are carried over where nothing
    // touches them, and never followed.
    let mut t = good.clone();
    for e in &mut t.entries {
        e.seen_in.insert(1, usize::MAX);
        e.revisions[0].snapshots.push(usize::MAX);
    }
    t.absorb(next.clone());
    assert_sane_but_lists(&t, next, "lists of snapshots pointing nowhere");
}

/// Point every index of `e` nowhere.
fn poke_entry(e: &mut liveupdates::merge::Entry) {
    e.latest = usize::MAX;
    e.first_seen = usize::MAX;
    e.last_seen = usize::MAX;
    e.status = Status::Removed {
        snapshot: usize::MAX,
    };
}

/// fuzz/merge: absorbing a capture that shows no update (a cut `Load m`)
/// into a timeline of one empty capture panicked in the incremental layout,
/// which looked up a window the new capture does not have; such a capture
/// now takes the full layout.
#[test]
fn absorbing_a_capture_with_no_updates_after_an_empty_one() {
    let snapshots: Vec<Snapshot<'_>> = ["", "Load m"]
        .iter()
        .enumerate()
        .map(|(i, text)| Snapshot::new(format!("s{i}"), liveupdates::parse(text)))
        .collect();
    let batch = merge(snapshots.clone());
    let mut one_by_one = Timeline::default();
    for s in &snapshots {
        one_by_one.absorb(s.clone());
    }
    assert_eq!(one_by_one, batch);
    assert_eq!(one_by_one.snapshots.len(), 2);
    assert!(one_by_one.entries.is_empty());
}
