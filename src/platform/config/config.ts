import path from 'node:path';
import { CRYPTO_PROFILES, isCryptoProfileName, type CryptoProfileName } from '../pii/crypto-profile.ts';

/** Runtime configuration, read once from the environment. Every knob is listed in README's table. */
export type AppConfig = {
  /** Directory for the SQLite file, key files and generated files. */
  dataDir: string;
  /** PostgreSQL connection string; when empty the embedded SQLite file is used. */
  databaseUrl: string | null;
  port: number;
  host: string;
  /** Password for every demo account; random per account when unset. */
  demoPassword: string | null;
  /** Send cookies with the Secure flag (always behind TLS in production). */
  secureCookies: boolean;
  /** Trusted reverse-proxy addresses whose X-Forwarded-For is believed. */
  trustProxy: string | false;
  logLevel: string;
  /** Where the built web app lives. */
  webDistDir: string;
  /** Uploaded and generated files (local FileStorage); default `<dataDir>/files`. */
  filesDir: string;
  /**
   * Serve the interactive API documentation at /docs: true or false when TUANWU_API_DOCS says so,
   * null to leave it to the command (on for the demo, off for a production start; DOMAIN §12 AS-30).
   */
  apiDocs: boolean | null;
  /** Personal-data cryptography: 'international' (AES-256-GCM, HMAC-SHA-256) or 'sm' (SM4, HMAC-SM3). */
  cryptoProfile: CryptoProfileName;
  /**
   * 双因素认证 for administrators and provincial and city cadres (DOMAIN §12 DB-04): 'required'
   * unless TUANWU_SECOND_FACTOR=off, which a deployment may choose only with its assessor's consent.
   */
  secondFactor: 'required' | 'off';
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const dataDir = path.resolve(env.TUANWU_DATA_DIR ?? 'data');
  return {
    dataDir,
    databaseUrl: env.TUANWU_DATABASE_URL?.trim() || null,
    port: parsePort(env.PORT),
    host: env.HOST ?? '0.0.0.0',
    demoPassword: env.TUANWU_DEMO_PASSWORD || null,
    secureCookies: env.TUANWU_SECURE_COOKIES === 'true',
    trustProxy: env.TUANWU_TRUST_PROXY || false,
    logLevel: env.TUANWU_LOG_LEVEL ?? 'info',
    webDistDir: path.resolve(env.TUANWU_WEB_DIST ?? path.join(import.meta.dirname, '../../../web/dist')),
    filesDir: path.resolve(env.TUANWU_FILES_DIR ?? path.join(dataDir, 'files')),
    apiDocs: env.TUANWU_API_DOCS === 'true' ? true : env.TUANWU_API_DOCS === 'false' ? false : null,
    cryptoProfile: parseCryptoProfile(env.TUANWU_CRYPTO_PROFILE),
    secondFactor: parseSecondFactor(env.TUANWU_SECOND_FACTOR),
  };
}

function parseCryptoProfile(raw: string | undefined): CryptoProfileName {
  const value = raw?.trim() || 'international';
  if (!isCryptoProfileName(value)) throw new Error(`TUANWU_CRYPTO_PROFILE must be one of ${CRYPTO_PROFILES.join(', ')}, got "${raw}"`);
  return value;
}

function parseSecondFactor(raw: string | undefined): 'required' | 'off' {
  const value = raw?.trim() || 'required';
  if (value !== 'required' && value !== 'off') throw new Error(`TUANWU_SECOND_FACTOR must be required or off, got "${raw}"`);
  return value;
}

function parsePort(raw: string | undefined): number {
  if (!raw) return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${raw}"`);
  }
  return port;
}
