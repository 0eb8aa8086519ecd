import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config.ts';

describe('readConfig', () => {
  it('uses the contract defaults', () => {
    expect(readConfig({})).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      libsqlUrl: 'file:data/common-ground.db',
      libsqlAuthToken: undefined,
      publicOrigin: 'http://127.0.0.1:8787',
      secureCookies: false,
    });
  });

  it('takes PUBLIC_URL as the origin and marks https cookies secure', () => {
    const config = readConfig({ PUBLIC_URL: 'https://ground.example.nhs.uk/some/path', PORT: '9000' });
    expect(config.publicOrigin).toBe('https://ground.example.nhs.uk');
    expect(config.secureCookies).toBe(true);
    expect(config.port).toBe(9000);
  });

  it('says which setting is wrong', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readConfig({ PUBLIC_URL: 'not a url' })).toThrow(/PUBLIC_URL/);
    expect(() => readConfig({ PUBLIC_URL: 'ftp://x' })).toThrow(/PUBLIC_URL/);
  });
});
