//! Shared code of the fuzz targets: the invariants every parse must keep
//! (the same file the stable regression tests use) and the structured page
//! model.

/// What must hold of every parse (`tests/support/invariants.rs`).
#[path = "../../tests/support/invariants.rs"]
pub mod invariants;

pub mod model;
