//! The reading pipeline, assembled in one place.
//!
//! The CLI, the server's admin reindex, the test fixtures and the benches
//! all build the same three things from the same two directories: the
//! extractor (rule files), the user dictionary and the reindex options.

use std::path::{Path, PathBuf};

use sifa_extract::{Extractor, RuleFiles};
use sifa_store::{IndexLocation, WriterSettings};

use crate::walk::USER_DICTIONARY_FILE;
use crate::{IndexError, ProgressSink, ReindexOptions, ReindexSummary};

/// What it takes to read a data directory into an index.
pub struct Pipeline {
    pub extractor: Extractor,
    pub options: ReindexOptions,
}

impl Pipeline {
    /// The pipeline for `data_dir`, with the rule files and user dictionary
    /// of `rules_dir` (any file missing there falls back to the built-in
    /// one) and as many threads as the machine has cores.
    pub fn from_dirs(data_dir: &Path, rules_dir: Option<&Path>) -> Result<Self, IndexError> {
        Ok(Self {
            extractor: load_extractor(rules_dir)?,
            options: ReindexOptions {
                data_dir: data_dir.to_path_buf(),
                threads: default_threads(),
                writer: WriterSettings::bulk(default_threads()),
                user_dictionary: user_dictionary(rules_dir)?,
            },
        })
    }

    /// The pipeline with the built-in rules and dictionary.
    pub fn with_default_rules(data_dir: impl Into<PathBuf>) -> Self {
        Self {
            extractor: Extractor::with_default_rules(),
            options: ReindexOptions {
                data_dir: data_dir.into(),
                threads: default_threads(),
                writer: WriterSettings::bulk(default_threads()),
                user_dictionary: sifa_analysis::DEFAULT_USER_DICTIONARY.to_string(),
            },
        }
    }

    /// Sets the number of extraction and indexing threads (`None` keeps
    /// the default).
    pub fn with_threads(mut self, threads: Option<usize>) -> Self {
        if let Some(threads) = threads {
            self.options.threads = threads;
            self.options.writer.threads = threads.clamp(1, 8);
        }
        self
    }

    /// Builds a new generation of `location` from the data directory.
    pub fn reindex(&self, location: &IndexLocation, progress: &dyn ProgressSink) -> Result<ReindexSummary, IndexError> {
        crate::reindex(location, &self.extractor, &self.options, progress)
    }
}

/// The extractor with the rule files of `rules_dir` (any file missing
/// there falls back to the built-in one), for commands that read pages
/// without indexing them (`inspect`) or add a few (`add`).
pub fn load_extractor(rules_dir: Option<&Path>) -> Result<Extractor, IndexError> {
    let rules = match rules_dir {
        Some(dir) => RuleFiles::from_dir(dir)?,
        None => RuleFiles::default(),
    };
    Ok(Extractor::new(&rules)?)
}

/// One thread per core.
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// The user dictionary of `rules_dir`, or the built-in one.
fn user_dictionary(rules_dir: Option<&Path>) -> Result<String, IndexError> {
    match rules_dir.map(|dir| dir.join(USER_DICTIONARY_FILE)).filter(|path| path.exists()) {
        Some(path) => std::fs::read_to_string(&path)
            .map_err(|source| IndexError::UserDictionary { path: path.display().to_string(), source }),
        None => Ok(sifa_analysis::DEFAULT_USER_DICTIONARY.to_string()),
    }
}
