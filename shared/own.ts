// Looking up a key that came from outside (a token's claims, a comment's words, a query) in a
// plain object: only the object's own entries count, so "constructor" or "__proto__" find
// nothing instead of Object.prototype's members.
export function own<V>(record: Readonly<Record<string, V>>, key: string | undefined): V | undefined {
  return key !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
