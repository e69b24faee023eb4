// A stand-in for `zod/mini` in the reader bundle only (scripts/build-widget.ts aliases it).
// The shared schemas stay the one definition of the contract; this runs the subset of the
// zod/mini API they use in well under 1 kB instead of about 7 kB, so a reader's first load
// fits its budget. Tests run real zod; test/widget/lib checks that both agree.
// Like zod: unknown keys are stripped, absent optional keys stay absent, checks run in order.
// Unlike zod: a failure carries no issue list (the widget only needs to know the shape is wrong).
type Run = (v: any) => any;
type Check = (v: any) => any; // the (possibly trimmed) value; throws FAIL when it does not pass
const FAIL = new Error('invalid');

export interface LiteSchema {
  _run: Run;
  check(...checks: Check[]): LiteSchema;
  safeParse(v: unknown): { success: true; data: any } | { success: false; error: Error };
}

const schema = (_run: Run): LiteSchema => ({
  _run,
  check: (...checks) => schema((v) => checks.reduce((out, c) => c(out), _run(v))),
  safeParse(v) {
    try {
      return { success: true, data: _run(v) };
    } catch (error) {
      if (error !== FAIL) throw error;
      return { success: false, error: error as Error };
    }
  },
});

const need = (ok: unknown) => {
  if (!ok) throw FAIL;
};
const check = (ok: (v: any) => boolean): Check => (v) => (need(ok(v)), v);
const is = (ok: (v: any) => boolean) => () => schema(check(ok));
const isObject = (v: any) => typeof v === 'object' && v !== null && !Array.isArray(v);

export const string = is((v) => typeof v === 'string');
export const number = is(Number.isFinite);
export const boolean = is((v) => typeof v === 'boolean');
const oneOf = (list: any) => schema(check((v) => (Array.isArray(list) ? list : Object.values(list)).includes(v)));
export { oneOf as enum };

const shaped = (shape: Record<string, LiteSchema>, strict?: boolean) =>
  schema((v) => {
    need(isObject(v));
    const out: any = {};
    for (const k in shape) {
      const r = shape[k]._run(v[k]);
      if (r !== undefined || k in v) out[k] = r;
    }
    if (strict) for (const k in v) need(k in shape);
    return out;
  });
export const object = (shape: Record<string, LiteSchema>) => shaped(shape);
export const strictObject = (shape: Record<string, LiteSchema>) => shaped(shape, true);

export const array = (item: LiteSchema) => schema((v) => (need(Array.isArray(v)), v.map(item._run)));
export const record = (key: LiteSchema, value: LiteSchema) =>
  schema((v) => {
    need(isObject(v));
    const out: any = {};
    for (const k in v) out[key._run(k)] = value._run(v[k]);
    return out;
  });

export const nullable = (s: LiteSchema) => schema((v) => (v === null ? v : s._run(v)));
export const optional = (s: LiteSchema) => schema((v) => (v === undefined ? v : s._run(v)));
export const _default = (s: LiteSchema, d: any) => schema((v) => (v === undefined ? (typeof d === 'function' ? d() : d) : s._run(v)));
export const prefault = (s: LiteSchema, d: any) => schema((v) => s._run(v === undefined ? d : v));
export const union = (options: LiteSchema[]) =>
  schema((v) => {
    for (const s of options) {
      const r = s.safeParse(v);
      if (r.success) return r.data;
    }
    throw FAIL;
  });
export const pipe = (a: LiteSchema, b: LiteSchema) => schema((v) => b._run(a._run(v)));
export const transform = (fn: Run) => schema(fn);
export const coerce = { number: () => schema((v) => number()._run(Number(v))) };

export const regex = (re: RegExp, _m?: string) => check((v) => re.test(v));
export const minLength = (n: number, _m?: string) => check((v) => v.length >= n);
export const maxLength = (n: number, _m?: string) => check((v) => v.length <= n);
export const gte = (n: number, _m?: string) => check((v) => v >= n);
export const lte = (n: number, _m?: string) => check((v) => v <= n);
export const int = () => check(Number.isInteger);
export const refine = (ok: (v: any) => boolean, _m?: string) => check(ok);
export const trim = (): Check => (v: string) => v.trim();
