//! A small driver for profilers (callgrind, perf): runs one Warden measurement in a loop so
//! the profile shows where the time of that path goes, without criterion's machinery.
//!
//! `cargo build --release -p warden-bench --example profile`, then e.g.
//! `valgrind --tool=callgrind target/release/examples/profile decide 20`.
//! Modes: `decide` (pre-built contexts), `build` (context build + decide), `compile`, and
//! `slowest`: every request decided `rounds` × 50 times round-robin keeping its *minimum*
//! (robust on a loaded machine), then the per-category medians of those minima and the 10
//! slowest requests are printed.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

use warden_bench::warden::{self, WardenEngine};
use warden_bench::workload::Workload;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_else(|| "decide".to_owned());
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(20);
    let workload = match Workload::load() {
        Ok(w) => w,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let engine = match WardenEngine::new(&workload) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let prepared = warden::prepare(&workload);
    if mode == "slowest" {
        slowest(&workload, &engine, &prepared, rounds);
        return ExitCode::SUCCESS;
    }
    for _ in 0..rounds {
        match mode.as_str() {
            "decide" => {
                for p in &prepared {
                    black_box(engine.decide_prepared(black_box(p)));
                }
            }
            "build" => {
                for r in &workload.requests {
                    black_box(engine.build_and_decide(black_box(r)));
                }
            }
            "compile" => {
                black_box(warden::compile(engine.principal(), engine.documents()));
            }
            other => {
                eprintln!("unknown mode {other} (decide | build | compile)");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

fn slowest(
    workload: &Workload,
    engine: &WardenEngine,
    prepared: &[warden::PreparedRequest<'_>],
    rounds: usize,
) {
    // Round-robin over the requests (not request by request), so a load change on the
    // machine hits every request alike; keep each request's minimum.
    let mut best = vec![u128::MAX; prepared.len()];
    for _ in 0..rounds * 50 {
        for (p, slot) in prepared.iter().zip(best.iter_mut()) {
            let start = Instant::now();
            black_box(engine.decide_prepared(black_box(p)));
            *slot = (*slot).min(start.elapsed().as_nanos());
        }
    }
    let mut minima: Vec<(u128, usize)> =
        best.into_iter().enumerate().map(|(i, t)| (t, i)).collect();
    let mut categories: Vec<&str> = workload
        .requests
        .iter()
        .map(|r| r.category.as_str())
        .collect();
    categories.sort_unstable();
    categories.dedup();
    println!("minimum ns per decision (incl. ~20 ns timer), median over each category:");
    for category in categories {
        let mut times: Vec<u128> = minima
            .iter()
            .filter(|(_, i)| {
                workload
                    .requests
                    .get(*i)
                    .is_some_and(|r| r.category == category)
            })
            .map(|(t, _)| *t)
            .collect();
        times.sort_unstable();
        let median = times.get(times.len() / 2).copied().unwrap_or_default();
        let max = times.last().copied().unwrap_or_default();
        println!(
            "  {category:<20} n={:<4} median {median:>4} ns  max {max:>4} ns",
            times.len()
        );
    }
    minima.sort_unstable_by(|a, b| b.cmp(a));
    println!("slowest requests (minimum ns):");
    for (t, i) in minima.iter().take(10) {
        if let Some(r) = workload.requests.get(*i) {
            println!(
                "  {t:>4} ns  #{:<4} {:<18} {} {}",
                r.id, r.category, r.action, r.resource
            );
        }
    }
}
