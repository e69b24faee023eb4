// What a widget needs to know to mount: shared by the loader (which reads it from data-*
// attributes) and the app (which receives it). Types only, so the loader stays tiny.
export type Theme = 'light' | 'dark' | 'auto';

export type GetToken = () => Promise<string | null | undefined> | string | null | undefined;

export interface WidgetConfig {
  /** Origin (and optional path prefix) of the Parley API, e.g. https://comments.example */
  api: string;
  site: string;
  /** The page's canonical URL, without fragment. */
  url: string;
  pageId?: string;
  title?: string;
  theme?: Theme;
  token?: string | null;
  /** Called for a token at start and again whenever the API says the token expired. */
  getToken?: GetToken;
  /** Injected in tests to talk to an in-process app; defaults to the global fetch. */
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
  /** Clock for relative times and edit windows; injected in tests. */
  now?: () => number;
  /** "off": no live updates (comments posted since the thread loaded, looked for while the page is visible). */
  live?: string;
  /** How often live updates ask, in seconds (data-poll-seconds); default 20. */
  pollSeconds?: number;
  /** The token and thread requests embed.js started while app.js loaded (see loader/prefetch.ts). */
  prefetch?: Prefetch;
}

export interface Prefetch {
  /** The first token: the configured one, else getToken's answer; null for a guest. */
  token: Promise<string | null>;
  /** The GET /thread address asked with that token, and its response. */
  url: string;
  response: Promise<Response>;
}

/** What mount() hands back, so a host can refresh sign-in or tear the widget down. */
export interface WidgetHandle {
  refreshToken(token?: string | null): void;
  unmount(): void;
}
