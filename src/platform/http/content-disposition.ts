/** RFC 6266 `attachment` with an ASCII fallback and the UTF-8 name, for Chinese file names. */
export function attachment(ascii: string, name: string): string {
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
