/**
 * The branch meeting's two thresholds as the server applies them: more than `quorumPercent` of the
 * branch's members present, and more than `passPercent` of those present in favour. "More than"
 * means the smallest whole number strictly above the share.
 */
export function fewestPresent(branchMembers: number, quorumPercent: number): number {
  return Math.floor((branchMembers * quorumPercent) / 100) + 1;
}

export function fewestInFavour(present: number, passPercent: number): number {
  return Math.floor((present * passPercent) / 100) + 1;
}
