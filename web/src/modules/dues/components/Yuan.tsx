import { formatYuan } from '../utils/money';

/** An amount in 元 for a table cell: figures of one width, so that a column of amounts lines up. */
export function Yuan({ fen }: { fen: number }) {
  return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatYuan(fen)}</span>;
}
