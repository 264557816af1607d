//! `into_owned`: a `'static` copy of any node.

use crate::*;

/// Converts a borrowed node into one that owns its text.
pub(crate) trait Own {
    type Owned;
    fn own(self) -> Self::Owned;
}

impl Own for Cow<'_, str> {
    type Owned = Cow<'static, str>;
    fn own(self) -> Cow<'static, str> {
        Cow::Owned(self.into_owned())
    }
}

impl<T: Own> Own for Option<T> {
    type Owned = Option<T::Owned>;
    fn own(self) -> Self::Owned {
        self.map(Own::own)
    }
}

impl<T: Own> Own for Vec<T> {
    type Owned = Vec<T::Owned>;
    fn own(self) -> Self::Owned {
        self.into_iter().map(Own::own).collect()
    }
}

/// Types without borrowed text own themselves.
macro_rules! own_plain {
    ($($ty:ty),*) => {$(
        impl Own for $ty {
            type Owned = $ty;
            fn own(self) -> $ty { self }
        }
    )*};
}

own_plain!(
    Span,
    bool,
    usize,
    Layout,
    HeaderKind,
    AdPosition,
    FooterKind,
    BylineMarker,
    CreditKind,
    ListMarker,
    Diagnostic
);

/// Structs with borrowed text: every field is converted, and a public
/// `into_owned` is added.
macro_rules! own_struct {
    ($($ty:ident { $($field:ident),* })*) => {$(
        impl<'a> Own for $ty<'a> {
            type Owned = $ty<'static>;
            fn own(self) -> $ty<'static> {
                $ty { $($field: self.$field.own()),* }
            }
        }
        impl<'a> $ty<'a> {
            /// A copy that owns its text, free of the source's lifetime.
            pub fn into_owned(self) -> $ty<'static> {
                self.own()
            }
        }
    )*};
}

own_struct! {
    Page { span, layout, preamble, header, updates, ads, footer, dangling_byline, has_more, truncated, diagnostics }
    PreambleBlock { span, text }
    Header { span, kind, text }
    AdSlot { span, position, remnant }
    Footer { span, lines }
    FooterLine { span, kind, text }
    Update { span, byline, headline, blocks }
    Byline { span, marker, text, kind, remnant }
    Person { name, outlet, role, handle }
    Headline { span, text, label, title, remnant }
    Paragraph { span, text }
    Subheading { span, text }
    Caption { span, alt, text, description, credit }
    Credit { kind, source }
    Quote { span, text, quoted, speaker, rest, continues }
    Speaker { name, resolved }
    BlockQuote { span, paragraphs, attribution }
    Attribution { span, text, source }
    Report { span, text, reporter }
    List { span, items }
    ListItem { span, marker, text }
    CrossRef { span, text, target }
}

impl<'a> Own for BylineKind<'a> {
    type Owned = BylineKind<'static>;
    fn own(self) -> BylineKind<'static> {
        match self {
            BylineKind::Empty => BylineKind::Empty,
            BylineKind::Section(s) => BylineKind::Section(s.own()),
            BylineKind::Person(p) => BylineKind::Person(p.own()),
        }
    }
}

impl<'a> Own for Block<'a> {
    type Owned = Block<'static>;
    fn own(self) -> Block<'static> {
        match self {
            Block::Paragraph(b) => Block::Paragraph(b.own()),
            Block::Subheading(b) => Block::Subheading(b.own()),
            Block::Caption(b) => Block::Caption(b.own()),
            Block::Quote(b) => Block::Quote(b.own()),
            Block::BlockQuote(b) => Block::BlockQuote(b.own()),
            Block::Report(b) => Block::Report(b.own()),
            Block::List(b) => Block::List(b.own()),
            Block::CrossRef(b) => Block::CrossRef(b.own()),
        }
    }
}

impl<'a> Block<'a> {
    /// A copy that owns its text, free of the source's lifetime.
    pub fn into_owned(self) -> Block<'static> {
        self.own()
    }
}
