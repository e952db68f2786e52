//! `--provider auto` (the body alone) on every provider answer the project
//! holds: the providers' own published examples in `tests/fixtures` (their
//! API definitions, SDK test fixtures, API references and the seeds'
//! examples) and what the dev server's mock answers, lists and details.
//! Each must be recognised as its own provider, and read.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use std::path::Path;

use callboard::core::{Provider, Query};
use callboard_server::cli::{run, Command, Kind};
use callboard_server::mock::{router, AppState};

mod common;
use common::send;

/// What `callboard-server normalize --provider auto --kind <kind>` says of
/// `body`: the provider it recognised, or its message.
fn auto(kind: Kind, body: &str) -> Result<Provider, String> {
    let command = Command::Normalize {
        provider: "auto".into(),
        kind,
        status: None,
        retry_after: None,
        query: None,
    };
    let out = run(command, &mut body.as_bytes()).map_err(|e| e.to_string())?;
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    Ok(v["provider"].as_str().unwrap().parse().unwrap())
}

/// The provider and kind of a fixture file, by where it is: a provider's
/// folder (`retell/list.json`) or a definition's example named for its
/// provider (`spec/retell-v3-list-phone.json`). Error answers and
/// recording links are not calls (`None`).
fn fixture_case(path: &Path) -> Option<(Provider, Kind)> {
    let name = path.file_stem()?.to_str()?;
    if name.starts_with("error") || name == "recording_link" {
        return None;
    }
    let folder = path.parent()?.file_name()?.to_str()?;
    let provider = if folder == "spec" {
        name.split('-').next()?
    } else {
        folder
    };
    let kind = if name.contains("list") {
        Kind::List
    } else {
        Kind::Detail
    };
    Some((provider.parse().ok()?, kind))
}

#[test]
fn every_published_example_is_recognised_as_its_own_provider() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let mut seen = Vec::new();
    let mut wrong = Vec::new();
    for folder in std::fs::read_dir(&root).unwrap() {
        let folder = folder.unwrap().path();
        if !folder.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&folder).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let Some((want, kind)) = fixture_case(&path) else {
                continue;
            };
            let body = std::fs::read_to_string(&path).unwrap();
            let name = path.strip_prefix(&root).unwrap().display().to_string();
            match auto(kind, &body) {
                Ok(got) if got == want => seen.push((want, name)),
                got => wrong.push(format!("{name}: {got:?}, not {want}")),
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    for p in Provider::ALL {
        assert!(
            seen.iter().any(|(q, _)| *q == p),
            "no published example of {p} was walked: {seen:?}"
        );
    }
    // Retell's definition publishes a web call and a phone call (with its
    // `telephony_identifier`), each as a detail and inside a v3 list.
    for name in [
        "spec/retell-get-call.json",
        "spec/retell-get-call-phone.json",
        "spec/retell-v3-list.json",
        "spec/retell-v3-list-phone.json",
    ] {
        assert!(seen.iter().any(|(_, n)| n == name), "{name} not walked");
    }
}

#[tokio::test]
async fn every_mock_answer_is_recognised_as_its_own_provider() {
    let state = AppState::new(120, 7);
    let app = router(state.clone());
    let mut wrong = Vec::new();
    for p in Provider::ALL {
        // A few pages, so calls of every kind (web and phone, each status)
        // come through, and a one-call page, the way `auto` probes.
        for (page, page_size) in [(1, 1), (1, 25), (2, 25), (3, 25)] {
            let q = Query {
                page,
                page_size,
                ..Query::default()
            };
            let reply = send(&app, p, &p.list_request(&q).unwrap()).await;
            assert_eq!(reply.status, 200, "{p}: {}", reply.body);
            match auto(Kind::List, &reply.body) {
                Ok(got) if got == p => {}
                got => wrong.push(format!("{p} list page {page}: {got:?}")),
            }
        }
        for d in &state.data().view(p).calls {
            let reply = send(&app, p, &p.detail_request(&d.call.id).unwrap()).await;
            assert_eq!(reply.status, 200, "{p}: {}", reply.body);
            match auto(Kind::Detail, &reply.body) {
                Ok(got) if got == p => {}
                got => wrong.push(format!("{p} detail {}: {got:?}", d.call.id)),
            }
        }
    }
    assert!(wrong.is_empty(), "{} of them: {wrong:#?}", wrong.len());
}
