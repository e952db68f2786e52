//! The widget's own words: every text it shows or announces is a message
//! of the catalogs in `locales/` (Fluent's syntax), from which `build.rs`
//! generates a constant per message (its English built in) and a table
//! per other language. Provider data (names, summaries, transcripts) is
//! never a message.
//!
//! Which language a widget speaks is [`Lang::resolve`]d from what the host
//! says; its [`Words`] then give each message's text. A message's text is
//! filled with values as text ([`fill`]); it is never markup.

/// A message: its place in the tables and its English.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Msg {
    id: u16,
    en: &'static str,
}

impl Msg {
    /// Message `id` (its index among the catalogs' texts).
    pub const fn new(id: u16, en: &'static str) -> Self {
        Self { id, en }
    }

    /// Its English.
    pub const fn en(self) -> &'static str {
        self.en
    }
}

/// A message chosen by a count (`{n}` is the count as shown).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plural {
    id: u16,
    one: &'static str,
    other: &'static str,
}

impl Plural {
    /// Plural `id` (its index among the catalogs' plurals) and its English
    /// forms.
    pub const fn new(id: u16, one: &'static str, other: &'static str) -> Self {
        Self { id, one, other }
    }
}

/// A language's words, in the order of the English messages: the texts,
/// then each plural's forms by [`CATEGORIES`] (empty where the language
/// has none), one after another in one string.
#[derive(Debug)]
pub struct Table {
    /// Every text and form, one after another.
    pub text: &'static str,
    /// Where each ends in `text` (each starts where the one before ends).
    pub ends: &'static [u16],
}

impl Table {
    /// Text or form `i`.
    fn get(&self, i: usize) -> Option<&'static str> {
        let text: &'static str = self.text;
        let start = match i.checked_sub(1) {
            Some(before) => *self.ends.get(before)?,
            None => 0,
        };
        text.get(usize::from(start)..usize::from(*self.ends.get(i)?))
    }
}

/// The plural categories (CLDR's, as `Intl.PluralRules` names them), in
/// the order of each plural's forms in a [`Table`].
pub const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

include!(concat!(env!("OUT_DIR"), "/words.rs"));

/// The languages the widget speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English, built in.
    #[default]
    En,
    /// Spanish.
    Es,
    /// Brazilian Portuguese.
    PtBr,
    /// French.
    Fr,
    /// German.
    De,
    /// The pseudo-locale the tests use: English accented, longer and
    /// bracketed.
    EnXa,
}

impl Lang {
    /// Every language.
    pub const ALL: [Self; 6] = [
        Self::En,
        Self::Es,
        Self::PtBr,
        Self::Fr,
        Self::De,
        Self::EnXa,
    ];

    /// Its BCP 47 tag (also the catalog's name).
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Es => "es",
            Self::PtBr => "pt-BR",
            Self::Fr => "fr",
            Self::De => "de",
            Self::EnXa => "en-XA",
        }
    }

    /// Its table (`None` for English, which is built into the messages).
    /// The widget takes a table from the chunk of its language instead
    /// (one call of this links every language in).
    pub fn table(self) -> Option<&'static Table> {
        match self {
            Self::En => None,
            Self::Es => Some(&ES),
            Self::PtBr => Some(&PT_BR),
            Self::Fr => Some(&FR),
            Self::De => Some(&DE),
            Self::EnXa => Some(&EN_XA),
        }
    }

    /// The language for a BCP 47 tag: the tag's language with its region
    /// where that matters (`pt` and any `pt-*` is Brazilian Portuguese,
    /// `es-MX` Spanish), English for a well-formed tag of a language the
    /// widget does not speak; `None` for a malformed one (`"?"`, `""`).
    pub fn of_tag(tag: &str) -> Option<Self> {
        let mut parts = tag.trim().as_bytes().split(|b| matches!(b, b'-' | b'_'));
        let language = parts.next()?;
        let (mut subtags, mut region) = (0, None);
        let rest_well_formed = parts.all(|p| {
            subtags += 1;
            region = region.or(Some(p));
            (1..=8).contains(&p.len()) && p.iter().all(u8::is_ascii_alphanumeric)
        });
        if !(rest_well_formed
            && (2..=8).contains(&language.len())
            && language.iter().all(u8::is_ascii_alphabetic))
        {
            return None;
        }
        let is = |part: &[u8], name: &str| part.eq_ignore_ascii_case(name.as_bytes());
        Some(match language {
            l if is(l, "es") => Self::Es,
            l if is(l, "pt") => Self::PtBr,
            l if is(l, "fr") => Self::Fr,
            l if is(l, "de") => Self::De,
            l if is(l, "en") && subtags == 1 && region.is_some_and(|r| is(r, "xa")) => Self::EnXa,
            _ => Self::En,
        })
    }

    /// The language to speak: the first of the host's `said` tags that is
    /// well formed (the `locale` option, then the nearest `lang`
    /// attribute), or else the first of the browser's `preferred`
    /// languages the widget speaks; English when none is.
    pub fn resolve<'a>(
        said: impl IntoIterator<Item = Option<&'a str>>,
        preferred: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        said.into_iter()
            .flatten()
            .find_map(Self::of_tag)
            .or_else(|| {
                preferred
                    .into_iter()
                    .filter_map(Self::of_tag)
                    .find(|l| *l != Self::En)
            })
            .unwrap_or_default()
    }
}

