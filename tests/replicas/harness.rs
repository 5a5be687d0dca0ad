//! The harness of the replica test: HAProxy started from the shipped
//! configuration and read through its status page, a load of keep-alive
//! searches, and a watcher of the generation each replica serves.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::util::{Client, Server, demo_data, free_port, get, json, start_server_at, wait_until};

/// Connections searching through the load balancer.
pub(super) const CONNECTIONS: usize = 16;
/// Long enough for a loaded machine: a replica verifies and opens a copy,
/// HAProxy needs two health checks a second apart.
pub(super) const PATIENCE: Duration = Duration::from_secs(60);

/// HAProxy or rsync, wherever Debian puts it; `None` (skipping) on a
/// developer's machine without it, a failure in CI, where `scripts/test`
/// installs both.
pub(super) fn tool(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let found = std::env::split_paths(&path)
        .chain(["/usr/sbin", "/usr/bin", "/sbin"].map(PathBuf::from))
        .map(|dir| dir.join(name))
        .find(|p| p.is_file());
    if found.is_none() {
        assert!(!std::env::var("CI").is_ok_and(|v| v == "true"), "{name} is missing; scripts/test installs it");
        eprintln!("skipping: {name} is not installed (scripts/test installs it)");
    }
    found
}

/// A running HAProxy, stopped when dropped.
pub(super) struct Haproxy {
    child: Child,
    pub(super) port: u16,
    pub(super) stats: u16,
}

