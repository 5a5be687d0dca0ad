//! The live index generation, with hot reload.
//!
//! A [`SearchEngine`] hands out [`Snapshot`]s: an open generation and its
//! reader. A request keeps its snapshot to the end, so switching to a new
//! generation (after `sifa reindex`, or a copy published to a replica)
//! never fails a request in flight. The engine switches only to a
//! generation that matches its manifest; one that does not is refused,
//! reported once and looked at again only when its files change (a copy
//! went on or was repaired) or a minute has passed, while the previous
//! generation goes on being served.
//! What a snapshot answers lives beside this file: [`crate::search`],
//! [`crate::documents`], [`crate::similar`], [`crate::suggest`].

use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use sifa_store::{IndexLocation, IndexStats, OpenIndex};
use tantivy::{IndexReader, ReloadPolicy, Searcher};

use crate::QueryError;
use crate::build::QueryBuilder;
use crate::facets::FacetCache;
use crate::links::LinksView;
use crate::ranking::OrderCache;
use crate::synonyms::Synonyms;

/// The synonyms in force, shared by the engine and its snapshots: a new
/// list applies to the next query, whatever generation it reads.
type SynonymCell = Arc<RwLock<Arc<Synonyms>>>;

/// Decompressed doc-store blocks kept per segment (256 KiB each): hits and
/// snippets of popular documents are read without decompressing again.
const DOC_STORE_CACHE_BLOCKS: usize = 400;
/// A refused generation whose files did not change is looked at again
/// after this long (in case what failed was passing, such as an I/O error).
const RETRY_REFUSED: Duration = Duration::from_secs(60);

/// An open generation, its reader and its links.
pub struct Snapshot {
    pub open: OpenIndex,
    pub reader: IndexReader,
    synonyms: SynonymCell,
    /// Replaced when `sifa add`/`delete` rewrite the generation's links.
    links: RwLock<Arc<LinksView>>,
    /// Which facet lies under which child of a counted root, per segment.
    facet_cache: Arc<FacetCache>,
    /// Each document's prior and day, per segment.
    order_cache: Arc<OrderCache>,
}

/// See [`Snapshot::served_state`]. It holds the links table and synonyms
/// it names, so their addresses cannot be reused while it lives.
#[derive(Clone)]
pub struct ServedState {
    searcher_generation: u64,
    links: Arc<LinksView>,
    synonyms: Arc<Synonyms>,
}

impl PartialEq for ServedState {
    fn eq(&self, other: &Self) -> bool {
        self.searcher_generation == other.searcher_generation
            && Arc::ptr_eq(&self.links, &other.links)
            && Arc::ptr_eq(&self.synonyms, &other.synonyms)
    }
}

/// What an engine follows in its index directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Follow {
    /// The machine that writes the index: new generations, and the
    /// in-place commits of `sifa add` and `sifa delete` within one.
    Writer,
    /// A replica: whole generations only, each verified before it is
    /// served; files of the served generation that change underneath (a
    /// republished copy) are not picked up.
    Replica,
}

/// A generation the engine would not switch to, and why.
#[derive(Debug, Clone)]
pub struct Refusal {
    /// What `CURRENT` named, when it could be read.
    pub generation: Option<String>,
    pub reason: String,
    stamp: u64,
    at: Instant,
}

#[derive(Default)]
struct State {
    current: Option<Arc<Snapshot>>,
    refused: Option<Refusal>,
}

/// Searches the live generation of an index directory.
pub struct SearchEngine {
    location: IndexLocation,
    follow: Follow,
    state: RwLock<State>,
    synonyms: SynonymCell,
}

impl Snapshot {
    fn new(open: OpenIndex, follow: Follow, synonyms: SynonymCell) -> Result<Self, QueryError> {
        let policy = match follow {
            Follow::Writer => ReloadPolicy::OnCommitWithDelay,
            Follow::Replica => ReloadPolicy::Manual,
        };
        let reader = open
            .index
            .reader_builder()
            .reload_policy(policy)
            .doc_store_cache_num_blocks(DOC_STORE_CACHE_BLOCKS)
            .try_into()?;
        let links = LinksView::load(&open.location.generation_path(&open.generation), open.schema.id)?;
        let links = RwLock::new(Arc::new(links));
        Ok(Self { open, reader, synonyms, links, facet_cache: Arc::default(), order_cache: Arc::default() })
    }

