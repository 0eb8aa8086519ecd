/**
 * Ids for things made on a board (stages, touchpoints): 16 random bytes in base64url, so they
 * are URL-safe, match the shared `idPattern`, and two people offline never pick the same one.
 */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}
