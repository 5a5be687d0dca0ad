//! Replicas behind a standard load balancer: three `sifa serve --replica`
//! processes behind HAProxy run with `deploy/haproxy.cfg`, generations
//! published to them with `deploy/publish.sh` (rsync), all on 127.0.0.1.
//!
//! One test walks through the life of a deployment, each step asserting
//! correctness only (no timing): replicas are not ready before a copy
//! arrives; 200 fixed queries give the same top 10 from every replica; a
//! generation published while 16 connections search fails no request and
//! moves each replica forward only; a replica SIGKILLed under load fails
//! no request through HAProxy and rejoins when restarted; a half-copied
//! and then a corrupted copy are refused while the previous generation is
//! served, and publishing again repairs it. The figures it prints (switch
//! time, failover, throughput with 3 replicas and with 1) are for the
//! README; on 2 cores they measure the machine, not the design.

mod harness;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::metrics::{scrape, value};
use crate::util::{Server, demo_data, free_port, get, json, run_ok, tempdir, wait_until};
use harness::{
    CONNECTIONS, Load, PATIENCE, Watch, form_encode, generation, is_up, live, publish, start_haproxy, start_replica,
    tool,
};

/// 200 fixed searches: words, phrases, filters, orders and pages.
fn fixed_queries() -> Vec<String> {
    let words = [
        "法律援助",
        "人民调解",
        "社区矫正",
        "公共法律服务",
        "司法",
        "普法",
        "行政复议",
        "律师",
        "公证",
        "调解",
        "法治",
        "宣传",
        "培训",
        "安置帮教",
        "矛盾纠纷",
        "\"法律援助\"",
        "title:司法局",
        "司法鉴定",
        "援助 OR 矫正",
        "",
    ];
    let variants = [
        "",
        "&sort=date_desc",
        "&sort=date_asc",
        "&page=2",
        "&kind=news",
        "&facets=agency,year",
        "&agency=山东省",
        "&per_page=5",
        "&topic=法律援助",
        "&from=2020-01-01",
    ];
    let queries: Vec<String> = words
        .iter()
        .flat_map(|w| {
            variants.iter().map(move |v| {
                format!(
                    "/api/v1/search?q={}{}",
                    form_encode(w),
                    v.replace("山东省", &form_encode("山东省")).replace("法律援助", &form_encode("法律援助"))
                )
            })
        })
        .collect();
    assert_eq!(queries.len(), 200);
    queries
}

/// Total and top-10 ids of a search.
fn top10(port: u16, path: &str) -> (Value, Vec<Value>) {
    let r = json(port, path);
    let ids = r["hits"].as_array().unwrap().iter().map(|h| h["id"].clone()).collect();
    (r["total"].clone(), ids)
}

fn corrupt_one_byte(file: &Path) {
    let mut bytes = fs::read(file).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x40;
    fs::write(file, bytes).unwrap();
}

