//! Stable sorting through one shared routine.
//!
//! The standard library's sorts are generic: every call site with its own element type
//! or comparator gets its own copy of the sort code, several KB each in wasm, and they
//! made up a sixth of the app's code. Here a sort computes the order of the elements'
//! positions through one non-generic function (one copy of the sort code for the whole
//! program) and then moves the elements into that order with a small generic loop.
//! For the analysis's hottest loops the standard sorts stay where they pay.
//!
//! ```
//! let mut v = vec![("b", 2), ("a", 2), ("c", 1)];
//! dossier_core::order::sort_by_key(&mut v, |x| x.1);
//! assert_eq!(v, [("c", 1), ("b", 2), ("a", 2)]);
//! ```

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, keeping equal elements in their order (a stable sort).
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    // Often the input is sorted already (mentions in text order): check in one pass.
    if v.is_sorted_by(|a, b| cmp(a, b) != Ordering::Greater) {
        return;
    }
    let order = positions_in_order(v.len(), &|a, b| cmp(&v[a], &v[b]));
    permute(v, &order);
}

/// Sorts `v` by the key `key` gives each element; stable.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order; stable.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts a short list of positions in ascending order (an insertion sort, not generic):
/// for the handful of matches a passage starts at or entities a sentence holds, where
/// the shared routine's allocations would cost more than the sort, and the standard
/// unstable sort would bring 4 KB of wasm of its own.
pub fn sort_small(v: &mut [usize]) {
    for i in 1..v.len() {
        let x = v[i];
        let mut j = i;
        while j > 0 && v[j - 1] > x {
            v[j] = v[j - 1];
            j -= 1;
        }
        v[j] = x;
    }
}

/// The positions `0..n` in the order `cmp` sorts them (stable). Not generic, so the
/// program carries one copy of the sort code.
#[inline(never)]
fn positions_in_order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<u32> {
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.sort_by(|&a, &b| cmp(a as usize, b as usize));
    order
}

/// Rearranges `v` so that `v[i]` becomes the old `v[order[i]]`, by following each
/// cycle of the permutation with swaps.
fn permute<T>(v: &mut [T], order: &[u32]) {
    let mut placed = vec![false; v.len()];
    for start in 0..v.len() {
        let mut at = start;
        while !placed[at] {
            placed[at] = true;
            let from = order[at] as usize;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // A fixed pseudo-random sequence with many ties.
        let mut x = 12345u32;
        let v: Vec<(u32, usize)> = (0..500)
            .map(|i| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                ((x >> 16) % 17, i)
            })
            .collect();
        let mut ours = v.clone();
        sort_by_key(&mut ours, |p| p.0);
        let mut std = v;
        std.sort_by_key(|p| p.0);
        assert_eq!(ours, std);
    }

    #[test]
    fn sorts_short_lists_of_positions_like_the_standard_sort() {
        let mut x = 7u32;
        for len in 0..40 {
            let v: Vec<usize> = (0..len)
                .map(|_| {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    (x >> 16) as usize % 9
                })
                .collect();
            let mut ours = v.clone();
            sort_small(&mut ours);
            let mut std = v;
            std.sort_unstable();
            assert_eq!(ours, std);
        }
    }

    #[test]
    fn sorts_descending_with_a_comparator_and_handles_tiny_inputs() {
        let mut v = vec![3, 1, 2];
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, [3, 2, 1]);
        let mut one = vec!["x"];
        sort(&mut one);
        assert_eq!(one, ["x"]);
        let mut none: Vec<u8> = Vec::new();
        sort(&mut none);
        assert!(none.is_empty());
    }

    #[test]
    fn moves_owned_elements_without_cloning() {
        let mut v: Vec<String> = ["pear", "apple", "fig"].map(String::from).to_vec();
        sort(&mut v);
        assert_eq!(v, ["apple", "fig", "pear"]);
    }
}
