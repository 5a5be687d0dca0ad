//! Progress of a reindex: a bar on a terminal, log lines otherwise.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use sifa_indexer::{ProgressSink, ProgressState};
use sifa_model::english::{count, grouped};

/// Log a line at most this often when not on a terminal.
const LOG_EVERY: Duration = Duration::from_secs(5);

pub enum Progress {
    Bar(ProgressBar, Instant),
    Log(Mutex<Instant>, Instant),
}

impl Progress {
    pub fn new() -> Self {
        if std::io::stderr().is_terminal() {
            let bar = ProgressBar::new(0);
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} · {msg} · ETA {eta}",
                )
                .expect("valid template"),
            );
            bar.enable_steady_tick(Duration::from_millis(200));
            Progress::Bar(bar, Instant::now())
        } else {
            Progress::Log(Mutex::new(Instant::now()), Instant::now())
        }
    }

    pub fn finish(&self) {
        if let Progress::Bar(bar, _) = self {
            bar.finish_and_clear();
        }
    }
}

fn rates(state: &ProgressState, started: Instant) -> (f64, f64) {
    let secs = started.elapsed().as_secs_f64().max(1e-3);
    (state.documents as f64 / secs, state.text_bytes as f64 / 1e6 / secs)
}

impl ProgressSink for Progress {
    fn update(&self, state: &ProgressState) {
        match self {
            Progress::Bar(bar, started) => {
                let (docs, mb) = rates(state, *started);
                bar.set_length(state.bytes_total);
                bar.set_position(state.bytes_read.min(state.bytes_total));
                bar.set_message(format!(
                    "{} · {} ({docs:.0}/s, {mb:.1} MB/s) · {} skipped",
                    count(state.files_total, "file"),
                    count(state.documents, "doc"),
                    grouped(state.skipped)
                ));
            }
            Progress::Log(last, started) => {
                let mut last = last.lock().unwrap_or_else(|e| e.into_inner());
                if last.elapsed() >= LOG_EVERY {
                    *last = Instant::now();
                    let (docs, mb) = rates(state, *started);
                    let percent = state.bytes_read as f64 * 100.0 / state.bytes_total.max(1) as f64;
                    eprintln!(
                        "indexing: {percent:.0}% · {} ({docs:.0}/s, {mb:.1} MB/s) · {} skipped",
                        count(state.documents, "doc"),
                        grouped(state.skipped)
                    );
                }
            }
        }
    }

    fn committing(&self) {
        match self {
            Progress::Bar(bar, _) => bar.set_message("committing and merging segments…"),
            Progress::Log(..) => eprintln!("indexing: committing and merging segments…"),
        }
    }
}
