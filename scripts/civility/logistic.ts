// L2-regularised logistic regression trained with AdaGrad SGD. Small and
// deterministic (seeded shuffle), which is all a few thousand comments need.

export interface SparseRow {
  idx: Int32Array;
  val: Float64Array;
  y: 0 | 1;
  /** Importance of this example in the loss. */
  weight: number;
}

export interface TrainOptions {
  epochs: number;
  l2: number;
  learningRate: number;
  seed: number;
  /** Per-feature multiplier of `l2` (e.g. lighter for few, hand-built features). */
  l2Scale?: Float64Array;
  /** Features whose weight is kept <= 0 (projected after each step). */
  nonPositive?: Uint8Array;
}

export interface LogisticModel { bias: number; w: Float64Array }

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function predict(model: LogisticModel, row: SparseRow): number {
  let z = model.bias;
  for (let k = 0; k < row.idx.length; k++) z += model.w[row.idx[k]] * row.val[k];
  return sigmoid(z);
}

export function trainLogistic(rows: readonly SparseRow[], dim: number, opts: TrainOptions): LogisticModel {
  const w = new Float64Array(dim);
  const g2 = new Float64Array(dim).fill(1e-8);
  let bias = 0;
  let b2 = 1e-8;
  const rand = mulberry32(opts.seed);
  const order = rows.map((_, i) => i);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const r of order) {
      const row = rows[r];
      let z = bias;
      for (let k = 0; k < row.idx.length; k++) z += w[row.idx[k]] * row.val[k];
      const err = (sigmoid(z) - row.y) * row.weight;
      b2 += err * err;
      bias -= (opts.learningRate * err) / Math.sqrt(b2);
      for (let k = 0; k < row.idx.length; k++) {
        const f = row.idx[k];
        const g = err * row.val[k] + opts.l2 * (opts.l2Scale ? opts.l2Scale[f] : 1) * w[f];
        g2[f] += g * g;
        w[f] -= (opts.learningRate * g) / Math.sqrt(g2[f]);
        if (opts.nonPositive && opts.nonPositive[f] && w[f] > 0) w[f] = 0;
      }
    }
  }
  return { bias, w };
}
