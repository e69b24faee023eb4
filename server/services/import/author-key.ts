// Who wrote an imported comment, as a Parley external id: `imported:<source>:<author key>`. The key
// is the source's user name when the author had an account there, else a hash of their e-mail
// address (addresses themselves are not kept), else their display name. A member claims an
// author by the part after "imported:" (README: "Claiming imported authors"); names are never
// claimable, since anyone could have typed the same one.
import { sha256Hex } from '../sha256';
import type { ImportSource, SourceAuthor } from './records';

export const IMPORTED_PREFIX = 'imported:';

export async function importedExternalId(source: ImportSource, author: SourceAuthor): Promise<string> {
  if (author.username) return `${IMPORTED_PREFIX}${source}:${author.username}`;
  if (author.email) return `${IMPORTED_PREFIX}${source}:email:${await emailHash(author.email)}`;
  return `${IMPORTED_PREFIX}${source}:name:${author.name.trim().toLowerCase()}`;
}

/** SHA-256 hex of the trimmed, lower-cased address: what a publisher puts in `importedAs` to claim by e-mail. */
export function emailHash(email: string): Promise<string> {
  return sha256Hex(email.trim().toLowerCase());
}

/** The external ids a token's `importedAs` entries may claim: "disqus:alice", "wordpress:email:<hash>". */
export function claimableExternalIds(importedAs: string[]): string[] {
  return importedAs.filter((entry) => /^[a-z]+:./.test(entry) && !/^[a-z]+:name:/.test(entry)).map((entry) => `${IMPORTED_PREFIX}${entry}`);
}
