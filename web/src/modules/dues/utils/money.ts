/**
 * Money arrives as whole fen. It is formatted from integers, never through a float division, so
 * that 0.1 + 0.2 style errors cannot show up in a ledger.
 */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.trunc(abs / 100).toLocaleString('en-US');
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${yuan}.${cents}`;
}

/** An amount typed in 元 (at most two decimals) as whole fen. */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}
