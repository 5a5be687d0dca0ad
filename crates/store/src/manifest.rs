//! A generation's manifest: what a complete, intact copy of it holds.
//!
//! Generations are copied between machines with ordinary tools (rsync to
//! replicas); a copy can be half done, cut short or damaged on the way.
//! The manifest (`manifest.json`, written last by the builder) names the
//! generation, its documents, the hashes of its schema and dictionary,
//! when and from what it was built, and every file a reader needs with its
//! size and SHA-256, so any process can tell a complete copy from a broken
//! one before serving it: [`verify`] is how every reader opens a
//! generation. SHA-256 rather than tantivy's per-file CRC so that an
//! operator can check a copy with `sha256sum` as well.
//!
//! The files listed are those the index's `meta.json` refers to, plus
//! `meta.json`, `generation.json` and `userdict.txt`; anything else in the
//! directory (tantivy's lock and bookkeeping files, rsync's temporary
//! files) is ignored.

use std::collections::BTreeSet;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tantivy::Index;

use crate::StoreError;
use crate::generations::{GENERATION_DICTIONARY, GENERATION_MANIFEST, GENERATION_META, GenerationInfo, write_synced};

/// Version of the manifest's layout; a reader refuses others.
pub const MANIFEST_FORMAT: u32 = 1;
/// tantivy's own list of segments and the schema.
const TANTIVY_META: &str = "meta.json";

/// What a complete generation holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    /// Name, build time, source directory and sifa version.
    #[serde(flatten)]
    pub info: GenerationInfo,
    /// Live documents.
    pub documents: u64,
    /// Seconds the build took, from starting the generation to writing this.
    pub build_seconds: f64,
    /// SHA-256 of the schema as tantivy stores it.
    pub schema_sha256: String,
    /// SHA-256 of the user dictionary the generation was built with.
    pub dictionary_sha256: String,
    /// Every file a reader needs, sorted by path.
    pub files: Vec<ManifestFile>,
}

/// One file of a generation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManifestFile {
    /// Relative to the generation directory.
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
}

impl Manifest {
    /// Describes the committed state of the generation in `dir`.
    pub fn compute(dir: &Path, index: &Index, info: GenerationInfo, build_seconds: f64) -> Result<Self, StoreError> {
        let metas = index.load_metas()?;
        let schema = serde_json::to_vec(&metas.schema).expect("a schema serialises");
        let mut paths: BTreeSet<PathBuf> = metas.list_segment_files().into_iter().collect();
        // Candidates tantivy lists but did not write (a delete bitset that
        // was never needed) are not part of the generation.
        paths.retain(|path| dir.join(path).is_file());
        paths.extend([TANTIVY_META, GENERATION_META, GENERATION_DICTIONARY].map(PathBuf::from));
        let mut files = Vec::with_capacity(paths.len());
        let mut dictionary_sha256 = String::new();
        for path in paths {
            let (bytes, sha256) = hash_file(&dir.join(&path))?;
            if path.as_os_str() == GENERATION_DICTIONARY {
                dictionary_sha256 = sha256.clone();
            }
            files.push(ManifestFile { path: path.to_string_lossy().into_owned(), bytes, sha256 });
        }
        Ok(Self {
            format: MANIFEST_FORMAT,
            info,
            documents: metas.segments.iter().map(|s| u64::from(s.num_docs())).sum(),
            build_seconds,
            schema_sha256: hex(&Sha256::digest(&schema)),
            dictionary_sha256,
            files,
        })
    }

    /// Writes the manifest into the generation directory, synced.
    pub fn write(&self, dir: &Path) -> Result<(), StoreError> {
        share_as_directory(dir)?;
        let text = serde_json::to_string_pretty(self).expect("a manifest serialises");
        let tmp = dir.join(format!("{GENERATION_MANIFEST}.tmp"));
        write_synced(&tmp, text.as_bytes())?;
        std::fs::rename(&tmp, dir.join(GENERATION_MANIFEST)).map_err(|e| StoreError::io(&tmp, e))?;
        if let Ok(dir) = File::open(dir) {
            let _ = dir.sync_all();
        }
        Ok(())
    }

    /// Reads the manifest of the generation in `dir`.
    pub fn read(dir: &Path, generation: &str) -> Result<Self, StoreError> {
        let path = dir.join(GENERATION_MANIFEST);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(StoreError::NoManifest(generation.to_string()));
            }
            Err(e) => return Err(StoreError::io(&path, e)),
        };
        serde_json::from_str(&text)
            .map_err(|source| StoreError::BadMetadata { path: path.display().to_string(), source })
    }
}

/// Lets whoever may read a generation's directory read its files too.
/// tantivy writes `meta.json` and `.managed.json` readable by their owner
/// only, so a copy served by another account (a replica's service user, a
/// read-only volume) could list the generation but not open it. The read
/// bits the directory grants (its mode, after the umask) are added to
/// every file; nothing is taken away.
fn share_as_directory(dir: &Path) -> Result<(), StoreError> {
    use std::os::unix::fs::PermissionsExt;
    let readable = std::fs::metadata(dir).map_err(|e| StoreError::io(dir, e))?.permissions().mode() & 0o044;
    for entry in std::fs::read_dir(dir).map_err(|e| StoreError::io(dir, e))? {
        let path = entry.map_err(|e| StoreError::io(dir, e))?.path();
        let metadata = std::fs::metadata(&path).map_err(|e| StoreError::io(&path, e))?;
        let mode = metadata.permissions().mode();
        if metadata.is_file() && mode & readable != readable {
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode | readable))
                .map_err(|e| StoreError::io(&path, e))?;
        }
    }
    Ok(())
}

