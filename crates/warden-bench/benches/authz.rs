//! The `iam-authz-v1` benchmark: Warden vs cedar-policy on the same 1,000 requests, one run.
//!
//! `cargo bench -p warden-bench` first checks that every engine reproduces all 1,000 expected
//! decisions (exit status 1 otherwise), then runs criterion (mean cost per decision over the
//! whole mix, 1,000 requests per iteration), then times every call individually for
//! percentiles, and prints both side by side with the project's targets (PASS/MISS: a bench
//! reports, it never fails on a miss).
//!
//! Knobs (environment): `WARDEN_BENCH_ROUNDS` (percentile rounds over the 1,000 requests,
//! default 20). Criterion's own flags work too (`cargo bench -p warden-bench -- decide/`),
//! though then the table only shows criterion means for the benchmarks that ran.

use std::hint::black_box;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, SystemTime};

use criterion::{Criterion, SamplingMode, Throughput};
use warden_bench::cedar::{CedarEngine, CedarVariant};
use warden_bench::stats::{self, Row, Summary, Target};
use warden_bench::warden::{self, WardenEngine};
use warden_bench::workload::Workload;

/// Requests per criterion iteration (the whole mix).
const MIX: u64 = 1000;

/// Everything built once before timing.
struct Fixtures {
    workload: Workload,
    warden: WardenEngine,
    texts: Vec<(String, String)>,
    cedar: Vec<CedarEngine>,
    cedar_built: Vec<Vec<cedar_policy::Request>>,
}

fn setup() -> Result<Fixtures, String> {
    let workload = Workload::load().map_err(|e| e.to_string())?;
    let warden = WardenEngine::new(&workload).map_err(|e| e.to_string())?;
    warden.verify(&workload).map_err(|e| e.to_string())?;
    let texts = warden::policy_texts(&workload).map_err(|e| e.to_string())?;
    let mut cedar = Vec::new();
    let mut cedar_built = Vec::new();
    for variant in CedarVariant::ALL {
        let engine = CedarEngine::new(variant, &workload).map_err(|e| e.to_string())?;
        engine.verify(&workload).map_err(|e| e.to_string())?;
        cedar_built.push(engine.build_all(&workload).map_err(|e| e.to_string())?);
        cedar.push(engine);
    }
    Ok(Fixtures {
        workload,
        warden,
        texts,
        cedar,
        cedar_built,
    })
}

fn criterion_benches(c: &mut Criterion, fx: &Fixtures) {
    let prepared = warden::prepare(&fx.workload);
    let requests = &fx.workload.requests;

    let mut group = c.benchmark_group("decide");
    group.throughput(Throughput::Elements(MIX));
    group.bench_function("warden", |b| {
        b.iter(|| {
            for p in &prepared {
                black_box(fx.warden.decide_prepared(black_box(p)));
            }
        });
    });
    // Cedar takes ~45 ms per iteration: flat sampling keeps the run within its time budget.
    group.sampling_mode(SamplingMode::Flat);
    for (engine, built) in fx.cedar.iter().zip(&fx.cedar_built) {
        group.bench_function(engine.variant().name(), |b| {
            b.iter(|| {
                for r in built {
                    black_box(engine.decide(black_box(r)));
                }
            });
        });
    }
    group.finish();

    let mut group = c.benchmark_group("build+decide");
    group.throughput(Throughput::Elements(MIX));
    group.bench_function("warden", |b| {
        b.iter(|| {
            for r in requests {
                black_box(fx.warden.build_and_decide(black_box(r)));
            }
        });
    });
    group.sampling_mode(SamplingMode::Flat);
    for engine in &fx.cedar {
        group.bench_function(engine.variant().name(), |b| {
            b.iter(|| {
                for r in requests {
                    let _ = black_box(engine.build_and_decide(black_box(r)));
                }
            });
        });
    }
    group.finish();

    let mut group = c.benchmark_group("once");
    group.throughput(Throughput::Elements(1));
    group.bench_function("warden-compile", |b| {
        b.iter(|| warden::compile(fx.warden.principal(), black_box(fx.warden.documents())));
    });
    group.bench_function("warden-parse", |b| {
        b.iter(|| warden::parse_texts(black_box(&fx.texts)));
    });
    group.sampling_mode(SamplingMode::Flat);
    for variant in CedarVariant::ALL {
        group.bench_function(format!("{}-setup", variant.name()), |b| {
            b.iter(|| CedarEngine::new(variant, black_box(&fx.workload)));
        });
    }
    group.finish();
}

/// Criterion's mean (ns per iteration) of `group/function` from this run's estimates, or
/// `None` when the benchmark did not run in this process (stale files are ignored).
fn criterion_mean(group: &str, function: &str, since: SystemTime) -> Option<f64> {
    let path = criterion_home()?
        .join(group)
        .join(function)
        .join("new/estimates.json");
    let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok()?;
    if modified < since {
        return None;
    }
    let text = std::fs::read_to_string(&path).ok()?;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    value.get("mean")?.get("point_estimate")?.as_f64()
}

/// Where criterion writes (its own rule: `CRITERION_HOME`, else `<target dir>/criterion`; the
/// bench binary lives in `<target dir>/<profile>/deps/`).
fn criterion_home() -> Option<PathBuf> {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return Some(PathBuf::from(home));
    }
    if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        return Some(PathBuf::from(target).join("criterion"));
    }
    let exe = std::env::current_exe().ok()?;
    Some(exe.parent()?.parent()?.parent()?.join("criterion"))
}

fn machine() -> String {
    let cpus = std::thread::available_parallelism().map_or(0, std::num::NonZero::get);
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, m)| m.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".to_owned());
    format!("{cpus} CPUs, {model}, load average {}", load())
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|t| t.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".to_owned())
}

