//! Shared helpers: the binary, temporary directories, the demo corpus and
//! the shared benchmark corpus.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn demo_data() -> PathBuf {
    repo().join("data")
}

/// A `sifa` command with logging quiet and no inherited `SIFA_*` settings.
pub fn sifa() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_sifa"));
    for (key, _) in std::env::vars() {
        if key.starts_with("SIFA_") {
            command.env_remove(key);
        }
    }
    command.current_dir(repo());
    command
}

/// Runs `sifa args…` and returns its output.
pub fn run(args: &[&str]) -> Output {
    sifa().args(args).output().expect("sifa runs")
}

/// Runs `sifa args…`, asserting success, and returns stdout.
pub fn run_ok(args: &[&str]) -> String {
    let output = run(args);
    assert!(
        output.status.success(),
        "sifa {args:?} failed ({}):\n{}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8 output")
}

/// `sifa inspect --json FILE` as JSON objects.
pub fn inspect(file: &Path) -> Vec<serde_json::Value> {
    let out = run_ok(&["inspect", "--json", file.to_str().expect("utf-8 path")]);
    out.lines().map(|l| serde_json::from_str(l).expect("inspect prints JSON lines")).collect()
}

/// The shared corpus: `$SIFA_CORPUS` or `../shared/corpus`. Missing is
/// fine on a developer's fresh clone, and an error in CI.
pub fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("SIFA_CORPUS").map(PathBuf::from).unwrap_or_else(|| repo().join("../shared/corpus"));
    if dir.join("seeds").is_dir() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("the shared corpus is missing at {} (set SIFA_CORPUS); CI needs it", dir.display());
    }
    eprintln!("skipping: no shared corpus at {}", dir.display());
    None
}

/// A temporary directory that lives as long as the value.
pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}