/// The words of one language.
#[derive(Clone, Copy, Debug, Default)]
pub struct Words {
    lang: Lang,
    table: Option<&'static Table>,
}

impl PartialEq for Words {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
    }
}

impl Words {
    /// English.
    pub const ENGLISH: Self = Self {
        lang: Lang::En,
        table: None,
    };

    /// The words of `lang`, from its `table` (`None` for English).
    pub fn new(lang: Lang, table: Option<&'static Table>) -> Self {
        Self { lang, table }
    }

    /// The words of `lang`.
    pub fn of(lang: Lang) -> Self {
        Self::new(lang, lang.table())
    }

    /// The language.
    pub fn lang(self) -> Lang {
        self.lang
    }

    /// A message's text.
    #[inline(never)]
    pub fn text(self, m: Msg) -> &'static str {
        self.table
            .and_then(|t| t.get(usize::from(m.id)))
            .unwrap_or(m.en)
    }

    /// A plural's form for the plural `category` of its count (what
    /// `Intl.PluralRules` says: `one`, `few`, `other`, …); the `other`
    /// form where the language has none for it.
    #[inline(never)]
    pub fn plural(self, p: Plural, category: &str) -> &'static str {
        let Some(table) = self.table else {
            return if category == "one" { p.one } else { p.other };
        };
        let other = CATEGORIES.len() - 1;
        let form = |c: usize| {
            table
                .get(TEXTS + usize::from(p.id) * CATEGORIES.len() + c)
                .filter(|f| !f.is_empty())
        };
        let category = CATEGORIES.iter().position(|c| *c == category);
        form(category.unwrap_or(other))
            .or_else(|| form(other))
            .unwrap_or(p.other)
    }
}

/// `template` with each `{name}` replaced by its value (as text; a
/// placeholder without a value is left as written).
#[inline(never)]
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let value = after.find('}').and_then(|end| {
            let name = &after[1..end];
            values
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v, end))
        });
        match value {
            Some((v, end)) => {
                out.push_str(v);
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A label that is one of our messages, or the provider's own word (a
/// field name humanized, an acronym), shown as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Label {
    /// A message.
    Said(Msg),
    /// The provider's word.
    Own(String),
}

impl Label {
    /// Whether it is the provider's own word (not ours to translate).
    pub fn is_own(&self) -> bool {
        matches!(self, Self::Own(_))
    }

    /// In `w`.
    pub fn say(&self, w: Words) -> &str {
        match self {
            Self::Said(m) => w.text(*m),
            Self::Own(s) => s,
        }
    }
}

impl From<Msg> for Label {
    fn from(m: Msg) -> Self {
        Self::Said(m)
    }
}

impl From<String> for Label {
    fn from(s: String) -> Self {
        Self::Own(s)
    }
}

impl From<&str> for Label {
    fn from(s: &str) -> Self {
        Self::Own(s.to_owned())
    }
}

/// In English (the server's JSON reads messages so).
#[cfg(feature = "serde")]
impl serde::Serialize for Msg {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.en)
    }
}

/// In English (the server's JSON and the tests read labels so).
#[cfg(feature = "serde")]
impl serde::Serialize for Label {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.say(Words::ENGLISH))
    }
}

/// A message with its values, made where the words are not known yet (an
/// error's description, say) and put into words where it is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    /// The message.
    pub msg: Msg,
    /// Its values, by placeholder.
    pub values: Vec<(&'static str, String)>,
}

impl Text {
    /// A message without values.
    pub fn of(msg: Msg) -> Self {
        Self {
            msg,
            values: Vec::new(),
        }
    }

