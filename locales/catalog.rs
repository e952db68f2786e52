//! Reads one message catalog (`locales/<tag>.ftl`, Fluent's syntax) into
//! the widget's messages, and checks a translation against English.
//!
//! Shared by `build.rs` (which generates the tables the widget looks words
//! up in, and fails the build on a catalog these checks refuse) and by
//! `tests/catalog.rs` (which checks what only a person could get wrong:
//! a string left in English, an empty one).
//!
//! The subset of Fluent used: a message is text with `{ $name }`
//! placeholders, or a plural: one select expression on a number whose
//! variants are the language's plural categories (`zero`, `one`, `two`,
//! `few`, `many`, `other`; `other` the default). No terms, attributes or
//! functions. A message whose comment says `same as English on purpose`
//! may read as the English does.

use std::collections::BTreeSet;

use fluent_syntax::ast;

/// The plural categories of the Unicode CLDR, as `Intl.PluralRules`
/// names them.
pub const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// What a comment says of a message that may read as in English.
const SAME_ON_PURPOSE: &str = "same as english on purpose";

/// One message's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Forms {
    /// Text, its placeholders written `{name}`.
    Text(String),
    /// Text chosen by a count (`{n}` in each form is the count).
    Plural {
        /// The variable the count comes in.
        selector: String,
        /// `(category, text)`, in the catalog's order.
        variants: Vec<(String, String)>,
    },
}

impl Forms {
    /// Each form's text.
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Self::Text(t) => vec![t.as_str()],
            Self::Plural { variants, .. } => variants.iter().map(|(_, t)| t.as_str()).collect(),
        }
    }

    /// The placeholders of all forms (a plural's selector among them).
    pub fn placeholders(&self) -> BTreeSet<String> {
        let mut names: BTreeSet<String> = self.texts().into_iter().flat_map(placeholders).collect();
        if let Self::Plural { selector, .. } = self {
            names.insert(selector.clone());
        }
        names
    }
}

/// One message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// Its id (`loading-calls`).
    pub id: String,
    /// Its words.
    pub forms: Forms,
    /// Whether its comment allows it to read as in English.
    pub same_on_purpose: bool,
    /// Its comment (what it is for, for translators).
    pub comment: String,
}

/// The `{name}` placeholders of a text.
pub fn placeholders(text: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        names.insert(rest[start + 1..start + len].to_owned());
        rest = &rest[start + len + 1..];
    }
    names
}

/// Reads a catalog: its messages in order, or what is wrong with it.
pub fn parse(source: &str) -> Result<Vec<Message>, String> {
    let resource = fluent_syntax::parser::parse(source).map_err(|(_, errors)| {
        let lines: Vec<String> = errors
            .iter()
            .map(|e| {
                let line = source[..e.pos.start.min(source.len())].lines().count();
                format!("line {line}: {:?}", e.kind)
            })
            .collect();
        lines.join("; ")
    })?;
    let mut messages = Vec::new();
    let mut seen = BTreeSet::new();
    for entry in resource.body {
        let message = match entry {
            ast::Entry::Message(m) => m,
            ast::Entry::Term(t) => return Err(format!("-{}: terms are not used", t.id.name)),
            ast::Entry::Junk { content } => return Err(format!("cannot read: {content}")),
            _ => continue,
        };
        let id = message.id.name.to_owned();
        if !message.attributes.is_empty() {
            return Err(format!("{id}: attributes are not used"));
        }
        let Some(value) = message.value else {
            return Err(format!("{id}: no text"));
        };
        let forms = forms(&value).map_err(|e| format!("{id}: {e}"))?;
        if !seen.insert(id.clone()) {
            return Err(format!("{id}: given twice"));
        }
        let comment = message
            .comment
            .map(|c| c.content.join("\n"))
            .unwrap_or_default();
        messages.push(Message {
            same_on_purpose: comment.to_lowercase().contains(SAME_ON_PURPOSE),
            id,
            forms,
            comment,
        });
    }
    Ok(messages)
}

/// A message's value as text or a plural.
fn forms(pattern: &ast::Pattern<&str>) -> Result<Forms, String> {
    if let [ast::PatternElement::Placeable {
        expression: ast::Expression::Select { selector, variants },
    }] = pattern.elements.as_slice()
    {
        let ast::InlineExpression::VariableReference { id } = selector else {
            return Err("a plural chooses by a variable".into());
        };
        let mut forms = Vec::new();
        let mut default = None;
        for v in variants {
            let ast::VariantKey::Identifier { name } = v.key else {
                return Err("a plural's variants are plural categories".into());
            };
            if !CATEGORIES.contains(&name) {
                return Err(format!("[{name}] is not a plural category"));
            }
            if v.default {
                default = Some(name);
            }
            forms.push((name.to_owned(), text(&v.value)?));
        }
        if default != Some("other") {
            return Err("a plural's default variant is *[other]".into());
        }
        return Ok(Forms::Plural {
            selector: id.name.to_owned(),
            variants: forms,
        });
    }
    text(pattern).map(Forms::Text)
}

/// A pattern without selects as text, placeholders written `{name}`.
fn text(pattern: &ast::Pattern<&str>) -> Result<String, String> {
    let mut out = String::new();
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => out.push_str(value),
            ast::PatternElement::Placeable {
                expression: ast::Expression::Inline(inline),
            } => match inline {
                ast::InlineExpression::VariableReference { id } => {
                    out.push('{');
                    out.push_str(id.name);
                    out.push('}');
                }
                ast::InlineExpression::StringLiteral { value } => match *value {
                    "{" | "}" => return Err("braces cannot be written in text".into()),
                    v => out.push_str(v),
                },
                _ => return Err("only { $variable } placeholders are used".into()),
            },
            ast::PatternElement::Placeable { .. } => {
                return Err("a choice is the whole message (a plural)".into())
            }
        }
    }
    Ok(out)
}

/// What is wrong with a translation, measured against English: a message
/// missing, one English lacks, a text where English has a plural or the
/// other way, other placeholders, a plural without the count. Empty when
/// nothing is.
pub fn mismatches(english: &[Message], other: &[Message]) -> Vec<String> {
    let mut problems = Vec::new();
    for en in english {
        let Some(tr) = other.iter().find(|m| m.id == en.id) else {
            problems.push(format!("{}: missing", en.id));
            continue;
        };
        match (&en.forms, &tr.forms) {
            (Forms::Text(_), Forms::Plural { .. }) | (Forms::Plural { .. }, Forms::Text(_)) => {
                problems.push(format!("{}: a plural in one language only", en.id));
            }
            _ => {}
        }
        if en.forms.placeholders() != tr.forms.placeholders() {
            problems.push(format!(
                "{}: placeholders {:?}, English has {:?}",
                en.id,
                tr.forms.placeholders(),
                en.forms.placeholders()
            ));
        }
    }
    for tr in other {
        if !english.iter().any(|m| m.id == tr.id) {
            problems.push(format!("{}: not an English message", tr.id));
        }
    }
    problems
}
