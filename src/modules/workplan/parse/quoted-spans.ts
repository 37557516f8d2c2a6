/** Stretches of text inside quotation marks or book-title marks, where numbers are names and phrases are tags. */

/** A quoted stretch: `start` at the opening mark, `end` just after the closing one. */
export type QuotedSpan = { start: number; end: number; inner: string };

/** “…” 「…」 『…』: quoted phrases, the names of programs and campaigns. */
export const QUOTE_MARKS: readonly (readonly [string, string])[] = [['“', '”'], ['「', '」'], ['『', '』']];

/** 《…》 〈…〉: titles of documents, whose numbers (2017—2025年) are part of the name. */
export const TITLE_MARKS: readonly (readonly [string, string])[] = [['《', '》'], ['〈', '〉']];

/** Every closed pair of the given marks on one line, in order of the opening mark. */
export function quotedSpans(text: string, marks: readonly (readonly [string, string])[]): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  for (const [open, close] of marks) {
    let from = 0;
    for (let start = text.indexOf(open, from); start >= 0; start = text.indexOf(open, from)) {
      const stop = text.indexOf(close, start + 1);
      const lineEnd = text.indexOf('\n', start);
      // An unclosed mark protects nothing: better a target to confirm than one silently lost.
      if (stop < 0 || (lineEnd >= 0 && lineEnd < stop)) {
        from = start + 1;
        continue;
      }
      spans.push({ start, end: stop + 1, inner: text.slice(start + 1, stop) });
      from = stop + 1;
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Whether `index` falls inside one of the spans. */
export function insideSpan(spans: readonly QuotedSpan[], index: number): boolean {
  return spans.some((s) => index > s.start && index < s.end);
}
