import dayjs from 'dayjs';

/** A server timestamp in local time, the same in both languages: 2026-03-01 14:05:09. */
export function formatTime(value: string | null | undefined): string {
  if (!value) return '—';
  const time = dayjs(value);
  return time.isValid() ? time.format('YYYY-MM-DD HH:mm:ss') : value;
}
