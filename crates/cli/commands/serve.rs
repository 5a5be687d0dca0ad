//! `sifa serve`: the web page and API, building the index first if needed.

use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use sifa_indexer::IndexLocation;
use sifa_query::{QueryError, SearchEngine};

use crate::args::DataArgs;

pub fn run(data: &DataArgs, index: &Path, addr: SocketAddr) -> anyhow::Result<ExitCode> {
    let engine = open_or_build(data, index)?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().context("starting the runtime")?;
    runtime.block_on(sifa_server::serve(Arc::new(engine), addr)).with_context(|| format!("serving on {addr}"))?;
    Ok(ExitCode::SUCCESS)
}

/// Opens the live index; when there is none, or it cannot be read, says
/// so and builds one from the data directory.
fn open_or_build(data: &DataArgs, index: &Path) -> anyhow::Result<SearchEngine> {
    let location = IndexLocation::new(index);
    match SearchEngine::open(location.clone()) {
        Ok(engine) if engine.snapshot().searcher().num_docs() > 0 => return Ok(engine),
        Ok(_) => eprintln!("sifa: the index in {} is empty; building it from {}", index.display(), data.data.display()),
        Err(QueryError::Unavailable(why)) => {
            eprintln!("sifa: {why}; building the index from {}", data.data.display());
        }
        Err(other) => return Err(other).context("opening the index"),
    }
    let summary = super::reindex::build(data, index, None)?;
    eprintln!("sifa: indexed {} documents in {:.1} s", summary.documents, summary.elapsed_secs);
    SearchEngine::open(location).context("opening the index just built")
}
