//! The code of this package is in `benches/domain.rs`.
