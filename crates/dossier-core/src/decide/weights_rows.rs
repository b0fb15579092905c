//! The rows of the decision's weights table (`data/decision_weights.tsv`), read the one
//! way both the crate (training and tests, `Model::parse`) and `build.rs` (which packs
//! them for the engine, so that no number is read at start) read them.

/// The weights of a row: one a class, in the order of `decide::Class::ALL`.
pub const WEIGHTS: usize = 5;

/// The table's rows in order, each a feature's name and its weights; `#` lines, blank
/// lines and rows without [`WEIGHTS`] numbers after the name are left out.
pub fn rows(tsv: &str) -> impl Iterator<Item = (&str, [f32; WEIGHTS])> {
    let data = tsv.lines().filter(|l| !l.starts_with('#') && !l.is_empty());
    data.filter_map(|line| {
        let mut cols = line.split('\t');
        let name = cols.next()?;
        let mut w = [0f32; WEIGHTS];
        for slot in &mut w {
            *slot = cols.next()?.parse().ok()?;
        }
        Some((name, w))
    })
}
