//! The background audit writer for calls that change nothing: reads (Get*, List*,
//! Simulate*), STS calls, and every failed or refused call.
//!
//! Why: a mutation's audit event is inserted in the mutation's own transaction (api.md
//! §1.8 step 5: the change and its record commit together, or neither does). A call that
//! changes nothing has no transaction worth committing, and giving each one its own write
//! transaction made the audit insert (an fsync on SQLite, a round trip on PostgreSQL) the
//! whole cost of a read or a denial. Those events are queued here instead and written in
//! batches (one multi-row insert per transaction), the way CloudTrail itself delivers
//! events after the call returns.
//!
//! Guarantees: the queue is bounded and a full queue makes callers wait (backpressure, no
//! event is dropped for lack of room); [`AuditSink::flush`] returns once everything queued
//! before it is committed (used by graceful shutdown, the dev reset and tests); a failed
//! batch is retried with backoff before it is given up and logged.

use std::sync::Weak;
use std::time::Duration;

use tokio::sync::{mpsc, oneshot};
use warden_core::{AuditEvent, Store, Transaction};

use crate::state::Inner;

/// Events waiting to be written before callers start waiting.
const QUEUE_CAPACITY: usize = 65_536;
/// Events per transaction.
const MAX_BATCH: usize = 1_024;
/// How long the writer waits for more events before writing a batch that is not full.
const LINGER: Duration = Duration::from_millis(5);
/// Attempts per batch before it is given up (logged as an error).
const ATTEMPTS: u32 = 5;

enum Item {
    Event(Box<AuditEvent>),
    Flush(oneshot::Sender<()>),
}

/// The sending side, held by the app state.
#[derive(Debug)]
pub(crate) struct AuditSink {
    queue: mpsc::Sender<Item>,
}

impl std::fmt::Debug for Item {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Event(e) => f.debug_tuple("Event").field(&e.id).finish(),
            Self::Flush(_) => f.write_str("Flush"),
        }
    }
}

/// The receiving side until the writer task takes it.
pub(crate) struct AuditQueue(mpsc::Receiver<Item>);

impl AuditSink {
    /// A sink and the queue its writer drains (see [`spawn_writer`]).
    pub(crate) fn new() -> (Self, AuditQueue) {
        let (queue, receiver) = mpsc::channel(QUEUE_CAPACITY);
        (Self { queue }, AuditQueue(receiver))
    }

    /// Queues an event; waits only while the queue is full.
    pub(crate) async fn record(&self, event: AuditEvent) {
        if self.queue.send(Item::Event(Box::new(event))).await.is_err() {
            tracing::error!("audit writer has stopped; an audit event was not recorded");
        }
    }

    /// Returns once every event queued before this call is committed (or given up).
    pub(crate) async fn flush(&self) {
        let (done, wait) = oneshot::channel();
        if self.queue.send(Item::Flush(done)).await.is_ok() {
            // An error means the writer stopped: nothing more can be written anyway.
            let _ = wait.await;
        }
    }
}

/// Starts the writer. It ends when the sink is dropped (with the app state).
pub(crate) fn spawn_writer<S: Store>(state: Weak<Inner<S>>, queue: AuditQueue) {
    let AuditQueue(mut receiver) = queue;
    tokio::spawn(async move {
        let mut events: Vec<AuditEvent> = Vec::with_capacity(MAX_BATCH);
        let mut flushes: Vec<oneshot::Sender<()>> = Vec::new();
        while let Some(first) = receiver.recv().await {
            let mut next = Some(first);
            while let Some(item) = next.take() {
                match item {
                    Item::Event(e) => events.push(*e),
                    Item::Flush(done) => flushes.push(done),
                }
                if events.len() < MAX_BATCH {
                    next = receiver.try_recv().ok();
                }
            }
            // Under load, wait briefly for more events so that one commit (an fsync on
            // SQLite, a round trip on PostgreSQL) carries many of them; a flush waits for
            // nobody.
            if flushes.is_empty() && !events.is_empty() && events.len() < MAX_BATCH {
                let deadline = tokio::time::Instant::now() + LINGER;
                while events.len() < MAX_BATCH {
                    match tokio::time::timeout_at(deadline, receiver.recv()).await {
                        Ok(Some(Item::Event(e))) => events.push(*e),
                        Ok(Some(Item::Flush(done))) => {
                            flushes.push(done);
                            break;
                        }
                        Ok(None) | Err(_) => break,
                    }
                }
            }
            if !events.is_empty() {
                write_batch(&state, &events).await;
                events.clear();
            }
            for done in flushes.drain(..) {
                let _ = done.send(());
            }
        }
    });
}

async fn write_batch<S: Store>(state: &Weak<Inner<S>>, events: &[AuditEvent]) {
    let mut delay = Duration::from_millis(10);
    for attempt in 1..=ATTEMPTS {
        let Some(inner) = state.upgrade() else {
            tracing::error!(
                events = events.len(),
                "server stopped before its audit events were written"
            );
            return;
        };
        let store = match inner.current_store() {
            Ok(store) => store,
            Err(e) => {
                tracing::error!(error = %e, "audit writer has no store");
                return;
            }
        };
        drop(inner);
        let result = async {
            let mut tx = store.begin().await?;
            tx.insert_audit_batch(events).await?;
            tx.commit().await
        }
        .await;
        match result {
            Ok(()) => return,
            Err(e) if attempt < ATTEMPTS => {
                tracing::warn!(error = %e, attempt, "writing audit events failed; retrying");
                tokio::time::sleep(delay).await;
                delay *= 4;
            }
            Err(e) => {
                tracing::error!(error = %e, events = events.len(), "writing audit events failed; given up");
            }
        }
    }
}
