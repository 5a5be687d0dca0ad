//! Places and the bodies named after them: the GB/T 2260 gazetteer, the
//! resolver that recognises agency names in text and names them
//! canonically, and what a site's address says about its owner.
//!
//! Every field reads names (the title passes over a line that only names a
//! body, the date looks for a signature under an issuer's name, the agency
//! decides among them), so they live below the fields.

pub mod gazetteer;
pub mod resolver;
pub mod site;
