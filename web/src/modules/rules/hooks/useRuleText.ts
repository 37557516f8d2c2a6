import { useCallback } from 'react';
import { useLang } from '../../../i18n';
import { splitDescription } from '../utils/rule-description';
import { RULE_UNITS_EN } from '../utils/unit-labels';

/** A rule's description, unit and amounts (31,457,280字节) in the chosen language. */
export function useRuleText() {
  const { lang } = useLang();
  const english = lang === 'en-US';

  const description = useCallback(
    (text: string) => {
      const both = splitDescription(text);
      // The table writes the English half in lower case, to follow the Chinese after the slash.
      return english ? both.en.charAt(0).toUpperCase() + both.en.slice(1) : both.zh;
    },
    [english],
  );

  const unit = useCallback((chinese: string) => (english ? (RULE_UNITS_EN[chinese] ?? chinese) : chinese), [english]);

  const amount = useCallback(
    (value: number, chinese: string) => {
      // Separators from five digits on, so that a year (2017年) stays a year.
      const number = value.toLocaleString(english ? 'en-US' : 'zh-CN', { useGrouping: Math.abs(value) >= 10000 });
      // Chinese units and signs follow the number directly (28周岁, 2‰); English words after a space.
      const word = english ? RULE_UNITS_EN[chinese] : undefined;
      return word ? `${number} ${word}` : `${number}${chinese}`;
    },
    [english],
  );

  return { description, unit, amount };
}
