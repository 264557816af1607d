//! Version keys: one string per exact version of an update.
//!
//! A key writes every field of an update but its spans (a timeline's
//! updates have none) in a fixed order, each field delimiting itself, so
//! equal keys are equal versions and unequal versions have unequal keys.
//! Keys order the versions (the canonical order every tie of the merge
//! falls back on); the headline comes first, so most comparisons end within
//! a few bytes.
//!
//! The encoding is a prefix code: a text is its characters with NUL written
//! as NUL `2`, then NUL `1`; an optional value is `-` or `+` and the value;
//! a list is `+` and the item for each item, then `-`; an enum is one
//! letter per variant, then its fields.

use crate::{
    Attribution, Block, BlockQuote, Byline, BylineKind, BylineMarker, Caption, Credit, CreditKind,
    CrossRef, Headline, List, ListItem, ListMarker, Paragraph, Person, Quote, Report, Speaker,
    Subheading, Update,
};

/// Write the key of one version of an update (its spans are not part of it)
/// into `buf`, which is cleared first: callers reuse one buffer and copy a
/// key only to keep it.
///
/// Every field is destructured, so a field added to the model is a compile
/// error here until the key writes it.
pub(crate) fn write_version_key(update: &Update<'_>, buf: &mut String) {
    buf.clear();
    let mut key = Key(buf);
    let Update {
        span: _,
        byline,
        headline,
        blocks,
    } = update;
    let Headline {
        span: _,
        text,
        label,
        title,
        remnant,
    } = headline;
    key.text(text);
    key.opt(label.as_deref(), Key::text);
    key.text(title);
    key.opt(remnant.as_deref(), Key::text);
    key.opt(byline.as_ref(), Key::byline);
    key.list(blocks, Key::block);
}

/// A key being written.
struct Key<'b>(&'b mut String);

