// Platt scaling: fits p = sigmoid(a * z + b) to held-apart labels by Newton's method, so a
// head's scores read as probabilities measured on data it was not trained on.

export function fitPlatt(z: readonly number[], y: readonly number[]): { a: number; b: number } {
  // Platt's smoothed targets keep the fit finite when the classes separate perfectly.
  const nPos = y.filter((v) => v === 1).length;
  const nNeg = y.length - nPos;
  const hi = (nPos + 1) / (nPos + 2);
  const lo = 1 / (nNeg + 2);
  let a = 1;
  let b = 0;
  for (let iter = 0; iter < 100; iter++) {
    let ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
    for (let i = 0; i < z.length; i++) {
      const t = y[i] === 1 ? hi : lo;
      const p = 1 / (1 + Math.exp(-(a * z[i] + b)));
      const d = p - t;
      const s = p * (1 - p);
      ga += d * z[i];
      gb += d;
      haa += s * z[i] * z[i];
      hab += s * z[i];
      hbb += s;
    }
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) < 1e-9 && Math.abs(db) < 1e-9) break;
  }
  return { a, b };
}

export function applyPlatt(c: { a: number; b: number }, z: number): number {
  return 1 / (1 + Math.exp(-(c.a * z + c.b)));
}

/**
 * The same fit with two scores: p = sigmoid(a * z + c * zs + b). Newton's method on three
 * parameters, with Platt's smoothed targets and a little ridge so it stays finite.
 */
export function fitPlatt2(z: readonly number[], zs: readonly number[], y: readonly number[]): { a: number; b: number; c: number } {
  const nPos = y.filter((v) => v === 1).length;
  const hi = (nPos + 1) / (nPos + 2);
  const lo = 1 / (y.length - nPos + 2);
  let p = [1, 0, 0]; // a, c, b
  for (let iter = 0; iter < 100; iter++) {
    const g = [0, 0, 0];
    const h = [[1e-6, 0, 0], [0, 1e-6, 0], [0, 0, 1e-6]];
    for (let i = 0; i < z.length; i++) {
      const x = [z[i], zs[i], 1];
      const q = 1 / (1 + Math.exp(-(p[0] * x[0] + p[1] * x[1] + p[2])));
      const d = q - (y[i] === 1 ? hi : lo);
      const s = q * (1 - q);
      for (let r = 0; r < 3; r++) {
        g[r] += d * x[r];
        for (let k = 0; k < 3; k++) h[r][k] += s * x[r] * x[k];
      }
    }
    const step = solve3(h, g);
    p = p.map((v, r) => v - step[r]);
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  return { a: p[0], c: p[1], b: p[2] };
}

function solve3(m: number[][], v: number[]): number[] {
  const a = m.map((row, r) => [...row, v[r]]);
  for (let col = 0; col < 3; col++) {
    let pivot = col;
    for (let r = col + 1; r < 3; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = 0; r < 3; r++) {
      if (r === col) continue;
      const f = a[r][col] / a[col][col];
      for (let k = col; k < 4; k++) a[r][k] -= f * a[col][k];
    }
  }
  return [a[0][3] / a[0][0], a[1][3] / a[1][1], a[2][3] / a[2][2]];
}
