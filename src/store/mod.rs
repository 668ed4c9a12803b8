//! Where snapshots live. [`fs`]: the working tree.

pub mod fs;
