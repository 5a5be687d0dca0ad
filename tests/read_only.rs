//! An index its reader cannot write: a replica's read-only volume, or an
//! index another account owns (mode a-w). Reading needs no lock, so it is
//! searched, counted, checked, served and served as a replica.
//!
//! As root every file is writable whatever its mode, so the reading
//! commands then run as another user (`setpriv`, nobody's uid).

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::util::{Server, demo_data, free_port, get, json, reindex_json, tempdir, wait_until};

/// The uid and gid commands run as when the test runs as root.
const OTHER_USER: &str = "65534";

struct ReadOnlyIndex {
    dir: tempfile::TempDir,
    binary: PathBuf,
    as_root: bool,
}

impl ReadOnlyIndex {
    /// The demo corpus indexed, then the index made read-only for everyone.
    fn new() -> Self {
        let dir = tempdir();
        let index = dir.path().join("index");
        reindex_json(&demo_data().join("demo"), &index);
        // The reading user runs its own copy of the binary, in a place it may enter.
        let binary = dir.path().join("sifa");
        std::fs::copy(env!("CARGO_BIN_EXE_sifa"), &binary).unwrap();
        std::fs::create_dir(dir.path().join("data")).unwrap();
        set_mode(dir.path(), 0o755);
        set_mode(&dir.path().join("data"), 0o755);
        set_mode(&binary, 0o755);
        make_read_only(&index);
        let as_root = std::fs::metadata(dir.path()).unwrap().uid() == 0;
        Self { dir, binary, as_root }
    }

    fn index(&self) -> PathBuf {
        self.dir.path().join("index")
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// `sifa args…` as a user who cannot write the index.
    fn command(&self, args: &[&str]) -> Command {
        let mut command = if self.as_root {
            let mut c = Command::new("setpriv");
            c.args(["--reuid", OTHER_USER, "--regid", OTHER_USER, "--clear-groups"]).arg(&self.binary);
            c
        } else {
            Command::new(&self.binary)
        };
        command.args(args).current_dir(self.dir.path()).env_remove("SIFA_INDEX").env_remove("SIFA_DATA");
        command
    }

    fn run_ok(&self, args: &[&str]) -> String {
        let output = self.command(args).output().expect("sifa runs");
        assert!(
            output.status.success(),
            "sifa {args:?} failed on a read-only index:\n{}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    }

    fn serve(&self, extra: &[&str]) -> Server {
        let port = free_port();
        let index = self.index();
        let data = self.data();
        let addr = format!("127.0.0.1:{port}");
        let mut args =
            vec!["serve", "--index", index.to_str().unwrap(), "--data", data.to_str().unwrap(), "--addr", &addr];
        args.extend_from_slice(extra);
        let child = self.command(&args).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
        let server = Server::adopt(child, port);
        wait_until("the server answering", Duration::from_secs(120), || get(port, "/healthz").is_some());
        server
    }
}

impl Drop for ReadOnlyIndex {
    fn drop(&mut self) {
        // Writable again, so the temporary directory can be removed.
        for entry in walk(&self.index()) {
            let mode = if entry.is_dir() { 0o755 } else { 0o644 };
            set_mode(&entry, mode);
        }
    }
}

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn walk(root: &Path) -> Vec<PathBuf> {
    let mut out = vec![root.to_path_buf()];
    let mut i = 0;
    while i < out.len() {
        if out[i].is_dir() {
            let children: Vec<PathBuf> = std::fs::read_dir(&out[i]).unwrap().map(|e| e.unwrap().path()).collect();
            out.extend(children);
        }
        i += 1;
    }
    out
}

/// Mode a-w on every file and directory, as a read-only copy has it.
fn make_read_only(root: &Path) {
    for path in walk(root).into_iter().rev() {
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o7777;
        set_mode(&path, mode & !0o222);
    }
}

fn setpriv_available() -> bool {
    Command::new("setpriv").arg("--version").output().is_ok_and(|o| o.status.success())
}

#[test]
fn a_read_only_index_is_searched_counted_and_checked() {
    let copy = ReadOnlyIndex::new();
    if copy.as_root && !setpriv_available() {
        assert!(std::env::var("CI").is_err(), "CI needs setpriv to test a read-only index as another user");
        eprintln!("skipping: running as root without setpriv");
        return;
    }
    let index = copy.index();
    let index = index.to_str().unwrap();
    let found: serde_json::Value =
        serde_json::from_str(&copy.run_ok(&["search", "法律援助", "--index", index, "--json"])).unwrap();
    assert!(found["total"].as_u64().unwrap() > 0, "{found}");
    let stats: serde_json::Value = serde_json::from_str(&copy.run_ok(&["stats", "--index", index, "--json"])).unwrap();
    assert!(stats["documents"].as_u64().unwrap() >= 40, "{stats}");
    let check = copy.run_ok(&["check", "--index", index]);
    assert!(check.contains("healthy"), "a read-only index is sound:\n{check}");
}

#[test]
fn a_read_only_index_is_served_and_served_as_a_replica() {
    let copy = ReadOnlyIndex::new();
    if copy.as_root && !setpriv_available() {
        assert!(std::env::var("CI").is_err(), "CI needs setpriv to test a read-only index as another user");
        return;
    }
    for extra in [&[][..], &["--replica"][..]] {
        let server = copy.serve(extra);
        wait_until("ready", Duration::from_secs(60), || get(server.port, "/readyz").is_some_and(|(s, _)| s == 200));
        let answer = json(server.port, "/api/v1/search?q=%E6%B3%95%E5%BE%8B%E6%8F%B4%E5%8A%A9");
        assert!(answer["total"].as_u64().unwrap() > 0, "{extra:?}: {answer}");
    }
}

#[test]
fn a_reindex_into_an_unwritable_place_fails_before_it_starts() {
    let copy = ReadOnlyIndex::new();
    if copy.as_root && !setpriv_available() {
        assert!(std::env::var("CI").is_err(), "CI needs setpriv to test a read-only index as another user");
        return;
    }
    let generations = || std::fs::read_dir(copy.index().join("generations")).unwrap().count();
    let before = generations();
    let data = demo_data().join("demo");
    // The reading user may read the demo corpus from a copy of its own.
    let readable = copy.dir.path().join("corpus");
    copy_dir(&data, &readable);
    let index = copy.index();
    let output = copy
        .command(&["reindex", "--data", readable.to_str().unwrap(), "--index", index.to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{stderr}");
    assert!(stderr.contains("cannot write the index"), "a clear message: {stderr}");
    assert!(!stderr.contains("extract") && !stderr.contains("documents indexed"), "no work was done: {stderr}");
    assert_eq!(generations(), before, "nothing was left behind");
    // A lock file and a generations folder it may write, in a folder it may
    // not: the generation could be built, but never switched to.
    set_mode(&copy.index().join(".lock"), 0o666);
    set_mode(&copy.index().join("generations"), 0o777);
    let output = copy
        .command(&["reindex", "--data", readable.to_str().unwrap(), "--index", index.to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success() && stderr.contains("cannot write the index"), "{stderr}");
    assert_eq!(generations(), before, "no orphan generation");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    set_mode(to, 0o755);
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
            set_mode(&target, 0o644);
        }
    }
}
