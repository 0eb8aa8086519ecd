/**
 * Password hashing with scrypt at an OWASP-recommended setting that also fits a Worker's memory:
 * N=2^15, r=8, p=3 (32 MiB; OWASP lists it as equal in strength to N=2^17, p=1, which needs
 * 128 MiB — all a Worker has). Hashes are self-describing
 * (`$scrypt$ln=15,r=8,p=3$<salt>$<hash>`) so the cost can rise later without breaking old ones.
 *
 * The scrypt function is a port: Node passes its native, thread-pooled implementation; other
 * runtimes use @noble/hashes' pure-JS one. Both produce the same bytes.
 */
import { decodeBase64, encodeBase64 } from '@oslojs/encoding';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import type { RandomBytes } from '../ports/clock.ts';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  dkLen: number;
}

/** Derives a key; implementations must agree byte for byte. */
export type Scrypt = (password: Uint8Array, salt: Uint8Array, params: ScryptParams) => Promise<Uint8Array>;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** The cost for new hashes. */
export const defaultScryptCost = { logN: 15, r: 8, p: 3 } as const;

/** The portable scrypt of @noble/hashes. */
export const nobleScrypt: Scrypt = (password, salt, { N, r, p, dkLen }) =>
  scryptAsync(password, salt, { N, r, p, dkLen, maxmem: 256 * N * r * p + 1024 * 1024 });

export interface PasswordHasherOptions {
  scrypt?: Scrypt;
  random: RandomBytes;
  /** Lower only in tests that create many accounts; never in production. */
  cost?: { logN: number; r: number; p: number };
}

const hashPattern = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

export function createPasswordHasher(options: PasswordHasherOptions): PasswordHasher {
  const scrypt = options.scrypt ?? nobleScrypt;
  const cost = options.cost ?? defaultScryptCost;
  const encoder = new TextEncoder();
  return {
    async hash(password) {
      const salt = options.random(16);
      const key = await scrypt(encoder.encode(password.normalize('NFKC')), salt, {
        N: 2 ** cost.logN,
        r: cost.r,
        p: cost.p,
        dkLen: 32,
      });
      return `$scrypt$ln=${cost.logN},r=${cost.r},p=${cost.p}$${encodeBase64(salt)}$${encodeBase64(key)}`;
    },
    async verify(hash, password) {
      const match = hashPattern.exec(hash);
      if (!match) return false;
      const [, logN, r, p, salt, key] = match;
      const expected = decodeBase64(key!);
      const actual = await scrypt(encoder.encode(password.normalize('NFKC')), decodeBase64(salt!), {
        N: 2 ** Number(logN),
        r: Number(r),
        p: Number(p),
        dkLen: expected.length,
      });
      return constantTimeEqual(actual, expected);
    },
  };
}
