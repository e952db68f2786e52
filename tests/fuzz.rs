//! A time-boxed fuzzer for every response parser, the transcript reader, the
//! request builder and provider detection (`cargo fuzz` needs a nightly
//! toolchain these machines cannot fetch). It draws inputs from the same
//! proptest strategies as the property tests in `robustness.rs`
//! (`common/gen.rs`), for as long as it is given, from a seed. Each input is
//! generated before it is checked, so a panic saves the very input that
//! caused it under `out/fuzz/` and fails the run.
//!
//! Not part of `make test`; run `scripts/fuzz.sh [seconds per target] [seed]`.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

#[path = "common/gen.rs"]
mod gen;

use std::fmt::Debug;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

fn seed() -> u64 {
    std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED)
}

fn seconds() -> u64 {
    std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10)
}

/// Where a failing input is saved.
fn save(name: &str, n: u64, input: &str) -> String {
    std::fs::create_dir_all("out/fuzz").unwrap();
    let path = format!("out/fuzz/crash-{name}-{n}.txt");
    std::fs::write(&path, input).unwrap();
    path
}

/// Draws inputs from `strategy` and runs `check` on each until `seconds`
/// pass; returns the number of executions. A panic saves the input (as
/// `show` writes it) and fails.
fn run<S: Strategy>(
    name: &str,
    seconds: u64,
    strategy: S,
    show: impl Fn(&S::Value) -> String,
    check: impl Fn(&S::Value),
) -> u64
where
    S::Value: Debug,
{
    let mut seed_bytes = [0u8; 32];
    seed_bytes[..8].copy_from_slice(&seed().to_le_bytes());
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut n = 0u64;
    std::panic::set_hook(Box::new(|_| {}));
    while Instant::now() < deadline {
        for _ in 0..64 {
            let Ok(tree) = strategy.new_tree(&mut runner) else {
                continue;
            };
            let input = tree.current();
            n += 1;
            if catch_unwind(AssertUnwindSafe(|| check(&input))).is_err() {
                let _ = std::panic::take_hook();
                let path = save(name, n, &show(&input));
                panic!("{name}: a panic after {n} executions; input saved to {path}");
            }
        }
    }
    let _ = std::panic::take_hook();
    println!("fuzz {name}: {n} executions in {seconds} s, no panic");
    n
}

#[test]
#[ignore = "long-running; scripts/fuzz.sh"]
fn fuzz_parsers() {
    run(
        "parsers",
        seconds(),
        gen::arb_body(),
        Clone::clone,
        |body| gen::check_body(body),
    );
}

#[test]
#[ignore = "long-running; scripts/fuzz.sh"]
fn fuzz_transcript_reader() {
    run(
        "transcript-reader",
        seconds(),
        gen::arb_transcript(),
        |(value, start, needle, position)| {
            format!("{value}\nstart: {start:?}\nneedle: {needle:?}\nposition: {position}")
        },
        gen::check_transcript,
    );
}

#[test]
#[ignore = "long-running; scripts/fuzz.sh"]
fn fuzz_request_builder() {
    run(
        "request-builder",
        seconds(),
        gen::arb_query(),
        |q| format!("{q:#?}"),
        gen::check_query,
    );
}

/// The harness itself: a check that panics on some inputs is caught, and
/// the input that made it panic is what gets saved.
#[test]
fn a_panic_saves_the_input_that_caused_it() {
    let outcome = catch_unwind(|| {
        run(
            "self-test",
            5,
            proptest::num::u32::ANY,
            |n| n.to_string(),
            |n| assert!(n % 7 != 3, "found {n}"),
        )
    });
    assert!(outcome.is_err(), "the planted panic was found");
    let saved: Vec<_> = std::fs::read_dir("out/fuzz")
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("crash-self-test-")
        })
        .collect();
    assert!(!saved.is_empty());
    for entry in saved {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let n: u32 = text.parse().expect("the saved input, not an empty file");
        assert_eq!(n % 7, 3, "the saved input is the one that panicked");
        std::fs::remove_file(entry.path()).unwrap();
    }
}