#[test]
fn replicas_behind_haproxy_serve_verified_generations_without_failing_a_request() {
    let (Some(haproxy), Some(rsync)) = (tool("haproxy"), tool("rsync")) else { return };
    let _exclusive = crate::util::exclusive();
    let begun = Instant::now();
    let dir = tempdir();
    let host = dir.path().join("host");
    let data = dir.path().join("data");
    copy_dir(&demo_data(), &data);
    let host_index = host.to_str().unwrap();
    run_ok(&["reindex", "--data", data.to_str().unwrap(), "--index", host_index]);
    let first = live(&host);

    // Three replicas with nothing yet: alive, not ready, searches 503.
    let ports: Vec<u16> = (0..3).map(|_| free_port()).collect();
    let indexes: Vec<PathBuf> = (1..=3).map(|i| dir.path().join(format!("replica{i}"))).collect();
    let logs: Vec<PathBuf> = (1..=3).map(|i| dir.path().join(format!("replica{i}.log"))).collect();
    let mut replicas: Vec<Option<Server>> =
        (0..3).map(|i| Some(start_replica(ports[i], &indexes[i], &logs[i]))).collect();
    for port in &ports {
        assert_eq!(get(*port, "/readyz").unwrap().0, 503, "no copy yet: not ready");
        assert_eq!(get(*port, "/api/v1/search?q=x").unwrap().0, 503);
    }
    let dests: Vec<&str> = indexes.iter().map(|p| p.to_str().unwrap()).collect();
    publish(&rsync, &[&[host_index][..], &dests].concat());
    for port in &ports {
        wait_until("a replica serving its first copy", PATIENCE, || {
            get(*port, "/readyz").is_some_and(|(s, _)| s == 200)
        });
        assert_eq!(generation(*port).as_deref(), Some(first.as_str()));
    }
    let balancer = start_haproxy(&haproxy, dir.path(), "haproxy-3", &ports);
    let single = start_haproxy(&haproxy, dir.path(), "haproxy-1", &ports[..1]);

    // 1. The same answers from every replica.
    let queries = fixed_queries();
    for path in &queries {
        let expected = top10(ports[0], path);
        for port in &ports[1..] {
            assert_eq!(top10(*port, path), expected, "{path} differs between replicas");
        }
    }

    // Throughput through HAProxy, 3 replicas and then 1, same connections.
    let measure = |port: u16| {
        let load = Load::start(port);
        std::thread::sleep(Duration::from_secs(8));
        load.stop()
    };
    let three = measure(balancer.port);
    let one = measure(single.port);
    assert!(three.failed.is_empty() && one.failed.is_empty(), "{:?} {:?}", three.failed, one.failed);
    drop(single);

    // 2. A new generation (one more publication) published under load.
    fs::write(
        data.join("replica-test.txt"),
        "示例市司法局发布副本测试通知\n发布日期：2025-06-01\n为检验索引副本发布流程，现将有关事项通知如下。\n",
    )
    .unwrap();
    run_ok(&["reindex", "--data", data.to_str().unwrap(), "--index", host_index]);
    let second = live(&host);
    assert!(second > first, "generation names sort in build order");
    let documents_before = json(ports[0], "/healthz")["documents"].as_u64().unwrap();
    let reload_seconds = |port: u16| {
        let metrics = scrape(port);
        let read = |name: &str| value(&metrics, name, &[]).unwrap();
        (read("sifa_index_reload_duration_seconds_sum"), read("sifa_index_reload_duration_seconds_count"))
    };
    let reloads_before: Vec<(f64, f64)> = ports.iter().map(|p| reload_seconds(*p)).collect();
    let load = Load::start(balancer.port);
    let watch = Watch::start(ports.clone());
    std::thread::sleep(Duration::from_secs(1));
    let publish_started = Instant::now();
    publish(&rsync, &[&[host_index][..], &dests].concat());
    let published_in = publish_started.elapsed();
    for port in &ports {
        wait_until("a replica switching", PATIENCE, || generation(*port).as_deref() == Some(second.as_str()));
    }
    let all_switched_in = publish_started.elapsed();
    std::thread::sleep(Duration::from_secs(1));
    let seen = watch.stop();
    let during_publish = load.stop();
    assert!(during_publish.failed.is_empty(), "failed during the publish: {:?}", during_publish.failed);
    for (i, moves) in seen.iter().enumerate() {
        let names: Vec<&str> = moves.iter().map(|(_, g)| g.as_str()).collect();
        assert!(names.windows(2).all(|w| w[0] < w[1]), "replica {} moved {names:?}", i + 1);
        assert_eq!(names.last(), Some(&second.as_str()));
    }
    for port in &ports {
        assert_eq!(json(*port, "/healthz")["documents"].as_u64(), Some(documents_before + 1));
    }
    // What a replica spent verifying and opening the new generation.
    let verify_ms: Vec<String> = ports
        .iter()
        .zip(&reloads_before)
        .map(|(port, (sum, count))| {
            let (sum_after, count_after) = reload_seconds(*port);
            format!("{:.0}", (sum_after - sum) / (count_after - count).max(1.0) * 1e3)
        })
        .collect();

    // 3. SIGKILL one replica under load, then restart it.
    let load = Load::start(balancer.port);
    std::thread::sleep(Duration::from_secs(1));
    let killed = Instant::now();
    replicas[1] = None; // Server's drop: SIGKILL and reap
    wait_until("HAProxy taking replica2 out", PATIENCE, || !is_up(balancer.stats, "replica2"));
    let failover = killed.elapsed();
    std::thread::sleep(Duration::from_secs(2));
    let restarted = Instant::now();
    replicas[1] = Some(start_replica(ports[1], &indexes[1], &logs[1]));
    wait_until("replica2 rejoining", PATIENCE, || is_up(balancer.stats, "replica2"));
    let rejoined = restarted.elapsed();
    wait_until("replica2 answering searches again", PATIENCE, || {
        value(&scrape(ports[1]), "sifa_http_requests_total", &[("route", "/api/v1/search"), ("status", "200")])
            .is_some_and(|n| n > 0.0)
    });
    let during_failover = load.stop();
    assert!(during_failover.failed.is_empty(), "failed during the failover: {:?}", during_failover.failed);
    assert_eq!(generation(ports[1]).as_deref(), Some(second.as_str()), "the restarted replica serves its copy");

    // 4. A half-copied, then a corrupted copy on replica3: refused, the
    // previous generation served; publishing again repairs it.
    run_ok(&["reindex", "--data", data.to_str().unwrap(), "--index", host_index]);
    let third = live(&host);
    let source = host.join("generations").join(&third);
    let target = indexes[2].join("generations").join(&third);
    let rsync_run = |args: &[&str]| {
        let out = Command::new(&rsync).args(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    };
    rsync_run(&["-a", "--exclude", "*.store", &format!("{}/", source.display()), &format!("{}/", target.display())]);
    fs::write(indexes[2].join("CURRENT.tmp"), &third).unwrap();
    fs::rename(indexes[2].join("CURRENT.tmp"), indexes[2].join("CURRENT")).unwrap();
    let refused = |port: u16| json(port, "/healthz")["refused"]["reason"].as_str().map(str::to_string);
    wait_until("the half copy refused", PATIENCE, || refused(ports[2]).is_some_and(|r| r.contains("missing")));
    assert_eq!(generation(ports[2]).as_deref(), Some(second.as_str()));
    // The rest arrives with one byte changed on the way (staged, so the
    // replica never sees an intact copy).
    let staging = dir.path().join("staging");
    rsync_run(&["-a", &format!("{}/", source.display()), &format!("{}/", staging.display())]);
    let store = fs::read_dir(&staging)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "store"));
    corrupt_one_byte(&store.unwrap());
    rsync_run(&["-a", &format!("{}/", staging.display()), &format!("{}/", target.display())]);
    wait_until("the corrupted copy refused", PATIENCE, || refused(ports[2]).is_some_and(|r| r.contains("checksum")));
    assert_eq!(generation(ports[2]).as_deref(), Some(second.as_str()), "still the previous generation");
    assert_eq!(get(ports[2], "/readyz").unwrap().0, 200, "still ready: it serves a verified generation");
    assert_eq!(json(ports[2], "/api/v1/search?q=%E5%89%AF%E6%9C%AC%E6%B5%8B%E8%AF%95")["total"], 1);
    let metrics = scrape(ports[2]);
    assert!(value(&metrics, "sifa_index_reloads_total", &[("outcome", "refused")]).unwrap() >= 2.0);
    assert_eq!(value(&metrics, "sifa_index_refused", &[]), Some(1.0));
    publish(&rsync, &[host_index, dests[2]]);
    wait_until("the repaired copy served", PATIENCE, || generation(ports[2]).as_deref() == Some(third.as_str()));
    assert_eq!(value(&scrape(ports[2]), "sifa_index_refused", &[]), Some(0.0));
    assert!(!indexes[2].join("generations").join(&first).exists(), "publishing removes what the host no longer keeps");

    let switch_ms: Vec<String> = seen
        .iter()
        .map(|moves| {
            let at = moves.iter().find(|(_, g)| *g == second).map(|(t, _)| t.duration_since(publish_started));
            format!("{:.0}", at.unwrap_or_default().as_secs_f64() * 1e3)
        })
        .collect();
    eprintln!(
        "replicas: 200 queries identical on 3 replicas\n\
         throughput through HAProxy, {CONNECTIONS} connections, 8 s: 3 replicas {:.0} searches/s (p50 {:.1} ms, p99 {:.1} ms), 1 replica {:.0} searches/s (p50 {:.1} ms, p99 {:.1} ms)\n\
         publish under load: {} requests, {} failed; rsync to 3 replicas {:.0} ms, all switched {:.0} ms after it began (replicas {} ms; verifying and opening {} ms); p99 {:.1} ms, max {:.1} ms\n\
         SIGKILL under load: {} requests, {} failed; HAProxy took it out in {:.1} s, rejoined {:.1} s after restart; p99 {:.1} ms, max {:.1} ms\n\
         whole test {:.0} s",
        three.per_second(),
        three.p50_ms,
        three.p99_ms,
        one.per_second(),
        one.p50_ms,
        one.p99_ms,
        during_publish.requests,
        during_publish.failed.len(),
        published_in.as_secs_f64() * 1e3,
        all_switched_in.as_secs_f64() * 1e3,
        switch_ms.join("/"),
        verify_ms.join("/"),
        during_publish.p99_ms,
        during_publish.max_ms,
        during_failover.requests,
        during_failover.failed.len(),
        failover.as_secs_f64(),
        rejoined.as_secs_f64(),
        during_failover.p99_ms,
        during_failover.max_ms,
        begun.elapsed().as_secs_f64(),
    );
    drop(balancer);
    drop(replicas);
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(entry.file_name()));
        } else {
            fs::copy(&path, to.join(entry.file_name())).unwrap();
        }
    }
}
