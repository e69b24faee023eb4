// What the backend projects' global setups hand to their tests (see vitest.config.ts).
export type Backend = 'embedded' | 'sqld' | 'workerd';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The sqld every test context of the project shares (sqld and workerd backends). */
    libsqlUrl: string;
    /** sqld's data folder: fault tests stop and restart the server on it. */
    sqldDir: string;
    /** The worker under test in workerd, with the test clock binding (workerd backend). */
    workerUrl: string;
    /** The worker as `wrangler deploy --dry-run` bundles it, to start more workers from. */
    workerBundle: string;
    compatibilityDate: string;
  }
}

export const BACKEND: Backend = (process.env.PARLEY_TEST_BACKEND as Backend | undefined) ?? 'embedded';
