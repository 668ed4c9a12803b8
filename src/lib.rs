//! jbz-track: the Dutch government's reports on the EU Justice and Home Affairs Council
//! (JBZ-Raad), normalised into per-dossier YAML snapshots that can be compared across meetings.
//!
//! The library is a pipeline, one module per stage, data flowing one way:
//! [`source`] (bytes → text) → [`clean`] (PDF habits out) → [`report`] (text → [`report::Report`])
//! → [`dossier`] (registry and matching) → [`extract`] (per-dossier facts) → [`snapshot`] (the
//! file format) → [`store`] (where snapshots live, working tree or git) → [`diff`] (two snapshots → what changed). [`normalize`] runs the pipeline over a
//! repository ([`repo`]); [`render`] turns models into text for people or JSON for machines;
//! [`cli`] is the command line that `main.rs` calls.

pub mod cache;
pub mod check;
pub mod clean;
pub mod cli;
pub mod diff;
pub mod dossier;
pub mod exit;
pub mod extract;
pub mod fetch;
pub mod history;
pub mod ingest;
pub mod init;
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