    /// The links table as it stands.
    pub fn links(&self) -> Arc<LinksView> {
        self.links.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Reads the links table again if `add` or `delete` replaced it;
    /// returns whether it did.
    fn reload_links(&self) -> Result<bool, QueryError> {
        if !self.links().is_stale() {
            return Ok(false);
        }
        let fresh = LinksView::load(&self.open.location.generation_path(&self.open.generation), self.open.schema.id)?;
        *self.links.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(fresh);
        Ok(true)
    }

    pub(crate) fn facet_cache(&self) -> &Arc<FacetCache> {
        &self.facet_cache
    }

    pub(crate) fn order_cache(&self) -> &Arc<OrderCache> {
        &self.order_cache
    }

    /// The synonyms in force now.
    pub fn synonyms(&self) -> Arc<Synonyms> {
        self.synonyms.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// What a search's answer depends on besides the request: the
    /// searcher's generation (in-place commits of `sifa add`/`delete`), the
    /// links table and the synonyms in force. Two equal states answer a
    /// request alike, so a response cache keeps one beside each answer.
    pub fn served_state(&self) -> ServedState {
        ServedState {
            searcher_generation: self.searcher().generation().generation_id(),
            links: self.links(),
            synonyms: self.synonyms(),
        }
    }

    pub(crate) fn builder(&self) -> QueryBuilder<'_> {
        QueryBuilder { schema: &self.open.schema, analysis: &self.open.analysis }
    }

    pub fn stats(&self) -> Result<IndexStats, QueryError> {
        Ok(IndexStats::compute(&self.open)?)
    }
}

fn no_synonyms() -> SynonymCell {
    Arc::new(RwLock::new(Arc::new(Synonyms::none())))
}

impl SearchEngine {
    /// Opens the live generation for the machine that writes the index;
    /// fails when there is none or it does not match its manifest.
    pub fn open(location: IndexLocation) -> Result<Self, QueryError> {
        let synonyms = no_synonyms();
        let snapshot = Snapshot::new(OpenIndex::open(&location)?, Follow::Writer, synonyms.clone())?;
        let state = State { current: Some(Arc::new(snapshot)), refused: None };
        Ok(Self { location, follow: Follow::Writer, state: RwLock::new(state), synonyms })
    }

    /// Searches with `synonyms` from the next query on (none until set).
    pub fn set_synonyms(&self, synonyms: Synonyms) {
        *self.synonyms.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(synonyms);
    }

    /// The synonyms in force, whether or not a generation is served yet.
    pub fn synonyms(&self) -> Arc<Synonyms> {
        self.synonyms.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// An engine that serves nothing until [`SearchEngine::refresh`] finds
    /// a verified generation: a replica starting before the first copy
    /// arrives, answering "not ready" meanwhile.
    pub fn waiting(location: IndexLocation, follow: Follow) -> Self {
        Self { location, follow, state: RwLock::new(State::default()), synonyms: no_synonyms() }
    }

    fn state(&self) -> std::sync::RwLockReadGuard<'_, State> {
        self.state.read().unwrap_or_else(|e| e.into_inner())
    }

    fn state_mut(&self) -> std::sync::RwLockWriteGuard<'_, State> {
        self.state.write().unwrap_or_else(|e| e.into_inner())
    }

    /// The snapshot being served, if any.
    pub fn current(&self) -> Option<Arc<Snapshot>> {
        self.state().current.clone()
    }

    /// The snapshot to answer one request with, or why there is none.
    pub fn ready(&self) -> Result<Arc<Snapshot>, QueryError> {
        let state = self.state();
        match (&state.current, &state.refused) {
            (Some(snapshot), _) => Ok(snapshot.clone()),
            (None, Some(refusal)) => Err(QueryError::NotReady(refusal.reason.clone())),
            (None, None) => {
                Err(QueryError::NotReady(format!("nothing published in {} yet", self.location.root().display())))
            }
        }
    }

