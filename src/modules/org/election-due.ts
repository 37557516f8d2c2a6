/** 换届到期: the date the current term ends, from the last election and the term length. */
export function nextElectionDue(lastElectionOn: string | null, termYears: number | null): string | null {
  if (!lastElectionOn || !termYears) return null;
  const [year, month, day] = lastElectionOn.split('-').map(Number) as [number, number, number];
  const due = new Date(Date.UTC(year + termYears, month - 1, day));
  // 29 February plus whole years lands on 1 March in a common year; keep the end of February.
  if (due.getUTCMonth() !== month - 1) due.setUTCDate(0);
  return due.toISOString().slice(0, 10);
}

/** 换届逾期: the term has ended and no election is recorded since. */
export function isElectionOverdue(due: string | null, today: string = new Date().toISOString().slice(0, 10)): boolean {
  return due !== null && due < today;
}
