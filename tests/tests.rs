//! End-to-end tests: the `sifa` binary driven as a user would.

mod util;

mod cli;
mod corpus;
mod counts;
mod identity;
mod instruments;
mod metrics;
mod nothing_lost;
mod provenance;
mod read_only;
mod reading;
mod reliability;
mod replicas;
mod research;
mod serve;
mod stated;
mod warc;
mod web;
