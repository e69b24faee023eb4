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
