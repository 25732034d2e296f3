import { createHash, randomBytes } from 'node:crypto';

// Keys are 32 random bytes (base64url) behind a readable prefix; high entropy makes a plain
// SHA-256 digest a safe lookup key at rest (no per-key salt or slow hash needed).

const KEY_PREFIX = 'tum_';

export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** What listings show of a key: enough to recognise it, useless to an attacker. */
export function displayPrefix(key: string): string {
  return key.slice(0, 10);
}
