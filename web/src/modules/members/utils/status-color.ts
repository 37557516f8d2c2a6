/** 正常 green, awaiting the parent org's approval gold, 开除团籍 red, any other completed exit grey. */
export function statusColor(status: string): string | undefined {
  if (status === 'normal') return 'green';
  if (status.endsWith('_pending')) return 'gold';
  if (status === 'expelled') return 'red';
  return undefined;
}
