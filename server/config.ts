/**
 * The server's configuration, read from environment variables (the same names as wrangler.toml
 * vars): see docs/configuration.md. Pure: takes the variables, returns settings or throws a plain
 * message saying which one is wrong.
 */

export interface AppConfig {
  /** TCP port (Node). */
  port: number;
  /** Bind address (Node). */
  host: string;
  /** Any URL @libsql/client accepts. */
  libsqlUrl: string;
  libsqlAuthToken: string | undefined;
  /** The app's public origin, for invite links and the CSRF origin check (no trailing slash). */
  publicOrigin: string;
  /** Cookies get `Secure` when the public origin is https. */
  secureCookies: boolean;
  /** A session unused for this long expires. */
  sessionLifetimeMs: number;
}

export type Environment = Readonly<Record<string, string | undefined>>;

export function readConfig(env: Environment): AppConfig {
  const port = integer(env['PORT'], 8787, 'PORT', 0, 65535);
  const host = env['HOST'] || '127.0.0.1';
  const publicUrl = env['PUBLIC_URL'] || `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let origin: URL;
  try {
    origin = new URL(publicUrl);
  } catch {
    throw new Error(`PUBLIC_URL is not a URL: ${publicUrl}`);
  }
  if (origin.protocol !== 'http:' && origin.protocol !== 'https:') throw new Error('PUBLIC_URL must start with http:// or https://');
  const days = integer(env['SESSION_DAYS'], 30, 'SESSION_DAYS', 1, 3650);
  return {
    port,
    host,
    libsqlUrl: env['LIBSQL_URL'] || 'file:data/common-ground.db',
    libsqlAuthToken: env['LIBSQL_AUTH_TOKEN'] || undefined,
    publicOrigin: origin.origin,
    secureCookies: origin.protocol === 'https:',
    sessionLifetimeMs: days * 24 * 60 * 60 * 1000,
  };
}

function integer(raw: string | undefined, fallback: number, name: string, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  return value;
}
