//! Works in several versions: law-like publications with one title and
//! several dates (the newest is current, the older amended), and works a
//! later text repeals (《…》同时废止, 废止《…》), every version of which is
//! repealed.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use sifa_store::links::{Links, Version, VersionStatus};

use super::LinkEntry;

/// The works found in several versions, by entry: what citations and
/// reposts need to know of versions.
pub(super) struct Works {
    /// The work of an entry.
    work_of: HashMap<usize, usize>,
}

impl Works {
    /// The work `entry` is a version of, if it has several.
    pub(super) fn of(&self, entry: usize) -> Option<usize> {
        self.work_of.get(&entry).copied()
    }

    /// Whether two entries are versions of one work.
    pub(super) fn same_work(&self, a: usize, b: usize) -> bool {
        self.of(a).is_some_and(|work| self.of(b) == Some(work))
    }
}

/// Puts the versions of every work, and what is repealed, into `links`.
pub(super) fn attach(entries: &[LinkEntry], links: &mut Links) -> Works {
    let groups = version_groups(entries);
    for (number, members) in groups.iter().enumerate() {
        for &i in members {
            links.documents.entry(entries[i].id.clone()).or_default().version_group = Some(number);
        }
    }
    links.version_groups = groups.iter().map(|members| versions(entries, members)).collect();
    mark_repealed(entries, links);
    let work_of = groups.iter().enumerate().flat_map(|(g, members)| members.iter().map(move |&i| (i, g))).collect();
    Works { work_of }
}

/// Groups of law-like entries with one key and more than one date, oldest
/// first. Entries of one date (the books of one code) are parts of one
/// version, not versions. An undated entry is no version: which one it
/// copies is for the reposts to say, by its text. The issuer is not
/// compared: sources spell one issuer many ways, while a law-like title
/// names its place.
fn version_groups(entries: &[LinkEntry]) -> Vec<Vec<usize>> {
    let mut by_work: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let dated_law = |e: &LinkEntry| e.kind.is_law_like() && !e.key.is_empty() && e.date.is_some();
    for (i, entry) in entries.iter().enumerate().filter(|(_, e)| dated_law(e)) {
        by_work.entry(entry.key.as_str()).or_default().push(i);
    }
    by_work
        .into_values()
        .filter_map(|mut members| {
            members.sort_by(|&a, &b| {
                entries[a].date.cmp(&entries[b].date).then_with(|| entries[a].id.cmp(&entries[b].id))
            });
            let dates: BTreeSet<_> = members.iter().map(|&i| entries[i].date).collect();
            (dates.len() > 1).then_some(members)
        })
        .collect()
}

/// The versions of a group: the newest date is current, older ones amended.
fn versions(entries: &[LinkEntry], members: &[usize]) -> Vec<Version> {
    let newest = members.iter().map(|&i| entries[i].date).max().flatten();
    members
        .iter()
        .map(|&i| {
            let entry = &entries[i];
            let status = if entry.date == newest { VersionStatus::Current } else { VersionStatus::Amended };
            Version { id: entry.id.clone(), date: entry.date.map(|d| d.to_string()), status }
        })
        .collect()
}

/// Works that a later text says it repeals: every version is repealed;
/// a work of one version gets a group of its own to say so.
fn mark_repealed(entries: &[LinkEntry], links: &mut Links) {
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, entry) in entries.iter().enumerate().filter(|(_, e)| e.kind.is_law_like()) {
        by_key.entry(entry.key.as_str()).or_default().push(i);
    }
    for repealer in entries.iter().filter(|e| !e.repealed.is_empty()) {
        for key in &repealer.repealed {
            let Some(targets) = by_key.get(key.as_str()) else { continue };
            let newest = targets.iter().map(|&i| entries[i].date).max().flatten();
            let later = match (repealer.date, newest) {
                (Some(repealing), Some(newest)) => repealing >= newest,
                _ => true,
            };
            if !later || targets.iter().any(|&i| entries[i].id == repealer.id) {
                continue;
            }
            let group = match links.of(&entries[targets[0]].id).and_then(|l| l.version_group) {
                Some(group) => group,
                None => {
                    links.version_groups.push(Vec::new());
                    let group = links.version_groups.len() - 1;
                    for &i in targets {
                        let entry = &entries[i];
                        links.documents.entry(entry.id.clone()).or_default().version_group = Some(group);
                        links.version_groups[group].push(Version {
                            id: entry.id.clone(),
                            date: entry.date.map(|d| d.to_string()),
                            status: VersionStatus::Repealed,
                        });
                    }
                    group
                }
            };
            for version in &mut links.version_groups[group] {
                version.status = VersionStatus::Repealed;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use sifa_model::Kind;
    use sifa_store::links::VersionStatus;

    use crate::links::testing::{publication, table};

    #[test]
    fn a_repeal_statement_marks_the_work_repealed() {
        let links = table(&[
            publication(
                "old",
                "某某省法律援助规定",
                "旧规定。",
                Kind::LocalRegulation,
                Some("某某省人民代表大会常务委员会"),
                Some("2003-01-01"),
            ),
            publication(
                "new",
                "某某省法律援助条例",
                "本条例自2024年1月1日起施行。《某某省法律援助规定》同时废止。",
                Kind::LocalRegulation,
                None,
                Some("2023-11-30"),
            ),
        ]);
        let versions = links.versions_of("old").unwrap();
        assert_eq!(versions.len(), 1);
        assert_eq!(versions[0].status, VersionStatus::Repealed);
    }
}
