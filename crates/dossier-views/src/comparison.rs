//! The comparison of two sets of articles, A and B: the entities only A names (dropped
//! in B), those both name, and those only B names (new in B), each with its mentions and
//! articles on each side; the measure of change is an entity's share of its side's
//! mentions, in B minus in A, in percentage points (sides of different sizes compare
//! fairly). Pure: it works on the counts the core's search gives each side.

use dossier_core::export::{ComparedRow, Format, Parts, COMPARISON_COLUMNS};
use dossier_core::query::Counts;

/// Where an entity is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Presence {
    /// Only side A names it: dropped in B.
    OnlyA,
    /// Both sides name it.
    Both,
    /// Only side B names it: new in B.
    OnlyB,
}

impl Presence {
    /// Every presence, in the order the view shows them.
    pub const ALL: [Presence; 3] = [Presence::OnlyA, Presence::Both, Presence::OnlyB];

    /// The code the export writes.
    pub fn code(self) -> &'static str {
        match self {
            Presence::OnlyA => "only_a",
            Presence::Both => "both",
            Presence::OnlyB => "only_b",
        }
    }
}

/// One entity's counts on both sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// The entity's index in the analysis.
    pub entity: usize,
    /// Its mentions and articles on side A.
    pub a: Counts,
    /// Its mentions and articles on side B.
    pub b: Counts,
}

impl Row {
    /// Which sides name it.
    pub fn presence(&self) -> Presence {
        match (self.a.mentions > 0, self.b.mentions > 0) {
            (true, false) => Presence::OnlyA,
            (false, true) => Presence::OnlyB,
            _ => Presence::Both,
        }
    }
}

/// Two sides compared.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comparison {
    /// The mentions of the entities compared on side A and on side B: what shares are of.
    pub totals: (usize, usize),
    /// Every entity either side names: only in A (most mentioned in A first), in both
    /// (the largest change first), only in B (most mentioned in B first); ties by name.
    pub rows: Vec<Row>,
}

/// `part` as a percentage of `whole` (0 when the whole is 0).
pub fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

/// `x` with `places` decimals ("-40.00", "2.35"), rounded half away from zero; written
/// with integers, so that the module carries no float formatting.
pub fn fixed(x: f64, places: u32) -> String {
    let scale = 10u64.pow(places);
    let n = (x.abs() * scale as f64).round() as u64;
    let sign = if x < 0.0 && n > 0 { "-" } else { "" };
    let (whole, part) = (n / scale, n % scale);
    match places {
        0 => format!("{sign}{whole}"),
        p => format!("{sign}{whole}.{part:0width$}", width = p as usize),
    }
}

impl Comparison {
    /// Compares the per-entity counts of side A and side B (parallel to the analysis's
    /// entities), over the entities `counted` keeps; `name` gives the name ties sort by.
    pub fn new(
        a: &[Counts],
        b: &[Counts],
        counted: impl Fn(usize) -> bool,
        name: impl Fn(usize) -> String,
    ) -> Comparison {
        let none = Counts::default();
        let mut c = Comparison::default();
        for entity in (0..a.len().max(b.len())).filter(|&e| counted(e)) {
            let row = Row {
                entity,
                a: a.get(entity).copied().unwrap_or(none),
                b: b.get(entity).copied().unwrap_or(none),
            };
            if row.a.mentions + row.b.mentions > 0 {
                c.totals.0 += row.a.mentions;
                c.totals.1 += row.b.mentions;
                c.rows.push(row);
            }
        }
        let keys: Vec<(Presence, f64, String)> = c
            .rows
            .iter()
            .map(|r| {
                let p = r.presence();
                let size = match p {
                    Presence::OnlyA => r.a.mentions as f64,
                    Presence::Both => c.change(r).abs(),
                    Presence::OnlyB => r.b.mentions as f64,
                };
                (p, size, name(r.entity))
            })
            .collect();
        let mut order: Vec<usize> = (0..c.rows.len()).collect();
        order.sort_by(|&i, &j| {
            let (x, y) = (&keys[i], &keys[j]);
            x.0.cmp(&y.0)
                .then(y.1.total_cmp(&x.1))
                .then_with(|| x.2.cmp(&y.2))
        });
        c.rows = order.into_iter().map(|i| c.rows[i]).collect();
        c
    }

