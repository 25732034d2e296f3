import { presentedKey } from './queue-dashboard';

describe('presentedKey', () => {
  it('reads a Bearer key', () => {
    expect(presentedKey('Bearer tum_abc')).toBe('tum_abc');
  });

  it('reads the password of Basic auth, whatever the user name', () => {
    expect(presentedKey(`Basic ${Buffer.from('admin:tum_secret').toString('base64')}`)).toBe('tum_secret');
    expect(presentedKey(`Basic ${Buffer.from(':tum_secret:with:colons').toString('base64')}`)).toBe('tum_secret:with:colons');
  });

  it('rejects missing, empty or other schemes', () => {
    expect(presentedKey(undefined)).toBeNull();
    expect(presentedKey(`Basic ${Buffer.from('admin:').toString('base64')}`)).toBeNull();
    expect(presentedKey('Digest abc')).toBeNull();
  });
});