    /// A message with one value.
    pub fn with(msg: Msg, name: &'static str, value: impl Into<String>) -> Self {
        Self {
            msg,
            values: vec![(name, value.into())],
        }
    }

    /// In `words`.
    pub fn say(&self, words: Words) -> String {
        let values: Vec<(&str, &str)> = self.values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        fill(words.text(self.msg), &values)
    }
}

impl std::fmt::Display for Text {
    /// In English.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.say(Words::ENGLISH))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_fall_back_to_their_language_then_english() {
        assert_eq!(Lang::of_tag("es-MX"), Some(Lang::Es));
        assert_eq!(Lang::of_tag("ES_ar"), Some(Lang::Es));
        assert_eq!(Lang::of_tag("pt"), Some(Lang::PtBr));
        assert_eq!(Lang::of_tag("pt-PT"), Some(Lang::PtBr));
        assert_eq!(Lang::of_tag("de-CH"), Some(Lang::De));
        assert_eq!(Lang::of_tag("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::of_tag("en-XA"), Some(Lang::EnXa));
        assert_eq!(Lang::of_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::of_tag("ja"), Some(Lang::En));
        assert_eq!(Lang::of_tag("zh-Hant-TW"), Some(Lang::En));
        for malformed in ["", " ", "?", "e", "es--MX", "español", "12", "es-MX!"] {
            assert_eq!(Lang::of_tag(malformed), None, "{malformed:?}");
        }
    }

    #[test]
    fn the_host_decides_before_the_browser() {
        let browser = ["de-DE", "en"];
        // The locale option first, then the nearest lang attribute.
        assert_eq!(Lang::resolve([Some("fr"), Some("es")], browser), Lang::Fr);
        assert_eq!(Lang::resolve([None, Some("es-MX")], browser), Lang::Es);
        // A malformed tag is passed over quietly.
        assert_eq!(Lang::resolve([Some("??"), Some("pt")], browser), Lang::PtBr);
        // A page in a language the widget does not speak gets English.
        assert_eq!(Lang::resolve([None, Some("ja")], browser), Lang::En);
        // Nothing said: the browser's first language the widget speaks.
        assert_eq!(Lang::resolve([None, None], browser), Lang::De);
        assert_eq!(Lang::resolve([None, Some("")], ["ja", "fr-BE"]), Lang::Fr);
        assert_eq!(Lang::resolve([None, None], ["ja", "x"]), Lang::En);
        assert_eq!(Lang::resolve([], []), Lang::En);
    }

    #[test]
    fn plurals_choose_by_category_and_fall_back_to_other() {
        let p = EXPORTED;
        assert_eq!(Words::ENGLISH.plural(p, "one"), "Exported {n} call");
        assert_eq!(Words::ENGLISH.plural(p, "other"), "Exported {n} calls");
        assert_eq!(Words::ENGLISH.plural(p, "few"), "Exported {n} calls");
        let fr = Words::of(Lang::Fr);
        assert_ne!(fr.plural(p, "one"), fr.plural(p, "other"));
        // French has a `many` form (a million calls) in the CLDR; a
        // category a catalog lacks reads as `other`.
        assert_eq!(fr.plural(p, "two"), fr.plural(p, "other"));
    }

    #[test]
    fn values_are_filled_as_text() {
        assert_eq!(
            fill("Page {n} of {total}", &[("n", "2"), ("total", "9")]),
            "Page 2 of 9"
        );
        assert_eq!(
            fill("Said {who}", &[("who", "<b>{n}</b>")]),
            "Said <b>{n}</b>",
            "a value is text, and is not filled again"
        );
        assert_eq!(fill("{missing} and {", &[]), "{missing} and {");
        assert_eq!(fill("{n}{n}", &[("n", "1")]), "11");
    }

    #[test]
    fn english_is_built_in_and_other_languages_are_tables() {
        assert_eq!(Words::ENGLISH.text(RETRY), "Retry");
        for lang in Lang::ALL.into_iter().skip(1) {
            let w = Words::of(lang);
            assert!(!w.text(RETRY).is_empty());
            assert_ne!(w.text(RETRY), "Retry", "{lang:?}");
        }
        assert!(Words::of(Lang::EnXa).text(RETRY).starts_with('['));
        let t = Text::with(EXPORT_STOPPED, "error", "Timed out");
        assert_eq!(t.to_string(), "Export stopped: Timed out");
    }
}
