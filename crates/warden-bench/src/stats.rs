//! Per-call timing and its summary: each call is timed individually with an `Instant::now()`
//! pair (WORKLOAD.md "What is measured"), and the percentiles are taken over all timed calls.

use std::fmt::{self, Write as _};
use std::hint::black_box;
use std::time::Instant;

/// Times `f` once per item, `rounds` times over `items`, after one untimed warm-up round.
/// Returns one sample (nanoseconds) per timed call.
pub fn time_each<T, R>(items: &[T], rounds: usize, mut f: impl FnMut(&T) -> R) -> Vec<u64> {
    for item in items {
        black_box(f(black_box(item)));
    }
    let mut samples = Vec::with_capacity(items.len().saturating_mul(rounds));
    for _ in 0..rounds {
        for item in items {
            let start = Instant::now();
            let out = f(black_box(item));
            let elapsed = start.elapsed();
            black_box(out);
            samples.push(nanos(elapsed));
        }
    }
    samples
}

/// Times `f` `count` times after one untimed warm-up call (for one-time costs such as
/// compiling the policy set). Returns one sample (nanoseconds) per call.
pub fn time_repeated<R>(count: usize, mut f: impl FnMut() -> R) -> Vec<u64> {
    black_box(f());
    (0..count)
        .map(|_| {
            let start = Instant::now();
            let out = f();
            let elapsed = start.elapsed();
            black_box(out);
            nanos(elapsed)
        })
        .collect()
}

/// The timer overhead: `count` samples of an `Instant::now()` pair with nothing between.
pub fn timer_overhead(count: usize) -> Vec<u64> {
    (0..count)
        .map(|_| {
            let start = Instant::now();
            nanos(start.elapsed())
        })
        .collect()
}

fn nanos(d: std::time::Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

/// Percentiles and mean of a set of samples, in nanoseconds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    /// Number of samples.
    pub count: usize,
    /// Median.
    pub p50: u64,
    /// 90th percentile.
    pub p90: u64,
    /// 99th percentile.
    pub p99: u64,
    /// 99.9th percentile.
    pub p999: u64,
    /// Arithmetic mean.
    pub mean: f64,
}

impl Summary {
    /// Summarises samples (sorted in place); `None` for an empty set. Percentiles use the
    /// nearest-rank definition: the smallest sample with at least q·n samples at or below it.
    pub fn from_samples(samples: &mut [u64]) -> Option<Self> {
        if samples.is_empty() {
            return None;
        }
        samples.sort_unstable();
        let n = samples.len();
        let rank = |q_per_mille: usize| -> u64 {
            // ceil(q·n) − 1, in integers, clamped to the last index.
            let idx = (q_per_mille * n)
                .div_ceil(1000)
                .saturating_sub(1)
                .min(n - 1);
            samples.get(idx).copied().unwrap_or_default()
        };
        let sum: u128 = samples.iter().map(|&s| u128::from(s)).sum();
        // Nanosecond sums stay far below 2^52, so the conversion is exact in practice.
        let mean = sum as f64 / n as f64;
        Some(Self {
            count: n,
            p50: rank(500),
            p90: rank(900),
            p99: rank(990),
            p999: rank(999),
            mean,
        })
    }
}

/// A duration in nanoseconds shown with a readable unit (`87 ns`, `44.2 µs`, `1.31 ms`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Nanos(pub f64);

impl fmt::Display for Nanos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ns = self.0;
        let text = if ns < 10_000.0 {
            format!("{ns:.0} ns")
        } else if ns < 1_000_000.0 {
            format!("{:.1} µs", ns / 1_000.0)
        } else {
            format!("{:.2} ms", ns / 1_000_000.0)
        };
        f.pad(&text)
    }
}

/// One row of the side-by-side table.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// What was timed (`warden decide-only` ...).
    pub name: String,
    /// The per-call percentiles, if measured.
    pub summary: Option<Summary>,
    /// Criterion's mean per decision (or per one-time operation), in nanoseconds, if known.
    pub criterion_mean: Option<f64>,
}

/// A performance target and whether the measured value meets it.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    /// What is compared (`warden decide-only p50`).
    pub label: String,
    /// The measured value.
    pub value: f64,
    /// The limit.
    pub limit: f64,
    /// True when larger is better (ratios), false for durations.
    pub at_least: bool,
    /// Unit suffix for ratios (`×`); durations are formatted with [`Nanos`] when empty.
    pub unit: &'static str,
}

