/** Tag colours of the transfer states: moving blue, waiting for the applicant orange, done green, ended badly red. */
const COLORS: Record<string, string> = {
  pending: 'processing',
  returned: 'warning',
  appealed: 'purple',
  completed: 'success',
  withdrawn: 'default',
  expired: 'default',
  rejected: 'error',
};

export function transferStatusColor(status: string): string {
  return COLORS[status] ?? 'default';
}
