import * as OTPAuth from 'otpauth';

/**
 * Time-based one-time passwords (RFC 6238) as every authenticator app computes them: HMAC-SHA-1,
 * 6 digits, 30-second steps. The seed never leaves the server except once, at enrolment.
 */
const PERIOD_SECONDS = 30;
const ISSUER = '团务 Tuanwu';

function totpOf(secretBase32: string, label = ''): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret: OTPAuth.Secret.fromBase32(secretBase32) });
}

/** A fresh 160-bit seed, in base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

/** The otpauth:// address a QR code carries to the authenticator app. */
export function totpUri(secretBase32: string, username: string): string {
  return totpOf(secretBase32, username).toString();
}

/** The time step a moment falls in. */
export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / PERIOD_SECONDS);
}

/**
 * The time step a code belongs to, one step of clock drift either way, or null when it matches
 * none. Codes of `lastStep` or earlier are replays (ASVS 5.0 §6.5.1) and never match.
 */
export function matchTotp(secretBase32: string, code: string, now: Date, lastStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(secretBase32).validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  const step = totpStep(now) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

