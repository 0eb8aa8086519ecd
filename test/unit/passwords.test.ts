/** scrypt hashing: Node's native and the portable implementation agree, and verify is strict. */
import { describe, expect, it } from 'vitest';
import { createPasswordHasher, nobleScrypt } from '../../server/auth/passwords.ts';
import { secureRandomBytes } from '../../server/ports/clock.ts';
import { nodeScrypt } from '../../server/runtime/node-scrypt.ts';

const cost = { logN: 12, r: 8, p: 3 };

describe('password hashing', () => {
  it('hashes in a self-describing format and verifies only the right password', async () => {
    const hasher = createPasswordHasher({ scrypt: nodeScrypt, random: secureRandomBytes, cost });
    const hash = await hasher.hash('correct horse battery staple');
    expect(hash).toMatch(/^\$scrypt\$ln=12,r=8,p=3\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await hasher.verify(hash, 'correct horse battery staple')).toBe(true);
    expect(await hasher.verify(hash, 'correct horse battery stapl')).toBe(false);
    expect(await hasher.verify('not a hash', 'x')).toBe(false);
  });

  it('gives the same result on Node and with the portable scrypt (as on Workers)', async () => {
    const node = createPasswordHasher({ scrypt: nodeScrypt, random: secureRandomBytes, cost });
    const portable = createPasswordHasher({ scrypt: nobleScrypt, random: secureRandomBytes, cost });
    expect(await portable.verify(await node.hash('pässword ünïcode'), 'pässword ünïcode')).toBe(true);
    expect(await node.verify(await portable.hash('another one'), 'another one')).toBe(true);
  });

  it('uses the production cost by default', async () => {
    const hasher = createPasswordHasher({ scrypt: nodeScrypt, random: secureRandomBytes });
    expect(await hasher.hash('x')).toMatch(/^\$scrypt\$ln=15,r=8,p=3\$/);
  });
});