fn summary(mut samples: Vec<u64>) -> Option<Summary> {
    Summary::from_samples(&mut samples)
}

fn main() -> ExitCode {
    let bench_mode = std::env::args().any(|a| a == "--bench");
    let rounds = if bench_mode {
        std::env::var("WARDEN_BENCH_ROUNDS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(20)
    } else {
        // `cargo test --benches`: smoke-run everything once.
        1
    };
    let started = SystemTime::now();
    println!("iam-authz-v1: {}", machine());

    let fx = match setup() {
        Ok(fx) => fx,
        Err(e) => {
            eprintln!("iam-authz-v1: an engine does not reproduce the workload: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("iam-authz-v1: warden, cedar-like and cedar-groups reproduce all 1,000 decisions");

    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(20)
        .configure_from_args();
    criterion_benches(&mut c, &fx);
    c.final_summary();

    // Per-call percentiles: every call timed on its own, all 1,000 requests × rounds after
    // one warm-up round (WORKLOAD.md "What is measured").
    let requests = &fx.workload.requests;
    let prepared = warden::prepare(&fx.workload);
    let once = if bench_mode { 200 } else { 1 };
    let once_cedar = if bench_mode { 20 } else { 1 };
    let mut rows: Vec<(String, Option<Summary>, Option<f64>)> = Vec::new();
    let per_decision =
        |group: &str, function: &str| criterion_mean(group, function, started).map(|m| m / 1000.0);

    rows.push((
        "warden decide-only".into(),
        summary(stats::time_each(&prepared, rounds, |p| {
            fx.warden.decide_prepared(p)
        })),
        per_decision("decide", "warden"),
    ));
    rows.push((
        "warden build+decide".into(),
        summary(stats::time_each(requests, rounds, |r| {
            fx.warden.build_and_decide(r)
        })),
        per_decision("build+decide", "warden"),
    ));
    for (engine, built) in fx.cedar.iter().zip(&fx.cedar_built) {
        let name = engine.variant().name();
        rows.push((
            format!("{name} decide-only"),
            summary(stats::time_each(built, rounds, |r| engine.decide(r))),
            per_decision("decide", name),
        ));
        rows.push((
            format!("{name} build+decide"),
            summary(stats::time_each(requests, rounds, |r| {
                engine.build_and_decide(r).is_ok_and(|a| a)
            })),
            per_decision("build+decide", name),
        ));
    }
    rows.push((
        "timer overhead (Instant pair)".into(),
        summary(stats::timer_overhead(requests.len() * rounds)),
        None,
    ));
    rows.push((
        "once: warden compile (10 policies)".into(),
        summary(stats::time_repeated(once, || {
            warden::compile(fx.warden.principal(), fx.warden.documents())
        })),
        criterion_mean("once", "warden-compile", started),
    ));
    rows.push((
        "once: warden parse (10 policies)".into(),
        summary(stats::time_repeated(once, || {
            warden::parse_texts(&fx.texts)
        })),
        criterion_mean("once", "warden-parse", started),
    ));
    for variant in CedarVariant::ALL {
        let name = variant.name();
        rows.push((
            format!("once: {name} parse + entities"),
            summary(stats::time_repeated(once_cedar, || {
                CedarEngine::new(variant, &fx.workload)
            })),
            criterion_mean("once", &format!("{name}-setup"), started),
        ));
    }

    let rows: Vec<Row> = rows
        .into_iter()
        .map(|(name, summary, criterion_mean)| Row {
            name,
            summary,
            criterion_mean,
        })
        .collect();
    let p50 = |name: &str| -> f64 {
        rows.iter()
            .find(|r| r.name == name)
            .and_then(|r| r.summary)
            .map_or(f64::NAN, |s| s.p50 as f64)
    };
    let p99 = |name: &str| -> f64 {
        rows.iter()
            .find(|r| r.name == name)
            .and_then(|r| r.summary)
            .map_or(f64::NAN, |s| s.p99 as f64)
    };
    let duration = |label: &str, value: f64, limit: f64| Target {
        label: label.into(),
        value,
        limit,
        at_least: false,
        unit: "",
    };
    let ratio = |label: &str, value: f64| Target {
        label: label.into(),
        value,
        limit: 200.0,
        at_least: true,
        unit: "×",
    };
    let warden_p50 = p50("warden decide-only");
    let targets = [
        duration("warden decide-only p50", warden_p50, 100.0),
        duration("warden decide-only p99", p99("warden decide-only"), 300.0),
        duration("warden build+decide p50", p50("warden build+decide"), 500.0),
        duration(
            "warden compile p50",
            p50("once: warden compile (10 policies)"),
            50_000.0,
        ),
        ratio(
            "cedar-like / warden decide-only p50",
            p50("cedar-like decide-only") / warden_p50,
        ),
        ratio(
            "cedar-groups / warden decide-only p50",
            p50("cedar-groups decide-only") / warden_p50,
        ),
    ];

    println!();
    println!(
        "iam-authz-v1, per call (p50..mean: {rounds} rounds × 1,000 requests, each call timed; \
         criterion: mean per decision over the mix)"
    );
    print!("{}", stats::render(&rows, &targets));
    // The targets above use raw per-call times; the timer pair itself costs about its p50
    // (≈ 20 ns here), so show the corrected medians too (information, not a target).
    let timer = p50("timer overhead (Instant pair)");
    println!(
        "timer-corrected p50 (p50 − timer p50): warden decide-only {}, warden build+decide {}",
        stats::Nanos(warden_p50 - timer),
        stats::Nanos(p50("warden build+decide") - timer)
    );
    println!("\nload average at the end: {}", load());
    if !bench_mode {
        println!("smoke run without --bench (cargo test): one round, figures are not measurements");
    }
    ExitCode::SUCCESS
}