    /// The rows of one presence, in order.
    pub fn of(&self, p: Presence) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(move |r| r.presence() == p)
    }

    /// The entity's share of side A's mentions, in percent.
    pub fn share_a(&self, r: &Row) -> f64 {
        percent(r.a.mentions, self.totals.0)
    }

    /// The entity's share of side B's mentions, in percent.
    pub fn share_b(&self, r: &Row) -> f64 {
        percent(r.b.mentions, self.totals.1)
    }

    /// The change: its share in B minus its share in A, in percentage points.
    pub fn change(&self, r: &Row) -> f64 {
        self.share_b(r) - self.share_a(r)
    }

    /// The comparison as a table in `format` (JSON or CSV), written by the core's one
    /// encoder ([`Parts`], [`COMPARISON_COLUMNS`]: `entity_id`, `entity`, `label`,
    /// `presence` (`only_a`, `both`, `only_b`), `mentions_a`, `articles_a`, `share_a`,
    /// `mentions_b`, `articles_b`, `share_b` (percent), `change` (percentage points),
    /// `link` (`link(entity)`: the view of its mentions on both sides), as the sharded
    /// reader's Compare exports it.
    pub fn export(
        &self,
        entity: impl Fn(usize) -> [String; 3],
        link: impl Fn(usize) -> String,
        format: Format,
    ) -> String {
        let named: Vec<([String; 3], String)> = self
            .rows
            .iter()
            .map(|r| (entity(r.entity), link(r.entity)))
            .collect();
        let rows: Vec<ComparedRow> = self
            .rows
            .iter()
            .zip(&named)
            .map(|(r, (e, link))| ComparedRow {
                entity: [e[0].as_str(), e[1].as_str(), e[2].as_str()],
                presence: r.presence().code(),
                counts: [r.a.mentions, r.a.documents, r.b.mentions, r.b.documents],
                shares: [self.share_a(r), self.share_b(r)],
                link,
            })
            .collect();
        let mut parts = Parts::new(COMPARISON_COLUMNS, format);
        parts.start() + &parts.compared(&rows) + &parts.finish()
    }
}

/// A column of the comparison's tables, as the URL names it (`v-sort`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The entity's name.
    Entity,
    /// Its mentions on side A.
    A,
    /// Its mentions on side B.
    B,
    /// The change of its share, in points.
    Change,
}

impl Column {
    /// Every column, in the tables' order.
    pub const ALL: [Column; 4] = [Column::Entity, Column::A, Column::B, Column::Change];

    /// The URL code.
    pub fn code(self) -> &'static str {
        match self {
            Column::Entity => "entity",
            Column::A => "a",
            Column::B => "b",
            Column::Change => "change",
        }
    }
}

/// The tables' order chosen by a column's header: the column and the direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    /// The column sorted by.
    pub column: Column,
    /// Smallest (or A to Z) first.
    pub ascending: bool,
}

impl Sort {
    /// Reads the URL's value, `<column>-asc` or `<column>-desc` (`b-desc`); `None` for
    /// anything else.
    pub fn read(value: &str) -> Option<Sort> {
        let (code, dir) = value.rsplit_once('-')?;
        let column = Column::ALL.into_iter().find(|c| c.code() == code)?;
        let ascending = match dir {
            "asc" => true,
            "desc" => false,
            _ => return None,
        };
        Some(Sort { column, ascending })
    }

    /// The URL's value ([`Sort::read`] reads it back).
    pub fn write(self) -> String {
        let dir = if self.ascending { "asc" } else { "desc" };
        format!("{}-{dir}", self.column.code())
    }

    /// The order a press on `column`'s header gives after `now`: the sorted column's
    /// other direction, else the column's first (names A to Z, numbers largest first).
    pub fn pressed(now: Option<Sort>, column: Column) -> Sort {
        match now {
            Some(s) if s.column == column => Sort {
                ascending: !s.ascending,
                ..s
            },
            _ => Sort {
                column,
                ascending: column == Column::Entity,
            },
        }
    }
}