impl Target {
    /// Whether the measured value meets the target.
    #[must_use]
    pub fn pass(&self) -> bool {
        if self.at_least {
            self.value >= self.limit
        } else {
            self.value <= self.limit
        }
    }

    fn show(&self, v: f64) -> String {
        if self.unit.is_empty() {
            Nanos(v).to_string()
        } else {
            format!("{v:.0}{}", self.unit)
        }
    }
}

/// Renders the percentile table and the target list as plain text.
#[must_use]
pub fn render(rows: &[Row], targets: &[Target]) -> String {
    let mut out = String::new();
    let width = rows
        .iter()
        .map(|r| r.name.chars().count())
        .max()
        .unwrap_or(0)
        .max(8);
    let dash = "-";
    let _ = writeln!(
        out,
        "{:<width$}  {:>10} {:>10} {:>10} {:>10} {:>10} {:>10}  {:>8}",
        "row", "p50", "p90", "p99", "p99.9", "mean", "criterion", "samples"
    );
    for row in rows {
        let cells = row.summary.map_or_else(
            || vec![dash.to_owned(); 5],
            |s| {
                [s.p50, s.p90, s.p99, s.p999]
                    .iter()
                    .map(|&v| Nanos(v as f64).to_string())
                    .chain(std::iter::once(Nanos(s.mean).to_string()))
                    .collect()
            },
        );
        let crit = row
            .criterion_mean
            .map_or_else(|| dash.to_owned(), |m| Nanos(m).to_string());
        let count = row.summary.map_or(0, |s| s.count);
        let _ = write!(out, "{:<width$} ", row.name);
        for cell in cells {
            let _ = write!(out, " {cell:>10}");
        }
        let _ = writeln!(out, " {crit:>10}  {count:>8}");
    }
    if !targets.is_empty() {
        let _ = writeln!(out);
        let twidth = targets
            .iter()
            .map(|t| t.label.chars().count())
            .max()
            .unwrap_or(0);
        for t in targets {
            let _ = writeln!(
                out,
                "{:<twidth$}  {:>10}  target {} {:<10}  {}",
                t.label,
                t.show(t.value),
                if t.at_least { "≥" } else { "≤" },
                t.show(t.limit),
                if t.pass() { "PASS" } else { "MISS" }
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_of_one_to_thousand() {
        let mut samples: Vec<u64> = (1..=1000).rev().collect();
        let s = Summary::from_samples(&mut samples).unwrap();
        assert_eq!((s.p50, s.p90, s.p99, s.p999), (500, 900, 990, 999));
        assert!((s.mean - 500.5).abs() < 1e-9);
        assert_eq!(s.count, 1000);
    }

    #[test]
    fn summary_of_one_sample() {
        let s = Summary::from_samples(&mut [7]).unwrap();
        assert_eq!((s.p50, s.p999), (7, 7));
    }

    #[test]
    fn summary_of_nothing() {
        assert_eq!(Summary::from_samples(&mut []), None);
    }

    #[test]
    fn time_each_yields_one_sample_per_timed_call() {
        let mut calls = 0;
        let samples = time_each(&[1, 2, 3], 4, |x| {
            calls += 1;
            x * 2
        });
        assert_eq!(samples.len(), 12);
        assert_eq!(calls, 15, "one warm-up round plus four timed rounds");
    }

    #[test]
    fn nanos_units() {
        assert_eq!(Nanos(87.0).to_string(), "87 ns");
        assert_eq!(Nanos(44_200.0).to_string(), "44.2 µs");
        assert_eq!(Nanos(1_310_000.0).to_string(), "1.31 ms");
    }

    #[test]
    fn target_pass_and_miss() {
        let t = |value, at_least| Target {
            label: "x".into(),
            value,
            limit: 100.0,
            at_least,
            unit: "",
        };
        assert!(t(99.0, false).pass());
        assert!(!t(101.0, false).pass());
        assert!(t(101.0, true).pass());
        assert!(!t(99.0, true).pass());
    }

    #[test]
    fn render_marks_misses() {
        let rows = [Row {
            name: "warden decide-only".into(),
            summary: Summary::from_samples(&mut [80, 90, 100]),
            criterion_mean: Some(85.0),
        }];
        let targets = [Target {
            label: "p50".into(),
            value: 150.0,
            limit: 100.0,
            at_least: false,
            unit: "",
        }];
        let text = render(&rows, &targets);
        assert!(text.contains("warden decide-only"), "{text}");
        assert!(text.contains("MISS"), "{text}");
        assert!(!text.contains("PASS"), "{text}");
    }
}
