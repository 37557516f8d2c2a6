import { BRAND_RED } from '../theme';

/** The product mark: a gold star on League red, drawn inline so nothing is fetched. */
export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="6" fill={BRAND_RED} stroke="#ffd21f" strokeWidth="1.5" />
      <path
        d="M16 5l3.1 6.6 7.2.9-5.3 5 1.4 7.1L16 21.1l-6.4 3.5 1.4-7.1-5.3-5 7.2-.9z"
        fill="#ffd21f"
      />
    </svg>
  );
}
