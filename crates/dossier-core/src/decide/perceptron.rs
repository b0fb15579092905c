//! A multiclass averaged perceptron: the trainer of the [decision model](super).
//!
//! Each example is a list of feature ids and a class. For each example in turn the
//! class with the highest score is predicted; when it is wrong, the features' weights
//! move towards the right class and away from the predicted one. The weights kept are
//! the average over every step (the usual remedy for the perceptron's last-example
//! bias), computed without a pass per step: each update at step `t` also adds `t` times
//! itself to a second sum, and the average is `w - sum / T`.
//!
//! Deterministic: the examples are visited in an order shuffled before each epoch by a
//! fixed-seed generator; [`train_bagged`] averages perceptrons of several fixed seeds.

use super::{best, Class, CLASSES};

/// One training example: feature ids and the right class.
#[derive(Debug, Clone)]
pub struct Example {
    /// Ids of the features (indices into the weights).
    pub features: Vec<usize>,
    /// The right class.
    pub class: Class,
}

/// The averaged weights, one row per feature id.
pub type Weights = Vec<[f64; CLASSES]>;

/// Trains on `examples` (feature ids below `n_features`) for `epochs` passes, each in
/// an order shuffled by a generator seeded with `seed` (not zero).
pub fn train(examples: &[Example], n_features: usize, epochs: usize, seed: u64) -> Weights {
    let mut w = vec![[0f64; CLASSES]; n_features];
    let mut u = vec![[0f64; CLASSES]; n_features];
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = seed;
    let mut t = 1f64;
    for _ in 0..epochs {
        shuffle(&mut order, &mut rng);
        for &i in &order {
            let ex = &examples[i];
            let guess = best(&scores(&w, &ex.features));
            if guess != ex.class {
                for &f in &ex.features {
                    w[f][ex.class as usize] += 1.0;
                    u[f][ex.class as usize] += t;
                    w[f][guess as usize] -= 1.0;
                    u[f][guess as usize] -= t;
                }
            }
            t += 1.0;
        }
    }
    w.iter()
        .zip(&u)
        .map(|(w, u)| std::array::from_fn(|c| w[c] - u[c] / t))
        .collect()
}

/// The mean of the averaged weights of `bags` perceptrons trained as [`train`] does,
/// each with its own seed: one perceptron's weights depend on the order it met the
/// examples in, and a name it is unsure of flips from one seed to the next; the mean of
/// several is what they agree on.
pub fn train_bagged(examples: &[Example], n_features: usize, epochs: usize, bags: u64) -> Weights {
    let mut mean = vec![[0f64; CLASSES]; n_features];
    for k in 0..bags {
        let seed = 0x2545_f491_4f6c_dd1d ^ k.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let w = train(examples, n_features, epochs, seed);
        for (a, b) in mean.iter_mut().zip(&w) {
            a.iter_mut().zip(b).for_each(|(x, y)| *x += y / bags as f64);
        }
    }
    mean
}

/// The scores of the classes for `features` under `w`, as the model computes them.
fn scores(w: &Weights, features: &[usize]) -> [f32; CLASSES] {
    let mut s = [0f64; CLASSES];
    for &f in features {
        s.iter_mut().zip(&w[f]).for_each(|(a, b)| *a += b);
    }
    s.map(|x| x as f32)
}

/// The class `w` predicts for `features`.
pub fn predict(w: &Weights, features: &[usize]) -> Class {
    best(&scores(w, features))
}

/// A Fisher–Yates shuffle by xorshift64 from `rng`'s state.
fn shuffle(v: &mut [usize], rng: &mut u64) {
    for i in (1..v.len()).rev() {
        *rng ^= *rng << 13;
        *rng ^= *rng >> 7;
        *rng ^= *rng << 17;
        let j = (*rng % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_perceptron_learns_a_separable_problem() {
        // Feature 0: bias; 1: ends in "Inc"; 2: after "Mr."; 3: after "in"; 4: also
        // written in lower case.
        let ex = |features: Vec<usize>, class| Example { features, class };
        let examples = vec![
            ex(vec![0, 1], Class::Org),
            ex(vec![0, 2], Class::Person),
            ex(vec![0, 3], Class::Place),
            ex(vec![0, 4], Class::None),
            ex(vec![0, 1], Class::Org),
            ex(vec![0, 2], Class::Person),
        ];
        let w = train(&examples, 5, 10, 7);
        let bagged = train_bagged(&examples, 5, 10, 4);
        for e in &examples {
            assert_eq!(predict(&w, &e.features), e.class, "{e:?}");
            assert_eq!(predict(&bagged, &e.features), e.class, "{e:?}");
        }
        // Twice the same: no randomness beyond the fixed seeds.
        assert_eq!(w, train(&examples, 5, 10, 7));
        assert_eq!(bagged, train_bagged(&examples, 5, 10, 4));
    }
}
