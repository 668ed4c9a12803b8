//! jbz-track: the Dutch government's reports on the EU Justice and Home Affairs Council
//! (JBZ-Raad), normalised into per-dossier YAML snapshots that can be compared across meetings.
//!
//! The library is a pipeline, one module per stage, data flowing one way. Below it, the
//! domain's values ([`model`]: actor, date, stage, reference, milestone name) and the reader of
//! Dutch date phrases ([`dates`]), and [`guard`], which makes a bug on one report fail that
//! report alone. Then [`source`] (bytes → text, any format) → [`clean`] (PDF
//! habits out) → [`report`] (text → [`report::Report`], the logical document, whatever the
//! layout) → [`snapshot`] (the file format) and [`yaml`] → [`dossier`] (registry and matching)
//! → [`extract`] (per-dossier facts) → [`store`] (where snapshots live, working tree or git) →
//! [`diff`] (two snapshots → what changed) and [`timeline`]. [`normalize`] runs the pipeline
//! over a repository ([`repo`]); [`render`] and [`site`] turn models into text, pictures and
//! pages; [`cli`] is the command line that `main.rs` calls. No module uses one that comes after
//! it (`tests/layering.rs` holds the order).

pub mod cache;
pub mod check;
pub mod clean;
pub mod cli;
pub mod dates;
pub mod diff;
pub mod dossier;
pub mod exit;
pub mod extract;
pub mod fetch;
pub mod guard;
pub mod history;
pub mod ingest;
pub mod init;
pub mod model;
pub mod normalize;
pub mod pager;
pub mod render;
pub mod repo;
pub mod report;
pub mod site;
pub mod snapshot;
pub mod source;
pub mod store;
pub mod timeline;
pub mod yaml;
