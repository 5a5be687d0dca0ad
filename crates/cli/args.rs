//! Command-line arguments. Every option that has an environment variable
//! names it next to its default, so flags, `SIFA_*` and defaults read side
//! by side.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "sifa", version, about = "Search engine for Chinese judicial-administration publications (司法行政)")]
pub struct Cli {
    /// Log what is happening to stderr.
    #[arg(short, long, global = true)]
    pub verbose: bool,
    #[command(subcommand)]
    pub command: Command,
}

/// Where the index lives.
#[derive(Debug, Clone, clap::Args)]
pub struct IndexArgs {
    /// Index directory (holds generations and the CURRENT pointer).
    #[arg(long, env = "SIFA_INDEX", default_value = "index")]
    pub index: PathBuf,
}

/// Where the sources and rules live.
#[derive(Debug, Clone, clap::Args)]
pub struct DataArgs {
    /// Directory of publications to index (.txt, .html, .jsonl, .jsonl.gz), read recursively.
    #[arg(long, env = "SIFA_DATA", default_value = "data")]
    pub data: PathBuf,
    /// Directory with topics.toml, agencies.toml, divisions-renamed.tsv and
    /// userdict.txt; files missing there fall back to the built-in ones.
    #[arg(long, env = "SIFA_RULES")]
    pub rules: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build a new index generation from the data directory and switch to it.
    Reindex {
        #[command(flatten)]
        data: DataArgs,
        #[command(flatten)]
        index: IndexArgs,
        /// Indexing threads (default: number of cores).
        #[arg(long, env = "SIFA_THREADS")]
        threads: Option<usize>,
        /// Print the summary as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Add or replace publications from files in the live index.
    Add {
        /// Files or directories to add.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        index: IndexArgs,
        /// Directory that source paths are shown relative to.
        #[arg(long, env = "SIFA_DATA", default_value = "data")]
        data: PathBuf,
        #[arg(long, env = "SIFA_RULES")]
        rules: Option<PathBuf>,
    },
    /// Delete publications by id from the live index.
    Delete {
        #[arg(required = true)]
        ids: Vec<String>,
        #[command(flatten)]
        index: IndexArgs,
    },
    /// Show what the extractor concluded for a file, and why.
    Inspect {
        file: PathBuf,
        /// One JSON object per document.
        #[arg(long)]
        json: bool,
        #[arg(long, env = "SIFA_RULES")]
        rules: Option<PathBuf>,
    },
    /// Serve the web page and the JSON API (builds the index first when there is none).
    Serve {
        #[command(flatten)]
        data: DataArgs,
        #[command(flatten)]
        index: IndexArgs,
        /// Address to listen on.
        #[arg(long, env = "SIFA_ADDR", default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        /// Enables POST /api/v1/admin/{reindex,reload} for callers presenting
        /// `Authorization: Bearer <token>`; without it they are disabled.
        #[arg(long, env = "SIFA_ADMIN_TOKEN", hide_env_values = true)]
        admin_token: Option<String>,
    },
    /// Search from the terminal, with the same query language as the web page.
    Search {
        /// Words, "phrases", -exclusions, OR, title:word.
        query: Option<String>,
        #[command(flatten)]
        index: IndexArgs,
        /// Agency name or region path (山东省/聊城市); repeatable.
        #[arg(long)]
        agency: Vec<String>,
        /// Topic; repeatable.
        #[arg(long)]
        topic: Vec<String>,
        /// Kind (news, notice, work_plan, report, rule, …); repeatable.
        #[arg(long)]
        kind: Vec<String>,
        /// Earliest date, YYYY-MM-DD.
        #[arg(long)]
        from: Option<String>,
        /// Latest date, YYYY-MM-DD.
        #[arg(long)]
        to: Option<String>,
        /// relevance, date_desc or date_asc.
        #[arg(long)]
        sort: Option<String>,
        #[arg(long, default_value = "1")]
        page: String,
        #[arg(long, default_value = "10")]
        per_page: String,
        /// Print the API's JSON response.
        #[arg(long)]
        json: bool,
    },
    /// Measure ranking on a relevance set: MRR@10 and recall@10.
    #[command(args_conflicts_with_subcommands = true)]
    Eval {
        /// `extract`: measure the metadata reader on labelled pages instead.
        #[command(subcommand)]
        what: Option<EvalCommand>,
        #[command(flatten)]
        index: IndexArgs,
        /// Tab-separated file: query, then the ids that must be in the top 10.
        #[arg(long, default_value = "tests/relevance/queries.tsv")]
        queries: std::path::PathBuf,
    },
    /// Verify the live index: files, checksums, metadata, every stored document.
    Check {
        #[command(flatten)]
        index: IndexArgs,
        #[arg(long)]
        json: bool,
    },
    /// Show what the live index holds.
    Stats {
        #[command(flatten)]
        index: IndexArgs,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Measure the metadata reader on labelled pages: per-field accuracy, with every miss.
    Extract {
        /// JSON Lines labels in the development set's format (`../shared/pages/labels.jsonl`).
        #[arg(long)]
        labels: PathBuf,
        /// Print the reports as JSON.
        #[arg(long)]
        json: bool,
        #[arg(long, env = "SIFA_RULES")]
        rules: Option<PathBuf>,
    },
}
