import { QUOTE_MARKS, quotedSpans } from './quoted-spans.ts';

/** Longer quoted stretches are slogans or requirements, not the name of a program. */
export const TAG_MAX_LENGTH = 20;

/** 标签: the phrases a task puts in quotation marks (“青年大学习”), trimmed, each once, in order of first appearance. */
export function extractTags(text: string): string[] {
  const tags: string[] = [];
  for (const span of quotedSpans(text, QUOTE_MARKS)) {
    const phrase = span.inner.trim();
    if (phrase === '' || [...phrase].length > TAG_MAX_LENGTH) continue;
    // “1+1” or “……” name nothing a reader could filter by.
    if (/^[\p{Nd}\p{P}\p{S}\s]+$/u.test(phrase)) continue;
    if (!tags.includes(phrase)) tags.push(phrase);
  }
  return tags;
}
