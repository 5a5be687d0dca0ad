//! `sifa serve`: the web page and API, building the index first if needed;
//! with `--replica`, serving only verified copies published into the
//! index directory and never building.

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use sifa_indexer::Pipeline;
use sifa_query::{Follow, QueryError, SearchEngine, Synonyms};
use sifa_server::{Admin, AdminFailure, AppState, Connections, PublicUrl, ReindexFn, ReindexOutcome};
use sifa_store::IndexLocation;

use crate::args::{DataArgs, SynonymsArgs};

/// Shortest admin token accepted: a guessable token is worse than none.
const MIN_TOKEN_CHARS: usize = 16;

/// How the server faces its clients.
pub struct Served {
    pub addr: SocketAddr,
    pub admin_token: Option<String>,
    pub replica: bool,
    pub public_url: Option<PublicUrl>,
    pub connections: Connections,
}

pub fn run(data: &DataArgs, index: &Path, served: Served, synonyms: &SynonymsArgs) -> anyhow::Result<ExitCode> {
    let Served { addr, admin_token, replica, public_url, connections } = served;
    let admin = match admin_token {
        Some(token) if token.chars().count() < MIN_TOKEN_CHARS => {
            anyhow::bail!("the admin token must be at least {MIN_TOKEN_CHARS} characters long")
        }
        Some(token) => Some(Arc::new(Admin::new(token, admin_reindex(data.clone(), index.to_path_buf())))),
        None => None,
    };
    // A replica waits for its first copy; the server's reload loop looks
    // at once and then every half second.
    let engine = if replica {
        SearchEngine::waiting(IndexLocation::new(index), Follow::Replica)
    } else {
        open_or_build(data, index)?
    };
    let engine = Arc::new(engine);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().context("starting the runtime")?;
    // The synonyms in force from the first request; a followed file is re-read when it changes.
    let followed = super::synonyms::followed_file(synonyms, data);
    engine.set_synonyms(match &followed {
        Some(path) => Synonyms::load(path).with_context(|| format!("loading the synonyms in {}", path.display()))?,
        None => Synonyms::shipped(),
    });
    if let Some(path) = followed {
        runtime.spawn(sifa_server::follow_synonyms(engine.clone(), path));
    }
    let state = AppState::new(engine, admin).with_public_url(public_url);
    // A line for a person at a terminal; log collectors get the `listening` event.
    let announce = |local| {
        if std::io::stderr().is_terminal() {
            eprintln!("sifa: serving http://{local} (Ctrl-C to stop)");
        }
    };
    runtime
        .block_on(sifa_server::serve(state, addr, connections, announce))
        .with_context(|| format!("serving on {addr}"))?;
    Ok(ExitCode::SUCCESS)
}

/// The reindex the admin API triggers: the data directory the server was
/// started with, into its index.
fn admin_reindex(data: DataArgs, index: PathBuf) -> Box<ReindexFn> {
    Box::new(move || {
        let summary = Pipeline::from_dirs(&data.data, data.rules.as_deref())
            .and_then(|pipeline| pipeline.reindex(&IndexLocation::new(&index), &()))
            .map_err(
                |e| if e.is_busy() { AdminFailure::Busy(Box::new(e)) } else { AdminFailure::Failed(Box::new(e)) },
            )?;
        Ok(ReindexOutcome {
            generation: summary.generation,
            documents: summary.documents,
            duplicates: summary.duplicates,
            skipped: summary.skipped,
            elapsed_secs: summary.elapsed_secs,
        })
    })
}

/// Opens the live index; when there is none, or it cannot be read, says
/// so and builds one from the data directory.
fn open_or_build(data: &DataArgs, index: &Path) -> anyhow::Result<SearchEngine> {
    let location = IndexLocation::new(index);
    let health = sifa_store::check(&location);
    match SearchEngine::open(location.clone()) {
        Ok(_) if !health.is_healthy() => {
            eprintln!(
                "sifa: the index in {} is damaged ({}); rebuilding it from {}",
                index.display(),
                health.problems.join("; "),
                data.data.display()
            );
        }
        Ok(engine) if engine.snapshot().searcher().num_docs() > 0 => return Ok(engine),
        Ok(_) => eprintln!("sifa: the index in {} is empty; building it from {}", index.display(), data.data.display()),
        Err(QueryError::Unavailable(why)) => {
            eprintln!("sifa: {}; building the index from {}", sifa_store::error_chain(&why), data.data.display());
        }
        Err(other) => return Err(other).context("opening the index"),
    }
    let summary = super::reindex::build(data, index, None)?;
    eprintln!(
        "sifa: indexed {} in {:.1} s",
        sifa_model::english::count(summary.documents, "document"),
        summary.elapsed_secs
    );
    SearchEngine::open(location).context("opening the index just built")
}
