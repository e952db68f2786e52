//! The message catalogs (`locales/*.ftl`) as a translator leaves them:
//! every language has every English message with the same placeholders
//! and plural variable (`build.rs` refuses to build otherwise; checked
//! here again from the files), and no message is empty or reads as in
//! English unless its comment says it does on purpose.

// (Read natively: fluent-syntax is a native dev-dependency.)
#![cfg(not(target_arch = "wasm32"))]

#[path = "../locales/catalog.rs"]
mod catalog;

use catalog::{Forms, Message};

const LANGUAGES: [&str; 4] = ["es", "pt-BR", "fr", "de"];

fn read(tag: &str) -> Vec<Message> {
    let path = format!("{}/locales/{tag}.ftl", env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"));
    let messages = source.and_then(|s| catalog::parse(&s).map_err(|e| format!("{path}: {e}")));
    assert!(messages.is_ok(), "{messages:?}");
    messages.unwrap_or_default()
}

#[test]
fn every_language_has_every_message_with_its_placeholders() {
    let english = read("en");
    assert!(english.len() > 100, "the English catalog is read whole");
    for tag in LANGUAGES {
        let problems = catalog::mismatches(&english, &read(tag));
        assert!(problems.is_empty(), "{tag}: {problems:#?}");
    }
}

#[test]
fn no_message_is_empty_or_left_in_english() {
    let english = read("en");
    for tag in LANGUAGES {
        let mut problems = Vec::new();
        for m in read(tag) {
            let texts = m.forms.texts();
            if texts.iter().any(|t| t.trim().is_empty()) {
                problems.push(format!("{}: empty", m.id));
            }
            let en = english
                .iter()
                .find(|e| e.id == m.id)
                .expect("checked above");
            if en.forms == m.forms && !m.same_on_purpose {
                problems.push(format!(
                    "{}: reads as in English ({:?}); translate it, or say \
                     `# Same as English on purpose.` above it",
                    m.id,
                    texts.first().copied().unwrap_or_default()
                ));
            }
        }
        assert!(problems.is_empty(), "{tag}: {problems:#?}");
    }
}

#[test]
fn plurals_give_the_languages_categories_and_default_to_other() {
    // The CLDR categories each language's `Intl.PluralRules` gives for
    // the counts a widget shows (0, 1, 2, 5, 1,000,000).
    let categories: [(&str, &[&str]); 5] = [
        ("en", &["one", "other"]),
        ("es", &["one", "many", "other"]),
        ("pt-BR", &["one", "many", "other"]),
        ("fr", &["one", "many", "other"]),
        ("de", &["one", "other"]),
    ];
    for (tag, allowed) in categories {
        for m in read(tag) {
            if let Forms::Plural { variants, .. } = &m.forms {
                for (category, _) in variants {
                    assert!(
                        allowed.contains(&category.as_str()),
                        "{tag}: {}: [{category}] is not a category of the language",
                        m.id
                    );
                }
                assert!(
                    variants.iter().any(|(c, _)| c == "one"),
                    "{tag}: {}: no [one]",
                    m.id
                );
            }
        }
    }
}

#[test]
fn the_checks_refuse_what_they_should() {
    let english =
        catalog::parse("a = A { $n }\nb = { $n ->\n    [one] one\n   *[other] { $n }\n}\n")
            .expect("reads");
    let missing = catalog::parse("a = X { $n }\n").expect("reads");
    assert_eq!(catalog::mismatches(&english, &missing), ["b: missing"]);
    let renamed =
        catalog::parse("a = X { $m }\nb = { $n ->\n   *[other] { $n }\n}\n").expect("reads");
    assert_eq!(catalog::mismatches(&english, &renamed).len(), 1);
    let extra =
        catalog::parse("a = X { $n }\nb = { $n ->\n   *[other] x\n}\nc = C\n").expect("reads");
    assert_eq!(
        catalog::mismatches(&english, &extra),
        ["c: not an English message"]
    );
    assert!(
        catalog::parse("p = { $n ->\n    [one] x\n    [few] y\n}\n").is_err(),
        "no default"
    );
    assert!(
        catalog::parse("p = { $n ->\n    [1] x\n   *[other] y\n}\n").is_err(),
        "not a category"
    );
    assert!(catalog::parse("t = Hi { -brand }\n").is_err(), "terms");
    assert!(catalog::parse("t = \n").is_err(), "no text");
}
