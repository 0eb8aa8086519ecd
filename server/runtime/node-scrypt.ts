/** Node's native scrypt (runs on the libuv thread pool, so logins never stall sync traffic). */
import { scrypt as nodeScryptCallback } from 'node:crypto';
import type { Scrypt } from '../auth/passwords.ts';

export const nodeScrypt: Scrypt = (password, salt, { N, r, p, dkLen }) =>
  new Promise((resolve, reject) => {
    nodeScryptCallback(password, salt, dkLen, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }, (error, key) => {
      if (error) reject(error);
      else resolve(new Uint8Array(key.buffer, key.byteOffset, key.byteLength));
    });
  });
