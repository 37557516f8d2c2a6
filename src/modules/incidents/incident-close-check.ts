import type { IncidentRow } from '../../platform/db/schema.ts';
import type { FieldError } from '../../platform/http/app-error.ts';

const msg = (zh: string, en: string) => ({ zh, en });

/**
 * What an incident still lacks before it may close: the facts PIPL Art. 57 ¶1 requires the notice to
 * state — (1) the kinds of personal information, the cause and the possible harm; (2) the remedies
 * taken and what people can do to reduce the harm; (3) the handler's contact — and the notices
 * themselves: the report to the authority, and the people affected told (or, Art. 57 ¶2, the reason
 * they need not be, which never holds for minors under 《未成年人网络保护条例》). One problem per field.
 */
export function missingForClose(row: IncidentRow): FieldError[] {
  const missing: FieldError[] = [];
  const need = (field: string, ok: boolean, zh: string, en: string) => {
    if (!ok) missing.push({ field, code: 'required_to_close', message: msg(zh, en) });
  };
  const filled = (text: string) => text.trim().length > 0;
  need('piKinds', (JSON.parse(row.pi_kinds) as string[]).length > 0, '请选择涉及的个人信息种类（第五十七条第一款第一项）', 'choose the kinds of personal information involved (Art. 57 ¶1 (1))');
  need('cause', filled(row.cause), '请填写事件发生的原因（第五十七条第一款第一项）', 'state the cause (Art. 57 ¶1 (1))');
  need('harm', filled(row.harm), '请填写可能造成的危害（第五十七条第一款第一项）', 'state the possible harm (Art. 57 ¶1 (1))');
  need('remedies', filled(row.remedies), '请填写已采取的补救措施（第五十七条第一款第二项）', 'state the remedies taken (Art. 57 ¶1 (2))');
  need('individualMeasures', filled(row.individual_measures), '请填写个人可以采取的减轻危害的措施（第五十七条第一款第二项）', 'state what people can do to reduce the harm (Art. 57 ¶1 (2))');
  need('contact', filled(row.contact), '请填写个人信息处理者的联系方式（第五十七条第一款第三项）', 'state the handler\'s contact (Art. 57 ¶1 (3))');
  need('regulatorNotifiedAt', row.regulator_notified_at !== null, '请先登记向网信部门报告的时间和方式', 'record when and how the cyberspace authority was notified');
  if (row.involves_minors === 1) {
    need('individualsNotifiedAt', row.individuals_notified_at !== null, '涉及未成年人信息：请先登记告知受影响的未成年人及其监护人的时间和方式', 'minors are involved: record when and how the minors and their guardians were told');
  } else {
    need('individualsNotifiedAt', row.individuals_notified_at !== null || row.individuals_exemption !== null, '请先登记通知受影响个人的时间和方式，或说明依第五十七条第二款不通知的理由', 'record when and how the people affected were told, or why they need not be (Art. 57 ¶2)');
  }
  return missing;
}
