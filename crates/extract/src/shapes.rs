//! The shapes of lines and of what they hold, below every field's decision:
//! dates in all the ways pages write them, document numbers, labelled
//! header fields and credits, headline-shaped lines, page furniture.
//!
//! Each field's module decides where such a shape counts for it (a date
//! under a signature, a number on a line of its own); the shapes only say
//! what a piece of text is. Several fields read the same shapes (a dateline
//! tells the title where its header block is, and the date what day it
//! is), so they live here, below them all, and no field imports another.

pub mod dates;
pub mod furniture;
pub mod header;
pub mod headline;
pub mod numbers;
pub mod promulgation;
