/** The deepest organization path above all the given ones ('/1/23/' for '/1/23/45/' and '/1/23/67/'), or null. */
export function commonPath(paths: string[]): string | null {
  if (paths.length === 0) return null;
  let prefix = paths[0]!.split('/').filter(Boolean);
  for (const path of paths.slice(1)) {
    const parts = path.split('/').filter(Boolean);
    let i = 0;
    while (i < prefix.length && prefix[i] === parts[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix.length === 0 ? null : `/${prefix.join('/')}/`;
}