impl Drop for Haproxy {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `deploy/haproxy.cfg` for loopback: the `server` lines point at the
/// replicas' ports, the binds at free ports, logs go to stderr and the
/// lines that need root (chroot, user, the admin socket) are left out.
pub(super) fn haproxy_config(replicas: &[u16], port: u16, stats: u16) -> String {
    let shipped = fs::read_to_string(crate::util::repo().join("deploy/haproxy.cfg")).unwrap();
    let mut out = String::new();
    let mut servers_written = false;
    let needs_root = ["chroot ", "user ", "group ", "daemon", "stats socket "];
    for line in shipped.lines() {
        let word = line.split_whitespace().next().unwrap_or("");
        match word {
            _ if needs_root.iter().any(|w| line.trim_start().starts_with(w)) => {}
            "log" if line.contains("/dev/log") => out.push_str("    log stderr format short local0\n"),
            "bind" if line.contains("127.0.0.1:8404") => out.push_str(&format!("    bind 127.0.0.1:{stats}\n")),
            "bind" => out.push_str(&format!("    bind 127.0.0.1:{port}\n")),
            "server" if !servers_written => {
                for (i, p) in replicas.iter().enumerate() {
                    out.push_str(&format!("    server replica{} 127.0.0.1:{p}\n", i + 1));
                }
                servers_written = true;
            }
            "server" => {}
            _ => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    assert!(servers_written && out.contains("/readyz") && out.contains("retry-on"), "{out}");
    out
}

pub(super) fn start_haproxy(haproxy: &Path, dir: &Path, name: &str, replicas: &[u16]) -> Haproxy {
    let (port, stats) = (free_port(), free_port());
    let config = dir.join(format!("{name}.cfg"));
    fs::write(&config, haproxy_config(replicas, port, stats)).unwrap();
    let log = fs::File::create(dir.join(format!("{name}.log"))).unwrap();
    let child = Command::new(haproxy)
        .arg("-db")
        .arg("-f")
        .arg(&config)
        .stdout(Stdio::null())
        .stderr(Stdio::from(log))
        .spawn()
        .unwrap();
    let proxy = Haproxy { child, port, stats };
    wait_until("HAProxy marking every replica up", PATIENCE, || {
        servers_up(stats).is_some_and(|up| up.len() == replicas.len() && up.iter().all(|(_, up)| *up))
    });
    proxy
}

/// Each server of the `replicas` backend and whether HAProxy has it up,
/// from its status page in CSV.
pub(super) fn servers_up(stats: u16) -> Option<Vec<(String, bool)>> {
    let (status, csv) = get(stats, "/stats;csv")?;
    if status != 200 {
        return None;
    }
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next()?.trim_start_matches("# ").split(',').collect();
    let column = |name: &str| header.iter().position(|h| *h == name);
    let (px, sv, st) = (column("pxname")?, column("svname")?, column("status")?);
    Some(
        lines
            .map(|l| l.split(',').collect::<Vec<_>>())
            .filter(|f| f.len() > st && f[px] == "replicas" && f[sv] != "BACKEND" && f[sv] != "FRONTEND")
            .map(|f| (f[sv].to_string(), f[st].starts_with("UP")))
            .collect(),
    )
}

pub(super) fn is_up(stats: u16, server: &str) -> bool {
    servers_up(stats).is_some_and(|all| all.iter().any(|(name, up)| name == server && *up))
}

pub(super) fn start_replica(port: u16, index: &Path, log: &Path) -> Server {
    let log = fs::OpenOptions::new().create(true).append(true).open(log).unwrap();
    start_server_at(port, index.to_str().unwrap(), &demo_data(), &["--replica", "--verbose"], Stdio::from(log))
}

/// `deploy/publish.sh args…`, with `rsync` found where [`tool`] found it.
pub(super) fn publish(rsync: &Path, args: &[&str]) {
    let script = crate::util::repo().join("deploy/publish.sh");
    let path = format!("{}:{}", rsync.parent().unwrap().display(), std::env::var("PATH").unwrap_or_default());
    let out = Command::new("bash").arg(script).args(args).env("PATH", path).output().unwrap();
    assert!(out.status.success(), "publish {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

pub(super) fn generation(port: u16) -> Option<String> {
    json(port, "/healthz")["generation"].as_str().map(str::to_string)
}

pub(super) fn live(index: &Path) -> String {
    fs::read_to_string(index.join("CURRENT")).unwrap().trim().to_string()
}

/// 16 keep-alive connections searching until stopped.
pub(super) struct Load {
    stop: Arc<AtomicBool>,
    workers: Vec<std::thread::JoinHandle<(Vec<f64>, Vec<u16>)>>,
    started: Instant,
}

/// What a load run saw.
pub(super) struct LoadReport {
    pub(super) requests: usize,
    pub(super) failed: Vec<u16>,
    pub(super) seconds: f64,
    pub(super) p50_ms: f64,
    pub(super) p99_ms: f64,
    pub(super) max_ms: f64,
}

impl LoadReport {
    pub(super) fn per_second(&self) -> f64 {
        self.requests as f64 / self.seconds
    }
}

pub(super) const LOAD_WORDS: &[&str] =
    &["法律援助", "人民调解", "社区矫正", "公共法律服务", "司法", "普法", "行政复议", ""];

impl Load {
    pub(super) fn start(port: u16) -> Load {
        let stop = Arc::new(AtomicBool::new(false));
        let workers = (0..CONNECTIONS)
            .map(|w| {
                let stop = stop.clone();
                std::thread::spawn(move || {
                    let mut client = Client::connect(port);
                    let (mut latencies, mut failed) = (Vec::new(), Vec::new());
                    let mut i = w;
                    while !stop.load(Ordering::Relaxed) {
                        let q: String = form_encode(LOAD_WORDS[i % LOAD_WORDS.len()]);
                        let started = Instant::now();
                        let status = client.get(&format!("/api/v1/search?q={q}&facets=agency"));
                        if status == 200 {
                            latencies.push(started.elapsed().as_secs_f64() * 1e3);
                        } else {
                            failed.push(status);
                            client = Client::connect(port);
                        }
                        i += 1;
                    }
                    (latencies, failed)
                })
            })
            .collect();
        Load { stop, workers, started: Instant::now() }
    }

    pub(super) fn stop(self) -> LoadReport {
        self.stop.store(true, Ordering::Relaxed);
        let seconds = self.started.elapsed().as_secs_f64();
        let (mut latencies, mut failed) = (Vec::new(), Vec::new());
        for worker in self.workers {
            let (l, f) = worker.join().unwrap();
            latencies.extend(l);
            failed.extend(f);
        }
        latencies.sort_by(f64::total_cmp);
        let at = |q: f64| {
            latencies
                .get(((latencies.len() as f64 * q) as usize).min(latencies.len().saturating_sub(1)))
                .copied()
                .unwrap_or(0.0)
        };
        LoadReport {
            requests: latencies.len() + failed.len(),
            seconds,
            p50_ms: at(0.5),
            p99_ms: at(0.99),
            max_ms: latencies.last().copied().unwrap_or(0.0),
            failed,
        }
    }
}

pub(super) fn form_encode(text: &str) -> String {
    text.bytes()
        .map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

/// The generations one replica reported, each with when it first did.
pub(super) type Moves = Vec<(Instant, String)>;

/// The generations each replica reported, polled every 20 ms until stopped.
pub(super) struct Watch {
    stop: Arc<AtomicBool>,
    seen: Arc<Mutex<Vec<Moves>>>,
    thread: std::thread::JoinHandle<()>,
}

impl Watch {
    pub(super) fn start(ports: Vec<u16>) -> Watch {
        let stop = Arc::new(AtomicBool::new(false));
        let seen = Arc::new(Mutex::new(vec![Vec::new(); ports.len()]));
        let thread = {
            let (stop, seen) = (stop.clone(), seen.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    for (i, port) in ports.iter().enumerate() {
                        if let Some(g) = get(*port, "/healthz").and_then(|(_, body)| {
                            serde_json::from_str::<Value>(&body).ok()?["generation"].as_str().map(str::to_string)
                        }) {
                            let mut seen = seen.lock().unwrap();
                            if seen[i].last().is_none_or(|(_, last)| *last != g) {
                                seen[i].push((Instant::now(), g));
                            }
                        }
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
            })
        };
        Watch { stop, seen, thread }
    }

    pub(super) fn stop(self) -> Vec<Moves> {
        self.stop.store(true, Ordering::Relaxed);
        self.thread.join().unwrap();
        Arc::try_unwrap(self.seen).unwrap().into_inner().unwrap()
    }
}
