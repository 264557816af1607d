//! A schema.org `LiveBlogPosting` view of a timeline, for tools that read
//! that vocabulary. Serialise it with any serde format (JSON-LD is JSON).

use super::identity::block_texts;
use super::{Status, Timeline};
use crate::{Block, BylineKind, Update};

/// A schema.org [`LiveBlogPosting`](https://schema.org/LiveBlogPosting):
/// the timeline's entries, newest first, as `liveBlogUpdate` items.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct LiveBlogPosting {
    /// Always `https://schema.org`.
    #[cfg_attr(feature = "serde", serde(rename = "@context"))]
    pub context: String,
    /// Always `LiveBlogPosting`.
    #[cfg_attr(feature = "serde", serde(rename = "@type"))]
    pub kind: String,
    /// One posting per entry, newest first.
    #[cfg_attr(feature = "serde", serde(rename = "liveBlogUpdate"))]
    pub live_blog_update: Vec<BlogPosting>,
}

/// A schema.org [`BlogPosting`](https://schema.org/BlogPosting): one entry
/// as last seen.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct BlogPosting {
    /// Always `BlogPosting`.
    #[cfg_attr(feature = "serde", serde(rename = "@type"))]
    pub kind: String,
    /// The headline as written.
    pub headline: String,
    /// The body's texts (captions aside), one blank line apart.
    #[cfg_attr(feature = "serde", serde(rename = "articleBody"))]
    pub article_body: String,
    /// The images, from the captions.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub image: Vec<ImageObject>,
    /// The person in the byline.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub author: Option<Author>,
    /// The section or region in the byline.
    #[cfg_attr(
        feature = "serde",
        serde(
            rename = "articleSection",
            default,
            skip_serializing_if = "Option::is_none"
        )
    )]
    pub article_section: Option<String>,
    /// How many distinct versions of the update the snapshots showed.
    pub version: usize,
    /// `Removed` when the update was taken down; absent otherwise.
    #[cfg_attr(
        feature = "serde",
        serde(
            rename = "creativeWorkStatus",
            default,
            skip_serializing_if = "Option::is_none"
        )
    )]
    pub creative_work_status: Option<String>,
}

/// A schema.org [`ImageObject`](https://schema.org/ImageObject) from a
/// caption.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ImageObject {
    /// Always `ImageObject`.
    #[cfg_attr(feature = "serde", serde(rename = "@type"))]
    pub kind: String,
    /// The caption's description (its whole line when the description is
    /// empty).
    pub caption: String,
    /// The credit's source.
    #[cfg_attr(
        feature = "serde",
        serde(
            rename = "creditText",
            default,
            skip_serializing_if = "Option::is_none"
        )
    )]
    pub credit_text: Option<String>,
    /// The image's alt text.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub description: Option<String>,
}

/// A schema.org [`Person`](https://schema.org/Person) from a byline.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Author {
    /// Always `Person`.
    #[cfg_attr(feature = "serde", serde(rename = "@type"))]
    pub kind: String,
    /// The name.
    pub name: String,
    /// The role after a colon (`Weather Presenter`).
    #[cfg_attr(
        feature = "serde",
        serde(rename = "jobTitle", default, skip_serializing_if = "Option::is_none")
    )]
    pub job_title: Option<String>,
    /// The outlet after a comma.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub affiliation: Option<String>,
    /// The social handle.
    #[cfg_attr(
        feature = "serde",
        serde(
            rename = "alternateName",
            default,
            skip_serializing_if = "Option::is_none"
        )
    )]
    pub alternate_name: Option<String>,
}

impl Timeline {
    /// The timeline as a schema.org `LiveBlogPosting`.
    ///
    /// ```
    /// use liveupdates::merge::Timeline;
    /// let posting = Timeline::default().to_jsonld();
    /// assert_eq!(posting.kind, "LiveBlogPosting");
    /// assert!(posting.live_blog_update.is_empty());
    /// ```
    pub fn to_jsonld(&self) -> LiveBlogPosting {
        LiveBlogPosting {
            context: "https://schema.org".to_owned(),
            kind: "LiveBlogPosting".to_owned(),
            live_blog_update: self
                .entries
                .iter()
                .map(|entry| {
                    let mut posting = posting(entry.update());
                    posting.version = entry.revisions.len();
                    if let Status::Removed { .. } = entry.status {
                        posting.creative_work_status = Some("Removed".to_owned());
                    }
                    posting
                })
                .collect(),
        }
    }
}

/// One update as a `BlogPosting` (version 1, present).
fn posting(update: &Update<'_>) -> BlogPosting {
    let mut body: Vec<String> = Vec::new();
    let mut image = Vec::new();
    for block in &update.blocks {
        if let Block::Caption(c) = block {
            let caption = if c.description.trim().is_empty() {
                c.text.to_string()
            } else {
                c.description.to_string()
            };
            image.push(ImageObject {
                kind: "ImageObject".to_owned(),
                caption,
                credit_text: c.credit.as_ref().map(|cr| cr.source.to_string()),
                description: c.alt.as_ref().map(|a| a.to_string()),
            });
        } else {
            block_texts(block, &mut |t| body.push(t.to_owned()));
        }
    }
    let (author, article_section) = match update.byline.as_ref().map(|b| &b.kind) {
        Some(BylineKind::Person(p)) => (
            Some(Author {
                kind: "Person".to_owned(),
                name: p.name.to_string(),
                job_title: p.role.as_ref().map(|r| r.to_string()),
                affiliation: p.outlet.as_ref().map(|o| o.to_string()),
                alternate_name: p.handle.as_ref().map(|h| h.to_string()),
            }),
            None,
        ),
        Some(BylineKind::Section(s)) => (None, Some(s.to_string())),
        _ => (None, None),
    };
    BlogPosting {
        kind: "BlogPosting".to_owned(),
        headline: update.headline.text.to_string(),
        article_body: body.join("\n\n"),
        image,
        author,
        article_section,
        version: 1,
        creative_work_status: None,
    }
}
