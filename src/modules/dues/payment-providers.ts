import type { FieldError } from '../../platform/http/app-error.ts';
import { isCalendarDate, yearsBefore } from '../../platform/time/china-date.ts';
import { PAYMENT_METHODS } from './dues-categories.ts';

/** What a secretary enters for a payment, whatever the provider. */
export type PaymentDetails = { method: string; receiptNo: string; paidOn: string };

/**
 * A way dues reach the organization. The provider checks the details it needs and says how the
 * payment is settled; an online provider (which would confirm payments asynchronously) can be
 * added beside the offline one without touching the ledger.
 */
export type DuesPaymentProvider = {
  code: string;
  zh: string;
  en: string;
  /** The problems with the details, field by field (none when they are fine). */
  check(details: PaymentDetails, today: string): FieldError[];
};

/** 线下收缴: the secretary received cash or a bank transfer and records it with the receipt number. */
export const OFFLINE_PROVIDER: DuesPaymentProvider = {
  code: 'offline',
  zh: '线下收缴（现金或银行转账）',
  en: 'Offline (cash or bank transfer)',
  check(details, today) {
    const problems: FieldError[] = [];
    if (!PAYMENT_METHODS.some((m) => m.code === details.method)) {
      problems.push({ field: 'method', code: 'invalid_choice', message: { zh: '请选择现金或银行转账', en: 'choose cash or bank transfer' } });
    }
    if (!/^[\p{L}\p{N}\-_/]{2,40}$/u.test(details.receiptNo.trim())) {
      problems.push({ field: 'receiptNo', code: 'invalid_receipt', message: { zh: '请填写收据号或转账流水号（2–40位字母、数字、-、_、/）', en: 'enter the receipt or transfer reference (2–40 letters, digits, -, _, /)' } });
    }
    if (!isCalendarDate(details.paidOn)) {
      problems.push({ field: 'paidOn', code: 'invalid_date', message: { zh: '请填写收款日期，如2021-09-01', en: 'enter the date received, e.g. 2021-09-01' } });
    } else if (details.paidOn > today) {
      problems.push({ field: 'paidOn', code: 'in_future', message: { zh: '收款日期不能晚于今天', en: 'the date received cannot be in the future' } });
    } else if (details.paidOn < yearsBefore(today, 1)) {
      problems.push({ field: 'paidOn', code: 'too_old', message: { zh: '收款日期不能早于一年前，请按实际收款日期登记', en: 'the date received cannot be more than a year ago' } });
    }
    return problems;
  },
};

export const PAYMENT_PROVIDERS: Record<string, DuesPaymentProvider> = { [OFFLINE_PROVIDER.code]: OFFLINE_PROVIDER };
