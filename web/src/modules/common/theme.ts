import type { ThemeConfig } from 'antd';
import type { Lang } from '../../i18n/language';

/** 团旗红, kept for the brand bar; controls stay on a calmer primary so that red still means danger. */
export const BRAND_RED = '#c8161d';

const LATIN = ['-apple-system', 'BlinkMacSystemFont', "'Segoe UI'", 'Roboto', "'Helvetica Neue'", 'Arial'];
// Simplified-Chinese faces are named so Han characters never fall back to a Japanese variant.
const CJK = [
  "'PingFang SC'",
  "'Hiragino Sans GB'",
  "'Microsoft YaHei'",
  "'Noto Sans CJK SC'",
  "'Source Han Sans SC'",
  "'Noto Sans SC'",
  "'WenQuanYi Micro Hei'",
];

/** Chinese UI: CJK faces first so punctuation is full-width; English UI: Latin faces first. */
function fontFamily(lang: Lang): string {
  const faces = lang === 'zh-CN' ? [...LATIN.slice(0, 3), ...CJK, ...LATIN.slice(3)] : [...LATIN, ...CJK];
  return [...faces, 'sans-serif'].join(', ');
}

export const appTheme = (lang: Lang): ThemeConfig => ({
  token: {
    colorPrimary: '#1d5fbf',
    fontFamily: fontFamily(lang),
    borderRadius: 6,
  },
  components: {
    Layout: {
      headerBg: BRAND_RED,
      headerPadding: '0 16px',
      siderBg: '#ffffff',
    },
  },
});
