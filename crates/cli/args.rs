//! Command-line arguments. Every option that has an environment variable
//! names it next to its default, so flags, `SIFA_*` and defaults read side
//! by side.

use std::path::PathBuf;

use std::marker::PhantomData;

use clap::builder::TypedValueParser;
use clap::{Parser, Subcommand};
use sifa_query::{Flag, Parameter, Shape};

#[derive(Debug, Parser)]
#[command(name = "sifa", version, about = "Search engine for Chinese judicial-administration publications (司法行政)")]
pub struct Cli {
    /// Log what is happening to stderr.
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// How log lines are written: `text` for people, `json` (one object a
    /// line) for log collectors.
    #[arg(long, global = true, env = "SIFA_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
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
    /// Directory of publications to index (.txt, .html, .jsonl(.gz), .warc(.gz)), read recursively.
    #[arg(long, env = "SIFA_DATA", default_value = "data")]
    pub data: PathBuf,
    /// Directory with topics.toml, agencies.toml, divisions-renamed.tsv and
    /// userdict.txt; files missing there fall back to the built-in ones.
    #[arg(long, env = "SIFA_RULES")]
    pub rules: Option<PathBuf>,
}

/// The abbreviations and synonyms searched with each query.
#[derive(Debug, Clone, clap::Args)]
pub struct SynonymsArgs {
    /// Synonyms file (TOML, like data/synonyms.toml); `serve` otherwise
    /// follows synonyms.toml in --rules or --data, the others use the
    /// built-in list.
    #[arg(long, env = "SIFA_SYNONYMS")]
    pub synonyms: Option<PathBuf>,
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
    /// Add publications from files to the live index; a file added again replaces what it gave before.
    Add {
        /// Files or directories to add.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        index: IndexArgs,
        /// Data directory: files beneath it are recorded by their path relative to it (and read again by
        /// `sifa reindex`), files elsewhere by their absolute path (and left out by the next reindex).
        #[arg(long, env = "SIFA_DATA", default_value = "data")]
        data: PathBuf,
        /// Directory with the rule files (see `sifa reindex --help`); built-in rules otherwise.
        #[arg(long, env = "SIFA_RULES")]
        rules: Option<PathBuf>,
    },
    /// Delete publications from the live index, by id or by the file they were read from.
    Delete {
        /// Ids, or paths of files or directories (a path to the file, or as the index records it:
        /// `demo/txt/01.txt`, `demo/jsonl/demo.jsonl:3` for one record).
        #[arg(required = true, value_name = "ID|PATH")]
        targets: Vec<String>,
        #[command(flatten)]
        index: IndexArgs,
        /// Data directory that recorded paths are relative to.
        #[arg(long, env = "SIFA_DATA", default_value = "data")]
        data: PathBuf,
    },
    /// Show what the extractor concluded for a file, and why.
    Inspect {
        /// A .txt, .html, .jsonl(.gz) or .warc(.gz) file.
        file: PathBuf,
        /// One JSON object per document.
        #[arg(long)]
        json: bool,
        /// Directory with the rule files (see `sifa reindex --help`); built-in rules otherwise.
        #[arg(long, env = "SIFA_RULES")]
        rules: Option<PathBuf>,
        /// Data directory, so that ids and sources read as the index would record them.
        #[arg(long, env = "SIFA_DATA", default_value = "data")]
        data: PathBuf,
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
        /// Serve copies published into --index (rsync: generation first,
        /// CURRENT last) and never build or write it: answer /readyz 503
        /// until a generation matching its manifest is there, then switch
        /// only to whole, verified generations.
        #[arg(long, env = "SIFA_REPLICA", conflicts_with = "admin_token")]
        replica: bool,
        /// The address researchers reach sifa at behind a proxy
        /// (`https://sifa.example.org`, or with a path): links in exports,
        /// citations, feeds, meta tags and the OpenAPI document use it
        /// instead of the request's host.
        #[arg(long, env = "SIFA_PUBLIC_URL", value_parser = sifa_server::PublicUrl::parse)]
        public_url: Option<sifa_server::PublicUrl>,
        /// Seconds a client may take to send a request's headers before its
        /// connection is closed (slow or stalled clients).
        #[arg(long, env = "SIFA_HEADER_TIMEOUT", default_value_t = sifa_server::DEFAULT_HEADER_TIMEOUT.as_secs(), value_parser = clap::value_parser!(u64).range(1..))]
        header_timeout: u64,
        /// Connections open at once; more wait until one closes (keep the
        /// open-file limit, `ulimit -n`, above it).
        #[arg(long, env = "SIFA_MAX_CONNECTIONS", default_value_t = sifa_server::DEFAULT_MAX_CONNECTIONS, value_parser = clap::value_parser!(u64).range(1..).map(|n| n as usize))]
        max_connections: usize,
        #[command(flatten)]
        synonyms: SynonymsArgs,
    },
    /// Search from the terminal, with the same query language and parameters as the API.
    Search {
        /// Words, "phrases", -exclusions, OR, title:word (a query may start with -).
        #[arg(allow_hyphen_values = true)]
        query: Option<String>,
        #[command(flatten)]
        index: IndexArgs,
        // One flag per search parameter of the API (`--agency`, `--per-page`, …).
        #[command(flatten)]
        search: SearchArgs,
        #[command(flatten)]
        synonyms: SynonymsArgs,
        /// Print the API's JSON response.
        #[arg(long)]
        json: bool,
    },
    /// Keyword in context: every place the words stand in the publications
    /// a search matches, with what precedes and follows (the API's
    /// concordance, with the same parameters).
    Concordance {
        /// The words to look for, in the query language of `sifa search`.
        #[arg(allow_hyphen_values = true)]
        query: String,
        #[command(flatten)]
        index: IndexArgs,
        // One flag per parameter of the API's concordance (`--context`, `--sort`, `--agency`, …).
        #[command(flatten)]
        concordance: ConcordanceArgs,
        #[command(flatten)]
        synonyms: SynonymsArgs,
        /// Print the API's JSON response.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print every line as CSV (the API's format=csv), not a page.
        #[arg(long)]
        csv: bool,
    },
    /// Measure ranking on a relevance set: MRR@10 and recall@10.
    #[command(args_conflicts_with_subcommands = true)]
    Eval {
        /// `extract`: measure the metadata reader on labelled pages instead.
        #[command(subcommand)]
        what: Option<EvalCommand>,
        #[command(flatten)]
        index: IndexArgs,
        /// Tab-separated file: query, then the ids that must be in the top 10
        /// (default: the relevance set built into sifa, the repository's
        /// tests/relevance/queries.tsv, which judges the shared corpus).
        #[arg(long)]
        queries: Option<std::path::PathBuf>,
        /// Measure without the field's abbreviations and synonyms.
        #[arg(long)]
        no_expand: bool,
        #[command(flatten)]
        synonyms: SynonymsArgs,
    },
    /// List the abbreviations and synonyms searched with each query, with their notes.
    Synonyms {
        #[command(flatten)]
        synonyms: SynonymsArgs,
        /// Print the groups as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Verify the live index: files, checksums, metadata, every stored document.
    Check {
        #[command(flatten)]
        index: IndexArgs,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show what the live index holds.
    Stats {
        #[command(flatten)]
        index: IndexArgs,
        /// Print the statistics as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// A list of API parameters that a command takes as flags.
pub trait ParameterList {
    fn parameters() -> Vec<&'static Parameter>;
}

/// The search's parameters.
#[derive(Debug, Clone, Default)]
pub struct SearchList;

impl ParameterList for SearchList {
    fn parameters() -> Vec<&'static Parameter> {
        sifa_query::search_parameters().iter().collect()
    }
}

/// The concordance's: the search's it does not replace, then its own.
#[derive(Debug, Clone, Default)]
pub struct ConcordanceList;

impl ParameterList for ConcordanceList {
    fn parameters() -> Vec<&'static Parameter> {
        sifa_query::with_search_parameters(sifa_query::concordance_parameters())
    }
}

/// API parameters as flags, made from the one list of them
/// ([`sifa_query::search_parameters`] and a route's own): a dimension
/// added there is a flag here.
#[derive(Debug, Clone, Default)]
pub struct ParameterArgs<L> {
    /// (parameter, value) pairs, as a query string would give them.
    pub pairs: Vec<(&'static str, String)>,
    list: PhantomData<L>,
}

/// The search parameters of the API as `sifa search` flags.
pub type SearchArgs = ParameterArgs<SearchList>;
/// The concordance's parameters as `sifa concordance` flags.
pub type ConcordanceArgs = ParameterArgs<ConcordanceList>;

impl<L: ParameterList> clap::FromArgMatches for ParameterArgs<L> {
    fn from_arg_matches(matches: &clap::ArgMatches) -> Result<Self, clap::Error> {
        let mut pairs = Vec::new();
        for parameter in L::parameters() {
            match parameter.flag {
                Flag::Positional => {}
                Flag::Named(_) => {
                    let values = matches.get_many::<String>(parameter.name).into_iter().flatten();
                    pairs.extend(values.map(|v| (parameter.name, v.clone())));
                }
                Flag::Switch { value, .. } if matches.get_flag(parameter.name) => {
                    pairs.push((parameter.name, value.to_string()));
                }
                Flag::Switch { .. } => {}
            }
        }
        Ok(Self { pairs, list: PhantomData })
    }

    fn update_from_arg_matches(&mut self, matches: &clap::ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

impl<L: ParameterList> clap::Args for ParameterArgs<L> {
    fn augment_args(mut command: clap::Command) -> clap::Command {
        for parameter in L::parameters() {
            let arg = clap::Arg::new(parameter.name);
            let arg = match parameter.flag {
                Flag::Positional => continue,
                Flag::Named(long) => {
                    let many = parameter.shape == Shape::List;
                    let action = if many { clap::ArgAction::Append } else { clap::ArgAction::Set };
                    arg.long(long).action(action).help(parameter.description.clone())
                }
                Flag::Switch { long, help, .. } => arg.long(long).action(clap::ArgAction::SetTrue).help(help),
            };
            command = command.arg(arg);
        }
        command
    }

    fn augment_args_for_update(command: clap::Command) -> clap::Command {
        Self::augment_args(command)
    }
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
        /// Directory with the rule files (see `sifa reindex --help`); built-in rules otherwise.
        #[arg(long, env = "SIFA_RULES")]
        rules: Option<PathBuf>,
    },
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    /// Every subcommand says what it does and every argument what it is,
    /// all the way down the command tree.
    #[test]
    fn every_command_and_argument_has_help_text() {
        let mut missing = Vec::new();
        let mut stack = vec![(String::from("sifa"), Cli::command())];
        while let Some((path, command)) = stack.pop() {
            if command.get_about().is_none() {
                missing.push(format!("{path}: no description"));
            }
            for arg in command.get_arguments() {
                let built_in = matches!(arg.get_id().as_str(), "help" | "version");
                if !built_in && arg.get_help().is_none() && arg.get_long_help().is_none() {
                    missing.push(format!("{path} {}: no help", arg.get_id()));
                }
            }
            for sub in command.get_subcommands() {
                if sub.get_name() != "help" {
                    stack.push((format!("{path} {}", sub.get_name()), sub.clone()));
                }
            }
        }
        assert!(missing.is_empty(), "arguments without help text:\n{}", missing.join("\n"));
    }

    #[test]
    fn the_command_tree_is_consistent() {
        Cli::command().debug_assert();
    }
}
