//! Multinomial logistic regression with an L2 penalty: the trainer of the [decision
//! model](super).
//!
//! The weights minimise the negative log-likelihood of the right classes under a
//! softmax of the scores, plus `penalty[f] / 2` times the square of each weight of
//! feature `f` (a Gaussian prior: a feature seen in few examples stays near zero unless
//! they agree). The objective is convex with one minimum, reached by L-BFGS on the whole
//! set at once: no example order and no seed, so the weights do not depend on how the
//! examples happen to be shuffled, and a score is a log-probability up to a constant
//! per span.
//!
//! Deterministic: sums run in a fixed order, in `f64`.

use super::{best, Class, CLASSES};

/// One training example: feature ids and the right class.
#[derive(Debug, Clone)]
pub struct Example {
    /// Ids of the features (indices into the weights).
    pub features: Vec<usize>,
    /// The right class.
    pub class: Class,
}

/// The weights, one row per feature id.
pub type Weights = Vec<[f64; CLASSES]>;

/// The class `w` predicts for `features`: the highest score, as the model computes it.
pub fn predict(w: &Weights, features: &[usize]) -> Class {
    let mut s = [0f64; CLASSES];
    for &f in features {
        s.iter_mut().zip(&w[f]).for_each(|(a, b)| *a += b);
    }
    best(&s.map(|x| x as f32))
}

/// Trains on `examples` (feature ids below `n_features`), each feature's weights
/// penalised by `penalty[f]`, for at most `iterations` steps of L-BFGS.
pub fn train(examples: &[Example], penalty: &[f64], iterations: usize) -> Weights {
    let n = penalty.len() * CLASSES;
    let objective = |w: &[f64], g: &mut [f64]| loss(examples, penalty, w, g);
    let w = lbfgs(objective, vec![0.0; n], iterations);
    w.chunks_exact(CLASSES)
        .map(|row| std::array::from_fn(|c| row[c]))
        .collect()
}

/// The penalised negative log-likelihood at `w` (row-major, [`CLASSES`] a feature),
/// its gradient written to `g`.
fn loss(examples: &[Example], penalty: &[f64], w: &[f64], g: &mut [f64]) -> f64 {
    let mut total = 0.0;
    for (k, (row, p)) in w.chunks_exact(CLASSES).zip(penalty).enumerate() {
        for c in 0..CLASSES {
            total += 0.5 * p * row[c] * row[c];
            g[k * CLASSES + c] = p * row[c];
        }
    }
    for ex in examples {
        let mut s = [0f64; CLASSES];
        for &f in &ex.features {
            s.iter_mut().zip(&w[f * CLASSES..]).for_each(|(a, b)| *a += b);
        }
        let top = s.iter().copied().fold(f64::MIN, f64::max);
        let z: f64 = s.iter().map(|x| (x - top).exp()).sum();
        total += top + z.ln() - s[ex.class as usize];
        let mut d = s.map(|x| (x - top).exp() / z);
        d[ex.class as usize] -= 1.0;
        for &f in &ex.features {
            g[f * CLASSES..][..CLASSES]
                .iter_mut()
                .zip(&d)
                .for_each(|(a, b)| *a += b);
        }
    }
    total
}

/// Pairs of steps and gradient changes L-BFGS remembers.
const MEMORY: usize = 10;

/// Minimises `f` (value, gradient written to its second argument) from `x` by L-BFGS
/// with a backtracking line search; stops after `iterations` steps or when a step
/// gains less than a relative 1e-9.
fn lbfgs(f: impl Fn(&[f64], &mut [f64]) -> f64, mut x: Vec<f64>, iterations: usize) -> Vec<f64> {
    let n = x.len();
    let mut g = vec![0.0; n];
    let mut fx = f(&x, &mut g);
    let mut memory: Vec<(Vec<f64>, Vec<f64>, f64)> = Vec::new();
    let (mut x2, mut g2) = (vec![0.0; n], vec![0.0; n]);
    for it in 0..iterations {
        let d = direction(&g, &memory);
        let slope = dot(&d, &g);
        if slope >= 0.0 {
            break;
        }
        let mut step = if it == 0 { 1.0 / dot(&g, &g).sqrt() } else { 1.0 };
        let fx2 = loop {
            x2.iter_mut()
                .zip(&x)
                .zip(&d)
                .for_each(|((a, b), c)| *a = b + step * c);
            let v = f(&x2, &mut g2);
            if v <= fx + 1e-4 * step * slope || step < 1e-12 {
                break v;
            }
            step *= 0.5;
        };
        let s: Vec<f64> = x2.iter().zip(&x).map(|(a, b)| a - b).collect();
        let y: Vec<f64> = g2.iter().zip(&g).map(|(a, b)| a - b).collect();
        let sy = dot(&s, &y);
        if sy > 0.0 {
            if memory.len() == MEMORY {
                memory.remove(0);
            }
            memory.push((s, y, 1.0 / sy));
        }
        std::mem::swap(&mut x, &mut x2);
        std::mem::swap(&mut g, &mut g2);
        let gained = fx - fx2;
        fx = fx2;
        if gained <= 1e-9 * fx.abs().max(1.0) {
            break;
        }
    }
    x
}

/// The L-BFGS direction: minus the gradient `g` times the inverse Hessian that the
/// remembered steps estimate (the two-loop recursion).
fn direction(g: &[f64], memory: &[(Vec<f64>, Vec<f64>, f64)]) -> Vec<f64> {
    let mut q = g.to_vec();
    let mut alpha = vec![0.0; memory.len()];
    for (k, (s, y, rho)) in memory.iter().enumerate().rev() {
        alpha[k] = rho * dot(s, &q);
        q.iter_mut().zip(y).for_each(|(a, b)| *a -= alpha[k] * b);
    }
    if let Some((s, y, _)) = memory.last() {
        let gamma = dot(s, y) / dot(y, y);
        q.iter_mut().for_each(|a| *a *= gamma);
    }
    for (k, (s, y, rho)) in memory.iter().enumerate() {
        let beta = rho * dot(y, &q);
        q.iter_mut().zip(s).for_each(|(a, b)| *a += (alpha[k] - beta) * b);
    }
    q.iter_mut().for_each(|a| *a = -*a);
    q
}

/// The dot product of `a` and `b`.
fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logistic_regression_learns_and_shrinks_rare_features() {
        // Feature 0: bias; 1: ends in "Inc"; 2: after "Mr."; 3: after "in"; 4: seen once.
        let ex = |features: Vec<usize>, class| Example { features, class };
        let mut examples = vec![ex(vec![0, 4], Class::Event)];
        for _ in 0..5 {
            examples.push(ex(vec![0, 1], Class::Org));
            examples.push(ex(vec![0, 2], Class::Person));
            examples.push(ex(vec![0, 3], Class::Place));
            examples.push(ex(vec![0], Class::None));
        }
        let w = train(&examples, &[1.0; 5], 200);
        for e in &examples[1..] {
            assert_eq!(predict(&w, &e.features), e.class, "{e:?}");
        }
        // A feature seen once moves less than one seen five times.
        let top = |row: &[f64; CLASSES]| row.iter().copied().fold(f64::MIN, f64::max);
        assert!(top(&w[4]) < top(&w[1]), "{w:?}");
        // A stronger penalty leaves smaller weights; the same inputs, the same bytes.
        let strong = train(&examples, &[10.0; 5], 200);
        assert!(top(&strong[1]) < top(&w[1]));
        assert_eq!(w, train(&examples, &[1.0; 5], 200));
    }
}