/// Checks that the generation in `dir` is complete and intact: its
/// manifest is there, names it, and every file it lists has the recorded
/// size and SHA-256. Returns the manifest.
pub fn verify(dir: &Path, generation: &str) -> Result<Manifest, StoreError> {
    let manifest = Manifest::read(dir, generation)?;
    let mismatch = |problem: String| StoreError::ManifestMismatch { generation: generation.to_string(), problem };
    if manifest.format != MANIFEST_FORMAT {
        return Err(mismatch(format!("manifest format {} is not {MANIFEST_FORMAT}", manifest.format)));
    }
    if manifest.info.name != generation {
        return Err(mismatch(format!("the manifest describes {}", manifest.info.name)));
    }
    // Sizes first: a half-copied generation is told apart without reading it.
    for file in &manifest.files {
        let path = dir.join(&file.path);
        match std::fs::metadata(&path) {
            Ok(meta) if meta.len() == file.bytes => {}
            Ok(meta) => {
                return Err(mismatch(format!(
                    "{} is {} bytes, the manifest says {}",
                    file.path,
                    meta.len(),
                    file.bytes
                )));
            }
            Err(_) => return Err(mismatch(format!("{} is missing", file.path))),
        }
    }
    for file in &manifest.files {
        let (_, sha256) = hash_file(&dir.join(&file.path))?;
        if sha256 != file.sha256 {
            return Err(mismatch(format!("{} does not match its checksum in the manifest", file.path)));
        }
    }
    Ok(manifest)
}

/// Size and SHA-256 (lowercase hex) of a file.
fn hash_file(path: &Path) -> Result<(u64, String), StoreError> {
    let mut file = File::open(path).map_err(|e| StoreError::io(path, e))?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 256 * 1024];
    let mut bytes = 0u64;
    loop {
        let n = file.read(&mut buffer).map_err(|e| StoreError::io(path, e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
        bytes += n as u64;
    }
    Ok((bytes, hex(&hasher.finalize())))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use crate::testing::built_generation;

    #[test]
    fn a_fresh_generation_matches_its_manifest() {
        let (_dir, location, name) = built_generation();
        let manifest = verify(&location.generation_path(&name), &name).unwrap();
        assert_eq!(manifest.info.name, name);
        assert_eq!(manifest.documents, 2);
        let paths: Vec<&str> = manifest.files.iter().map(|f| f.path.as_str()).collect();
        for needed in ["meta.json", "generation.json", "userdict.txt"] {
            assert!(paths.contains(&needed), "{paths:?}");
        }
        assert!(paths.iter().any(|p| p.ends_with(".store")), "{paths:?}");
        assert!(!paths.iter().any(|p| p.starts_with('.') || *p == GENERATION_MANIFEST), "{paths:?}");
        assert_eq!(manifest.dictionary_sha256.len(), 64);
        // sha256sum of the file agrees with the manifest (an operator can check a copy).
        let dict = manifest.files.iter().find(|f| f.path == "userdict.txt").unwrap();
        assert_eq!(dict.sha256, manifest.dictionary_sha256);
    }

    #[test]
    fn a_generation_s_files_are_as_readable_as_its_directory() {
        use std::os::unix::fs::PermissionsExt;
        let (_dir, location, name) = built_generation();
        let path = location.generation_path(&name);
        let readable = fs::metadata(&path).unwrap().permissions().mode() & 0o044;
        for file in ["meta.json", ".managed.json", GENERATION_MANIFEST] {
            let mode = fs::metadata(path.join(file)).unwrap().permissions().mode();
            assert_eq!(mode & readable, readable, "{file} {mode:o}: tantivy writes it owner-only");
        }
    }

    fn problem(dir: &Path, name: &str) -> String {
        crate::error::chain(&verify(dir, name).unwrap_err())
    }

    #[test]
    fn a_half_copied_or_damaged_generation_is_refused() {
        let (_dir, location, name) = built_generation();
        let dir = location.generation_path(&name);
        let manifest = Manifest::read(&dir, &name).unwrap();
        let store = dir.join(&manifest.files.iter().find(|f| f.path.ends_with(".store")).unwrap().path);
        let original = fs::read(&store).unwrap();

        // The same size with one byte changed: only the checksum tells.
        let mut flipped = original.clone();
        flipped[original.len() / 2] ^= 0x01;
        fs::write(&store, &flipped).unwrap();
        assert!(problem(&dir, &name).contains("does not match its checksum"), "{}", problem(&dir, &name));

        // Cut short, as by an interrupted copy.
        fs::write(&store, &original[..original.len() / 2]).unwrap();
        assert!(problem(&dir, &name).contains("bytes, the manifest says"), "{}", problem(&dir, &name));

        // Not there yet.
        fs::remove_file(&store).unwrap();
        assert!(problem(&dir, &name).contains("is missing"), "{}", problem(&dir, &name));

        fs::write(&store, &original).unwrap();
        verify(&dir, &name).unwrap();

        // Files the manifest does not list do not matter.
        fs::write(dir.join(".rsync-temporary"), b"partial").unwrap();
        verify(&dir, &name).unwrap();

        // A manifest copied from another generation is not this one's.
        assert!(problem(&dir, "gen-other").contains("the manifest describes"));

        // No manifest: an incomplete copy, or a generation of an older sifa.
        fs::remove_file(dir.join(GENERATION_MANIFEST)).unwrap();
        assert!(matches!(verify(&dir, &name), Err(StoreError::NoManifest(_))));
    }
}
