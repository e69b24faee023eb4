// Remembers a pasted API key or token for this tab only (sessionStorage), per dashboard.
import type { Credentials } from '../api';

export interface SignIn {
  site: string;
  kind: 'key' | 'token';
  secret: string;
}

const KEY = 'parley-moderate-sign-in';

export function loadSignIn(storage: Storage | null | undefined): SignIn | null {
  try {
    const value = JSON.parse(storage?.getItem(KEY) ?? 'null');
    const ok = value && typeof value.site === 'string' && (value.kind === 'key' || value.kind === 'token') && typeof value.secret === 'string';
    return ok ? value : null;
  } catch {
    return null;
  }
}

export function saveSignIn(storage: Storage | null | undefined, signIn: SignIn | null): void {
  try {
    if (signIn) storage?.setItem(KEY, JSON.stringify(signIn));
    else storage?.removeItem(KEY);
  } catch {
    // Storage can be full or blocked; the dashboard then asks again next time.
  }
}

export const credentialsOf = (s: SignIn): Credentials => (s.kind === 'key' ? { kind: 'key', key: s.secret } : { kind: 'token', token: s.secret });
