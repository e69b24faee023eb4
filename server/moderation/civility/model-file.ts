// The civility model as data: a JSON object that can be shipped in the bundle, stored in a
// database row or sent over the wire, and turned into a scorer with loadModel(). Weights are
// hashed-feature buckets quantised to int8 and base64-encoded: no text of the training data is
// stored, and a head of 2^18 buckets is 256 kB before compression.

export const MODEL_FORMAT = 'parley-civility/2';

/** One linear head over hashed features. */
export interface HeadFile {
  /** log2 of the number of weight buckets; a feature's bucket is hash & (2^bits - 1). */
  bits: number;
  /** Feature families the head reads (features.ts KIND_*). */
  kinds: number;
  bias: number;
  /** weight = int8 * scale. */
  scale: number;
  /** Base64 of 2^bits int8 weights. */
  weights: string;
  /**
   * Fitted on the validation split: p = sigmoid(a * z + c * zs + b), z the head's score of the
   * comment and zs of its strongest sentence (c is absent, i.e. 0, for heads other than attack).
   */
  calibration: Calibration;
}

export interface Calibration {
  a: number;
  b: number;
  c?: number;
}

export interface ModelFigures {
  [metric: string]: number | string;
}

export interface CivilityModelFile {
  format: typeof MODEL_FORMAT;
  /** Which build: "shared" (all shared sources) or "shared-permissive". */
  name: string;
  /** Source prefixes the model was trained on. */
  trainedOn: string[];
  /** Calibrated score at or above which a comment reads as an attack (on a member, or on others). */
  attackThreshold: number;
  /** Calibrated score at or above which a comment reads as meant to stoke fear or anger. */
  fearAngerThreshold: number;
  /** Token probability at or above which a word is part of an attack's span. */
  spanThreshold: number;
  heads: {
    /** Is this an attack on anyone? */
    attack: HeadFile;
    /** Given an attack, is it aimed at a member of the conversation (vs the author, public figures)? */
    target: HeadFile;
    fearAnger: HeadFile;
    /** Per token: is this word part of the insult? */
    span: HeadFile;
  };
  /** Figures measured when the model was built (validation and held-out), for the model card and API. */
  figures: ModelFigures;
}

export interface Head {
  mask: number;
  /** The stored int8 weights: a weight is weightOf(head, bucket), never kept decoded (a model is read by every write). */
  q: Int8Array;
  scale: number;
  kinds: number;
  bias: number;
  a: number;
  b: number;
  c: number;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

/** Base64 without Buffer or atob, so the same code runs on every runtime. */
export function encodeInt8(values: Int8Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    out += B64[a >> 2] + B64[((a & 3) << 4) | (b >> 4)];
    out += i + 1 < bytes.length ? B64[((b & 15) << 2) | (c >> 6)] : '=';
    out += i + 2 < bytes.length ? B64[c & 63] : '=';
  }
  return out;
}

export function decodeInt8(text: string, length: number): Int8Array {
  const out = new Int8Array(length);
  let o = 0;
  for (let i = 0; i + 3 < text.length + 1 && o < length; i += 4) {
    const n = (B64_INDEX[text.charCodeAt(i)] << 18) | (B64_INDEX[text.charCodeAt(i + 1)] << 12) |
      (Math.max(0, B64_INDEX[text.charCodeAt(i + 2)]) << 6) | Math.max(0, B64_INDEX[text.charCodeAt(i + 3)]);
    out[o++] = (n >> 16) & 255;
    if (o < length) out[o++] = (n >> 8) & 255;
    if (o < length) out[o++] = n & 255;
  }
  return out;
}

/** A bucket's weight, rounded as a float32 exactly as the weights were when they were kept decoded. */
export const weightOf = (head: Head, bucket: number): number => Math.fround(head.q[bucket] * head.scale);

export function loadHead(file: HeadFile): Head {
  const size = 1 << file.bits;
  const q = decodeInt8(file.weights, size);
  return { mask: size - 1, q, scale: file.scale, kinds: file.kinds, bias: file.bias, a: file.calibration.a, b: file.calibration.b, c: file.calibration.c ?? 0 };
}

/** Quantises trained weights for the file: the largest weight maps to ±127. */
export function headFile(bits: number, kinds: number, bias: number, w: Float32Array | Float64Array, calibration: Calibration): HeadFile {
  let max = 0;
  for (const x of w) max = Math.max(max, Math.abs(x));
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  // Rounded before quantising, so the file's scale is exactly the one the int8 values assume.
  const scale = max > 0 ? Math.max(1e-6, round(max / 127)) : 1;
  const q = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round(w[i] / scale)));
  return { bits, kinds, bias: round(bias), scale, weights: encodeInt8(q), calibration: roundCalibration(calibration) };
}

export function roundCalibration(c: Calibration): Calibration {
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return c.c === undefined ? { a: round(c.a), b: round(c.b) } : { a: round(c.a), b: round(c.b), c: round(c.c) };
}
