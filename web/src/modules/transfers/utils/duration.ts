import type { Translate } from '../../../i18n';

/** A span of minutes in words: 2天3小时, 5小时12分, 12分钟 (days and hours only once it is long). */
export function formatMinutes(minutes: number, t: Translate): string {
  const total = Math.max(0, Math.floor(minutes));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  if (days > 0) return t('transfer.duration.days', { days, hours });
  if (hours > 0) return t('transfer.duration.hours', { hours, minutes: mins });
  return t('transfer.duration.minutes', { minutes: mins });
}

/** Minutes from an ISO timestamp until now. */
export function minutesSince(iso: string, now = Date.now()): number {
  return (now - Date.parse(iso)) / 60_000;
}