impl Comparison {
    /// `rows` in the order `sort` gives; ties keep their order (the comparison's).
    /// `name` gives an entity's name as the table writes it.
    pub fn sort(&self, rows: &mut [Row], sort: Sort, name: impl Fn(usize) -> String) {
        let mut keyed: Vec<(String, f64, Row)> = rows
            .iter()
            .map(|r| match sort.column {
                Column::Entity => (dossier_core::case::lower_str(&name(r.entity)), 0.0, *r),
                Column::A => (String::new(), r.a.mentions as f64, *r),
                Column::B => (String::new(), r.b.mentions as f64, *r),
                Column::Change => (String::new(), self.change(r), *r),
            })
            .collect();
        // Stable: ties keep their order, either way.
        keyed.sort_by(|x, y| {
            let o = x.0.cmp(&y.0).then(x.1.total_cmp(&y.1));
            if sort.ascending {
                o
            } else {
                o.reverse()
            }
        });
        for (to, (_, _, r)) in rows.iter_mut().zip(keyed) {
            *to = r;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(mentions: usize, documents: usize) -> Counts {
        Counts { mentions, documents }
    }

    /// Entities 0..5: `e0` only in A, `e1` in both (grows), `e2` in both (shrinks
    /// more), `e3` only in B, `e4` named by neither, `e5` named by both but not counted.
    fn example() -> Comparison {
        let a = [
            counts(4, 2),
            counts(2, 1),
            counts(4, 2),
            counts(0, 0),
            counts(0, 0),
            counts(9, 3),
        ];
        let b = [
            counts(0, 0),
            counts(5, 3),
            counts(1, 1),
            counts(4, 2),
            counts(0, 0),
            counts(9, 3),
        ];
        Comparison::new(&a, &b, |e| e != 5, |e| format!("e{e}"))
    }

    #[test]
    fn entities_are_only_in_a_in_both_or_only_in_b() {
        let c = example();
        let of = |p| c.of(p).map(|r| r.entity).collect::<Vec<_>>();
        assert_eq!(of(Presence::OnlyA), [0]);
        assert_eq!(of(Presence::OnlyB), [3]);
        assert_eq!(of(Presence::Both).len(), 2);
        assert_eq!(c.totals, (10, 10), "uncounted and unnamed entities are left out");
        assert_eq!(c.rows.len(), 4);
    }

    #[test]
    fn the_change_is_the_share_in_b_minus_the_share_in_a_in_points() {
        let c = example();
        let row = |e| *c.rows.iter().find(|r| r.entity == e).unwrap();
        assert!((c.share_a(&row(1)) - 20.0).abs() < 1e-9);
        assert!((c.share_b(&row(1)) - 50.0).abs() < 1e-9);
        assert!((c.change(&row(1)) - 30.0).abs() < 1e-9);
        assert!((c.change(&row(2)) + 30.0).abs() < 1e-9);
        assert!((c.change(&row(0)) + 40.0).abs() < 1e-9);
        // Equal changes in size: by name.
        let both: Vec<usize> = c.of(Presence::Both).map(|r| r.entity).collect();
        assert_eq!(both, [1, 2]);
    }

    #[test]
    fn larger_changes_come_first_and_an_empty_side_has_no_shares() {
        let a = [counts(1, 1), counts(1, 1), counts(8, 1)];
        let b = [counts(1, 1), counts(9, 1), counts(0, 0)];
        let c = Comparison::new(&a, &b, |_| true, |e| format!("e{e}"));
        let both: Vec<usize> = c.of(Presence::Both).map(|r| r.entity).collect();
        assert_eq!(both, [1, 0]);
        let empty = Comparison::new(&a, &[], |_| true, |e| format!("e{e}"));
        assert_eq!(empty.totals, (10, 0));
        assert!(empty.rows.iter().all(|r| empty.share_b(r) == 0.0));
        assert_eq!(empty.of(Presence::OnlyA).count(), 3);
    }

    #[test]
    fn numbers_are_written_with_fixed_decimals() {
        assert_eq!(fixed(40.0, 2), "40.00");
        assert_eq!(fixed(-40.0, 2), "-40.00");
        assert_eq!(fixed(2.345, 1), "2.3");
        assert_eq!(fixed(2.35, 1), "2.4");
        assert_eq!(fixed(-0.004, 2), "0.00");
        assert_eq!(fixed(100.0 / 3.0, 2), "33.33");
        assert_eq!(fixed(7.6, 0), "8");
    }

    #[test]
    fn the_export_holds_every_row_in_csv_and_json() {
        let c = example();
        let entity = |e: usize| [format!("id-{e}"), format!("=e{e}, \"x\""), "PERSON".to_string()];
        let link = |e: usize| format!("?view=compare&v-e=id-{e}");
        let csv = c.export(entity, link, Format::Csv);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert!(lines[0].starts_with("\u{feff}entity_id,entity,label,presence,mentions_a"));
        assert_eq!(lines.len(), 1 + 4 + 1, "header, rows, and the empty end");
        assert_eq!(
            lines[1],
            "id-0,\"'=e0, \"\"x\"\"\",PERSON,only_a,4,2,40.00,0,0,0.00,-40.00,?view=compare&v-e=id-0"
        );
        let json = c.export(entity, link, Format::Json);
        assert!(json.starts_with("[\n  {\"entity_id\": \"id-0\", \"entity\": \"=e0, \\\"x\\\"\""));
        assert!(json.contains("\"share_a\": 40.00, "));
        assert_eq!(json.matches("\"presence\"").count(), 4);
        assert!(json.ends_with("}\n]\n"));
        let none = Comparison::default().export(entity, link, Format::Json);
        assert_eq!(none, "[]\n");
    }

    #[test]
    fn a_sort_is_read_from_the_url_and_written_back() {
        for value in ["entity-asc", "a-desc", "b-asc", "change-desc"] {
            assert_eq!(Sort::read(value).map(Sort::write).as_deref(), Some(value));
        }
        for bad in ["", "a", "a-up", "size-desc", "-desc"] {
            assert_eq!(Sort::read(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_header_pressed_sorts_its_way_first_then_the_other_way() {
        let first = Sort::pressed(None, Column::B);
        assert_eq!(
            first,
            Sort {
                column: Column::B,
                ascending: false
            },
            "numbers: largest first"
        );
        assert!(Sort::pressed(None, Column::Entity).ascending, "names: A to Z");
        assert!(Sort::pressed(Some(first), Column::B).ascending);
        assert!(!Sort::pressed(Some(first), Column::A).ascending);
    }

    #[test]
    fn rows_sort_by_a_column_either_way_ties_in_the_comparisons_order() {
        let c = example();
        let name = |e: usize| ["Zed", "beta", "Alpha", "gamma"][e].to_string();
        let sorted = |column, ascending| {
            let mut rows = c.rows.clone();
            c.sort(&mut rows, Sort { column, ascending }, name);
            rows.iter().map(|r| r.entity).collect::<Vec<_>>()
        };
        assert_eq!(sorted(Column::Entity, true), [2, 1, 3, 0], "any case");
        assert_eq!(sorted(Column::Entity, false), [0, 3, 1, 2]);
        // Mentions in B: e1 5, e3 4, e2 1, e0 0.
        assert_eq!(sorted(Column::B, false), [1, 3, 2, 0]);
        assert_eq!(sorted(Column::B, true), [0, 2, 3, 1]);
        // Mentions in A: e0 4 and e2 4 tie, kept in the comparison's order both ways.
        let tied: Vec<usize> = c
            .rows
            .iter()
            .map(|r| r.entity)
            .filter(|&e| e == 0 || e == 2)
            .collect();
        let down = sorted(Column::A, false);
        assert_eq!(&down[..2], &tied[..]);
        assert_eq!(&sorted(Column::A, true)[2..], &tied[..]);
        // Change: e1 +30, e3 +40, e2 -30, e0 -40 points.
        assert_eq!(sorted(Column::Change, false), [3, 1, 2, 0]);
    }
}
