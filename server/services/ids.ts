// Random, unguessable ids: 16 base-36 characters (~82 bits) from the platform's CSPRNG.
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let id = '';
  for (const b of bytes) id += (b % 36).toString(36);
  return id;
}