impl Key<'_> {
    fn text(&mut self, text: &str) {
        if memchr::memchr(0, text.as_bytes()).is_none() {
            self.0.push_str(text);
        } else {
            for c in text.chars() {
                self.0.push(c);
                if c == '\0' {
                    self.0.push('\u{2}');
                }
            }
        }
        self.0.push_str("\0\u{1}");
    }

    fn tag(&mut self, tag: char) {
        self.0.push(tag);
    }

    fn flag(&mut self, on: bool) {
        self.tag(if on { 'y' } else { 'n' });
    }

    fn opt<T: ?Sized>(&mut self, value: Option<&T>, write: impl FnOnce(&mut Self, &T)) {
        match value {
            Some(v) => {
                self.tag('+');
                write(self, v);
            }
            None => self.tag('-'),
        }
    }

    fn list<T>(&mut self, items: &[T], mut write: impl FnMut(&mut Self, &T)) {
        for item in items {
            self.tag('+');
            write(self, item);
        }
        self.tag('-');
    }

    fn byline(&mut self, byline: &Byline<'_>) {
        let Byline {
            span: _,
            marker,
            text,
            kind,
            remnant,
        } = byline;
        self.tag(match marker {
            BylineMarker::Numbered => 'n',
            BylineMarker::Dash => 'd',
            BylineMarker::Bare => 'b',
        });
        self.text(text);
        match kind {
            BylineKind::Empty => self.tag('e'),
            BylineKind::Section(section) => {
                self.tag('s');
                self.text(section);
            }
            BylineKind::Person(Person {
                name,
                outlet,
                role,
                handle,
            }) => {
                self.tag('p');
                self.text(name);
                self.opt(outlet.as_deref(), Key::text);
                self.opt(role.as_deref(), Key::text);
                self.opt(handle.as_deref(), Key::text);
            }
        }
        self.opt(remnant.as_deref(), Key::text);
    }

    fn block(&mut self, block: &Block<'_>) {
        match block {
            Block::Paragraph(p) => {
                self.tag('p');
                self.paragraph(p);
            }
            Block::Subheading(Subheading { span: _, text }) => {
                self.tag('h');
                self.text(text);
            }
            Block::Caption(Caption {
                span: _,
                alt,
                text,
                description,
                credit,
            }) => {
                self.tag('c');
                self.opt(alt.as_deref(), Key::text);
                self.text(text);
                self.text(description);
                self.opt(credit.as_ref(), |key, Credit { kind, source }| {
                    key.tag(match kind {
                        CreditKind::Image => 'i',
                        CreditKind::Video => 'v',
                    });
                    key.text(source);
                });
            }
            Block::Quote(Quote {
                span: _,
                text,
                quoted,
                speaker,
                rest,
                continues,
            }) => {
                self.tag('q');
                self.text(text);
                self.text(quoted);
                self.opt(speaker.as_ref(), |key, Speaker { name, resolved }| {
                    key.text(name);
                    key.opt(resolved.as_deref(), Key::text);
                });
                self.opt(rest.as_deref(), Key::text);
                self.flag(*continues);
            }
            Block::BlockQuote(BlockQuote {
                span: _,
                paragraphs,
                attribution,
            }) => {
                self.tag('b');
                self.list(paragraphs, Key::paragraph);
                self.opt(
                    attribution.as_ref(),
                    |key,
                     Attribution {
                         span: _,
                         text,
                         source,
                     }| {
                        key.text(text);
                        key.text(source);
                    },
                );
            }
            Block::Report(Report {
                span: _,
                text,
                reporter,
            }) => {
                self.tag('r');
                self.text(text);
                self.opt(reporter.as_deref(), Key::text);
            }
            Block::List(List { span: _, items }) => {
                self.tag('l');
                self.list(
                    items,
                    |key,
                     ListItem {
                         span: _,
                         marker,
                         text,
                     }| {
                        key.tag(match marker {
                            ListMarker::Bullet => 'b',
                            ListMarker::MiddleDot => 'm',
                            ListMarker::Dash => 'd',
                        });
                        key.text(text);
                    },
                );
            }
            Block::CrossRef(CrossRef {
                span: _,
                text,
                target,
            }) => {
                self.tag('x');
                self.text(text);
                self.opt(target.as_deref(), Key::text);
            }
        }
    }

    fn paragraph(&mut self, Paragraph { span: _, text }: &Paragraph<'_>) {
        self.text(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merge::fixtures::{paragraph, subheading, text, update};
    use crate::Span;

    /// The key of `update`, in a buffer of its own.
    fn version_key(update: &Update<'_>) -> String {
        let mut key = String::new();
        write_version_key(update, &mut key);
        key
    }

    #[test]
    fn spans_are_not_part_of_the_key() {
        let a = update("Bridge reopens", vec![paragraph("Cars are back.")]);
        let mut b = a.clone();
        b.span = Span::new(10, 60);
        b.headline.span = Span::new(10, 24);
        if let Some(Block::Paragraph(p)) = b.blocks.first_mut() {
            p.span = Span::new(26, 40);
        }
        assert_ne!(a, b);
        assert_eq!(version_key(&a), version_key(&b));
    }

    #[test]
    fn a_text_cannot_pose_as_the_next_field() {
        // The same characters, split between fields differently.
        let pairs = [
            (
                update("a", vec![paragraph("b\0\u{1}+pc")]),
                update("a", vec![paragraph("b"), paragraph("c")]),
            ),
            (
                update("a\0", vec![paragraph("b")]),
                update("a", vec![paragraph("\0b")]),
            ),
            (
                update("x", vec![paragraph("y")]),
                update("x", vec![subheading("y")]),
            ),
            (update("x", vec![]), update("x", vec![paragraph("")])),
        ];
        for (a, b) in pairs {
            assert_ne!(a, b);
            assert_ne!(version_key(&a), version_key(&b), "{a:?} / {b:?}");
        }
    }

    /// Texts made of what the encoding itself writes.
    fn tricky() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        const PIECES: [&str; 9] = [
            "a", "\0", "\u{1}", "\u{2}", "+p", "-", "\0\u{1}", "\0\u{2}", "y",
        ];
        proptest::collection::vec(proptest::sample::select(&PIECES[..]), 0..3)
            .prop_map(|pieces| pieces.concat())
    }

    fn block() -> impl proptest::strategy::Strategy<Value = Block<'static>> {
        use proptest::prelude::*;
        prop_oneof![
            tricky().prop_map(|t| paragraph(&t)),
            tricky().prop_map(|t| subheading(&t)),
            (
                tricky(),
                tricky(),
                proptest::option::of(tricky()),
                any::<bool>()
            )
                .prop_map(|(t, q, rest, continues)| Block::Quote(Quote {
                    span: Span::default(),
                    text: text(&t),
                    quoted: text(&q),
                    speaker: None,
                    rest: rest.map(|r| text(&r)),
                    continues,
                })),
        ]
    }

    fn any_update() -> impl proptest::strategy::Strategy<Value = Update<'static>> {
        use proptest::prelude::*;
        (
            tricky(),
            proptest::option::of(tricky()),
            proptest::collection::vec(block(), 0..4),
        )
            .prop_map(|(h, label, blocks)| {
                let mut u = update(&h, blocks);
                u.headline.label = label.map(|l| text(&l));
                u
            })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn keys_are_equal_exactly_when_versions_are(a in any_update(), b in any_update()) {
            proptest::prop_assert_eq!(version_key(&a) == version_key(&b), a == b);
        }

        #[test]
        fn a_text_holding_the_separator_is_not_two_texts(x in tricky(), y in tricky()) {
            let one = update("h", vec![paragraph(&format!("{x}\0\u{1}+p{y}"))]);
            let two = update("h", vec![paragraph(&x), paragraph(&y)]);
            proptest::prop_assert_ne!(version_key(&one), version_key(&two));
        }
    }

    #[test]
    fn keys_order_by_headline_first() {
        let a = update("Alpha", vec![paragraph("zzz")]);
        let b = update("Beta", vec![paragraph("aaa")]);
        assert!(version_key(&a) < version_key(&b));
    }
}
