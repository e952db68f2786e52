//! The size rule clippy cannot see: event listeners are written in
//! `view!` (`on:click=…`), where a listener of a closure type of its own
//! compiles its own copy of the code that attaches and runs it. The
//! listeners of an event kind used in more than one place go through
//! `ui::boxed::handler` (one copy per kind); a kind listened to in one
//! place only may take its closure as it is. The other size rules are in
//! `clippy.toml` (docs/performance.md, "The size rules").
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::indexing_slicing, missing_docs)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One `on:kind=` in the source: where, and whether it is boxed.
struct Listener {
    place: String,
    boxed: bool,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `on:kind=` listener in `source`, by kind (`file` names it).
fn listeners(file: &str, source: &str, out: &mut BTreeMap<String, Vec<Listener>>) {
    for (n, line) in source.lines().enumerate() {
        // Comments and docs may name a listener (`on:click=…`).
        if line.trim_start().starts_with("//") {
            continue;
        }
        let mut rest = line;
        while let Some(at) = rest.find("on:") {
            let after = &rest[at + 3..];
            let kind: String = after
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            let tail = &after[kind.len()..];
            let starts_word = at == 0 || !rest[..at].ends_with(|c: char| c.is_alphanumeric());
            if starts_word && !kind.is_empty() && tail.starts_with('=') {
                out.entry(kind).or_default().push(Listener {
                    place: format!("{file}:{}", n + 1),
                    boxed: tail[1..].trim_start().starts_with("handler("),
                });
            }
            rest = tail;
        }
    }
}

/// The listeners that break the rule, as "kind at place" lines.
fn unboxed_shared(all: &BTreeMap<String, Vec<Listener>>) -> Vec<String> {
    all.iter()
        .filter(|(_, places)| places.len() > 1)
        .flat_map(|(kind, places)| {
            places
                .iter()
                .filter(|l| !l.boxed)
                .map(move |l| format!("on:{kind} at {} is not boxed", l.place))
        })
        .collect()
}

#[test]
fn listeners_of_shared_event_kinds_are_boxed() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut all = BTreeMap::new();
    for file in &files {
        let name = file.strip_prefix(&root).unwrap().display().to_string();
        listeners(&name, &std::fs::read_to_string(file).unwrap(), &mut all);
    }
    assert!(
        all.get("click").is_some_and(|c| c.len() > 10),
        "the listeners were not found"
    );
    let broken = unboxed_shared(&all);
    assert!(
        broken.is_empty(),
        "listeners of an event kind used in more than one place go through \
         ui::boxed::handler (docs/performance.md, \"The size rules\"):\n{}",
        broken.join("\n")
    );
}

#[test]
fn the_check_finds_an_unboxed_shared_listener() {
    let mut all = BTreeMap::new();
    listeners(
        "a.rs",
        "<b on:click=handler(move |_| go()) on:scroll=move |_| s()>\n<i on:click=move |_| x() />",
        &mut all,
    );
    listeners(
        "b.rs",
        "/// a comment's `on:input=` is no listener\nbutton:active on:input=handler(f)",
        &mut all,
    );
    assert_eq!(all["click"].len(), 2);
    assert_eq!(all["scroll"].len(), 1);
    assert_eq!(all["input"].len(), 1, "the comment's is not counted");
    assert_eq!(unboxed_shared(&all), ["on:click at a.rs:2 is not boxed"]);
}
