/** Who took a full export, when, for which post and why: printed on every sheet and kept in the file's properties. */
export type Watermark = { exportId: number; username: string; displayName: string | null; postLabel: string | null; reason: string; at: Date };

/** The instant in China Standard Time (UTC+8), to the minute. */
export function chinaTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The one-line watermark (DOMAIN §13 B7: viewer name and time), in Chinese for the people who will read the file. */
export function watermarkLine(w: Watermark): string {
  const who = w.displayName && w.displayName !== w.username ? `${w.displayName}（${w.username}）` : w.username;
  return `内部资料 严禁外传 · 导出人：${who}${w.postLabel ? ` · 岗位：${w.postLabel}` : ''} · 导出时间：${chinaTime(w.at)} · 事由：${w.reason} · 导出编号：${w.exportId}`;
}

/** Excel header and footer text treats '&' as a code; a literal ampersand is written twice. */
export function headerFooterText(text: string): string {
  return text.replaceAll('&', '&&');
}
