//! MinHash signatures of texts and the pairs of near-identical texts they
//! find: the candidates of repost detection.

use gaoya::minhash::{MinHashIndex, MinHasher, MinHasher32};

use super::LinkEntry;

/// MinHash functions per signature: 16 bands of 4 rows, so pairs with a
/// Jaccard similarity above about 0.5 become candidates.
const BANDS: usize = 16;
const BAND_WIDTH: usize = 4;
/// Characters per shingle: 4 Han characters rarely repeat by chance.
const SHINGLE_CHARS: usize = 4;
/// How much of a text (letters and digits, folded) its signature covers:
/// reposts share their opening; whole laws would only cost time.
const SIGNATURE_CHARS: usize = 2000;
/// Texts shorter than this (letters and digits) are too short to tell a
/// repost from a formula every notice uses.
const MIN_SIGNATURE_CHARS: usize = 80;
/// Pairs the LSH index hands over for a closer look.
const CANDIDATE_SIMILARITY: f64 = 0.5;

/// The MinHash family shared by every entry of a build.
pub struct Signer(MinHasher32<gaoya::minhash::SipHasher24BuildHasher>);

impl Default for Signer {
    fn default() -> Self {
        Self(MinHasher32::new_with_hasher(BANDS * BAND_WIDTH, gaoya::minhash::SipHasher24BuildHasher::default()))
    }
}

impl Signer {
    pub(super) fn signature(&self, folded_body: &str) -> Option<Vec<u32>> {
        let chars: Vec<char> = folded_body.chars().filter(|c| c.is_alphanumeric()).take(SIGNATURE_CHARS).collect();
        if chars.len() < MIN_SIGNATURE_CHARS {
            return None;
        }
        Some(self.0.create_signature(chars.windows(SHINGLE_CHARS)))
    }
}

/// Calls `pair(i, j, similarity)` for every pair of entries `i < j` whose
/// signatures the LSH index finds similar, with their estimated Jaccard
/// similarity.
pub(super) fn similar_pairs(entries: &[LinkEntry], mut pair: impl FnMut(usize, usize, f64)) {
    let mut index: MinHashIndex<u32, usize> = MinHashIndex::new(BANDS, BAND_WIDTH, CANDIDATE_SIMILARITY);
    for (i, entry) in entries.iter().enumerate() {
        if let Some(signature) = &entry.signature {
            index.insert(i, signature.clone());
        }
    }
    for (i, entry) in entries.iter().enumerate() {
        let Some(signature) = &entry.signature else { continue };
        for (j, similarity) in index.query_owned_return_similarity(signature) {
            if j > i {
                pair(i, j, similarity);
            }
        }
    }
}
