import { displayPrefix, generateApiKey, hashApiKey } from './api-key.secret';

describe('API key secrets', () => {
  it('generates distinct, prefixed, high-entropy keys', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a).toMatch(/^tum_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  it('hashes deterministically to 64 hex chars without containing the key', () => {
    const key = 'tum_example-key-value-0123456789';
    expect(hashApiKey(key)).toBe(hashApiKey(key));
    expect(hashApiKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey(key)).not.toBe(hashApiKey(key + 'x'));
    // Reference digest from `sha256sum`.
    expect(hashApiKey(key)).toBe('291fa0932d9dd18c3602d2bd100467a1d50f742398d1c57fcda0e64b1640f40f');
  });

  it('shows only a short prefix', () => {
    expect(displayPrefix('tum_abcdefghijklmnop')).toBe('tum_abcdef');
  });
});
