//! Prometheus metrics in the text exposition format, served at `/metrics`: requests by
//! action and outcome, a latency histogram and authorization decisions. Hand-rolled
//! (a few counters behind a mutex) to keep the dependency tree small.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::time::Duration;

use warden_policy::Decision;

/// Upper bounds of the latency histogram buckets, in seconds.
const BUCKETS: [f64; 10] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0];

/// The counters of one process.
#[derive(Debug, Default)]
pub(crate) struct Metrics {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    /// (action, outcome) → count; outcome is `success` or the error code.
    /// Action → outcome → count.
    requests: BTreeMap<String, BTreeMap<String, u64>>,
    /// Cumulative counts per bucket, plus +Inf, sum and count.
    buckets: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
    decisions: BTreeMap<&'static str, u64>,
}

impl Metrics {
    /// Records one answered request.
    pub(crate) fn record_request(&self, action: &str, outcome: &str, elapsed: Duration) {
        let Ok(mut m) = self.inner.lock() else { return };
        // Counted in place once the pair exists: no allocation per request.
        match m.requests.get_mut(action).and_then(|o| o.get_mut(outcome)) {
            Some(n) => *n += 1,
            None => {
                m.requests
                    .entry(action.to_owned())
                    .or_default()
                    .insert(outcome.to_owned(), 1);
            }
        }
        let secs = elapsed.as_secs_f64();
        for (i, bound) in BUCKETS.iter().enumerate() {
            if secs <= *bound
                && let Some(b) = m.buckets.get_mut(i)
            {
                *b += 1;
            }
        }
        m.count += 1;
        m.sum += secs;
    }

    /// Records one authorization decision.
    pub(crate) fn record_decision(&self, decision: Decision) {
        let Ok(mut m) = self.inner.lock() else { return };
        let label = match decision {
            Decision::Allow => "allow",
            Decision::ExplicitDeny => "explicit_deny",
            Decision::ImplicitDeny => "implicit_deny",
        };
        *m.decisions.entry(label).or_insert(0) += 1;
    }

    /// The exposition text.
    pub(crate) fn render(&self) -> String {
        let Ok(m) = self.inner.lock() else {
            return String::new();
        };
        let mut out = String::new();
        out.push_str("# HELP warden_requests_total API requests by action and outcome.\n");
        out.push_str("# TYPE warden_requests_total counter\n");
        let pairs = m
            .requests
            .iter()
            .flat_map(|(action, outcomes)| outcomes.iter().map(move |(o, n)| (action, o, n)));
        for (action, outcome, n) in pairs {
            let _ = writeln!(
                out,
                "warden_requests_total{{action=\"{}\",outcome=\"{}\"}} {n}",
                escape(action),
                escape(outcome)
            );
        }
        out.push_str("# HELP warden_request_duration_seconds API request latency.\n");
        out.push_str("# TYPE warden_request_duration_seconds histogram\n");
        for (bound, n) in BUCKETS.iter().zip(m.buckets.iter()) {
            let _ = writeln!(
                out,
                "warden_request_duration_seconds_bucket{{le=\"{bound}\"}} {n}"
            );
        }
        let _ = writeln!(
            out,
            "warden_request_duration_seconds_bucket{{le=\"+Inf\"}} {}",
            m.count
        );
        let _ = writeln!(out, "warden_request_duration_seconds_sum {}", m.sum);
        let _ = writeln!(out, "warden_request_duration_seconds_count {}", m.count);
        out.push_str("# HELP warden_authz_decisions_total Authorization decisions.\n");
        out.push_str("# TYPE warden_authz_decisions_total counter\n");
        for (decision, n) in &m.decisions {
            let _ = writeln!(
                out,
                "warden_authz_decisions_total{{decision=\"{decision}\"}} {n}"
            );
        }
        out
    }
}

fn escape(label: &str) -> String {
    label
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_counters_and_histogram() {
        let m = Metrics::default();
        m.record_request("CreateUser", "success", Duration::from_millis(3));
        m.record_request("CreateUser", "AccessDenied", Duration::from_millis(300));
        m.record_decision(Decision::ImplicitDeny);
        let text = m.render();
        assert!(
            text.contains("warden_requests_total{action=\"CreateUser\",outcome=\"success\"} 1")
        );
        assert!(text.contains("warden_request_duration_seconds_bucket{le=\"0.005\"} 1"));
        assert!(text.contains("warden_request_duration_seconds_bucket{le=\"+Inf\"} 2"));
        assert!(text.contains("warden_authz_decisions_total{decision=\"implicit_deny\"} 1"));
    }
}
