// The wire form of every page cursor: a JSON array of keyset values, base64url-encoded so it
// travels in a query string untouched. What the values mean is each listing's business.

export function packCursor(parts: (string | number)[]): string {
  return btoa(JSON.stringify(parts)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The packed values, or null when the text is not a cursor at all. */
export function unpackCursor(cursor: string): unknown[] | null {
  try {
    const parts: unknown = JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')));
    return Array.isArray(parts) ? parts : null;
  } catch {
    return null;
  }
}