    /// The snapshot of an engine that has one: those from
    /// [`SearchEngine::open`] always do. Servers, which may be waiting,
    /// use [`SearchEngine::ready`].
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.current().expect("an engine from SearchEngine::open always has a snapshot")
    }

    /// The last generation refused since the engine last switched.
    pub fn refusal(&self) -> Option<Refusal> {
        self.state().refused.clone()
    }

    /// Switches to the generation `CURRENT` names if it is new and matches
    /// its manifest, or (on the writing machine) reads the served
    /// generation's links again when `add`/`delete` replaced them; returns
    /// whether anything changed. A refused generation is
    /// an error the first time, then skipped quietly until its files
    /// change or [`RETRY_REFUSED`] has passed. The dictionary is reused
    /// when unchanged.
    pub fn refresh(&self) -> Result<bool, QueryError> {
        let stamp = self.location.stamp();
        let (current, refused) = {
            let state = self.state();
            (state.current.clone(), state.refused.clone())
        };
        let live = match self.location.current() {
            Ok(Some(live)) => live,
            Ok(None) => return Ok(false), // nothing published: keep what is served
            Err(e) => return self.refuse(None, stamp, refused.as_ref(), e.into()),
        };
        if let Some(served) = current.as_ref().filter(|s| s.open.generation == live) {
            if refused.is_some() {
                self.state_mut().refused = None; // CURRENT went back to what is served
            }
            return if self.follow == Follow::Writer { served.reload_links() } else { Ok(false) };
        }
        if refused.as_ref().is_some_and(|r| r.stamp == stamp && r.at.elapsed() < RETRY_REFUSED) {
            return Ok(false);
        }
        let opened = match &current {
            Some(snapshot) => OpenIndex::reopen(&self.location, &snapshot.open.analysis),
            None => OpenIndex::open(&self.location),
        };
        match opened.map_err(QueryError::from).and_then(|open| Snapshot::new(open, self.follow, self.synonyms.clone()))
        {
            Ok(fresh) => {
                let mut state = self.state_mut();
                state.current = Some(Arc::new(fresh));
                state.refused = None;
                Ok(true)
            }
            Err(e) => self.refuse(Some(live), stamp, refused.as_ref(), e),
        }
    }

    /// Remembers a refusal; reports it unless it repeats the last one.
    fn refuse(
        &self,
        generation: Option<String>,
        stamp: u64,
        last: Option<&Refusal>,
        error: QueryError,
    ) -> Result<bool, QueryError> {
        let repeated = last.is_some_and(|r| r.stamp == stamp && r.at.elapsed() < RETRY_REFUSED);
        if repeated {
            return Ok(false);
        }
        let reason = sifa_store::error_chain(&error);
        self.state_mut().refused = Some(Refusal { generation, reason, stamp, at: Instant::now() });
        Err(error)
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use sifa_store::GenerationBuilder;

    use super::{Follow, SearchEngine};
    use crate::QueryError;
    use crate::testing::{self, publication};

    /// Builds a generation of `n` documents into `location`, switching to it.
    fn build(location: &sifa_store::IndexLocation, n: usize) -> String {
        let mut builder =
            GenerationBuilder::start(location, &testing::analysis(), sifa_store::WriterSettings::bulk(1)).unwrap();
        for i in 0..n {
            let p = publication(&format!("doc-{i}"), "唯一一篇", "正文");
            builder.add(sifa_store::to_document(builder.schema(), &p).0).unwrap();
        }
        builder.commit("test").unwrap().generation
    }

    #[test]
    fn refresh_switches_to_a_new_generation_and_old_snapshots_keep_working() {
        let fixture = testing::Fixture::new();
        let engine = fixture.engine();
        let before = engine.snapshot();
        assert!(!engine.refresh().unwrap(), "nothing new yet");
        build(&fixture.location(), 1);
        assert!(engine.refresh().unwrap(), "switched");
        assert_eq!(engine.snapshot().searcher().num_docs(), 1);
        assert_eq!(before.searcher().num_docs(), testing::DOCUMENTS as u64, "a request in flight keeps its snapshot");
    }

    #[test]
    fn a_damaged_generation_is_refused_once_and_the_previous_one_served_until_it_is_repaired() {
        let fixture = testing::Fixture::new();
        let engine = fixture.engine();
        let location = fixture.location();
        let served = engine.snapshot().open.generation.clone();
        let next = build(&location, 2);
        // Damage one file of the new generation, keeping its size.
        let dir = location.generation_path(&next);
        let manifest = sifa_store::Manifest::read(&dir, &next).unwrap();
        let store = dir.join(&manifest.files.iter().find(|f| f.path.ends_with(".store")).unwrap().path);
        let original = fs::read(&store).unwrap();
        let mut damaged = original.clone();
        damaged[original.len() / 2] ^= 0x20;
        fs::write(&store, &damaged).unwrap();

        let error = engine.refresh().unwrap_err();
        assert!(sifa_store::error_chain(&error).contains("checksum"), "{error:?}");
        assert_eq!(engine.snapshot().open.generation, served, "still serving the previous generation");
        assert_eq!(engine.refusal().unwrap().generation.as_deref(), Some(next.as_str()));
        assert!(!engine.refresh().unwrap(), "an unchanged refusal is not reported again");

        fs::write(&store, &original).unwrap(); // repaired, as by a second rsync
        // The stamp includes modification times; make sure this one moves.
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(2);
        fs::File::options().write(true).open(&store).unwrap().set_modified(later).unwrap();
        assert!(engine.refresh().unwrap(), "the repaired copy is served");
        assert_eq!(engine.snapshot().open.generation, next);
        assert!(engine.refusal().is_none());
    }

    #[test]
    fn a_waiting_engine_is_not_ready_until_a_verified_generation_arrives() {
        let dir = tempfile::tempdir().unwrap();
        let location = sifa_store::IndexLocation::new(dir.path().join("index"));
        let engine = SearchEngine::waiting(location.clone(), Follow::Replica);
        assert!(!engine.refresh().unwrap(), "nothing published");
        assert!(matches!(engine.ready(), Err(QueryError::NotReady(_))));
        // CURRENT names a generation whose manifest has not arrived.
        let name = build(&location, 3);
        let manifest = location.generation_path(&name).join("manifest.json");
        let kept = fs::read(&manifest).unwrap();
        fs::remove_file(&manifest).unwrap();
        assert!(engine.refresh().is_err());
        let Err(QueryError::NotReady(why)) = engine.ready() else { panic!("not ready") };
        assert!(why.contains("no manifest"), "{why}");
        fs::write(&manifest, kept).unwrap();
        assert!(engine.refresh().unwrap());
        assert_eq!(engine.ready().unwrap().searcher().num_docs(), 3);
    }

    #[test]
    fn stats_count_the_fixture() {
        let fixture = testing::Fixture::new();
        let stats = fixture.engine().snapshot().stats().unwrap();
        assert_eq!(stats.documents, testing::DOCUMENTS as u64);
        assert_eq!(stats.by_kind.get("law"), Some(&1));
    }
}
