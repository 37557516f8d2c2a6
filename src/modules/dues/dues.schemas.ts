import { Type } from 'typebox';

/** JSON shapes of the dues API (responses are checked against them, so nothing extra leaks out). */

const Month = Type.String({ pattern: '^\\d{4}-\\d{2}$', maxLength: 7 });
const NullableMonth = Type.Union([Month, Type.Null()]);
export { Month };

export const Standing = Type.Union([
  Type.Object({ owedMonths: Type.Integer(), overdueMonths: Type.Integer(), lapseWarning: Type.Boolean(), owedFen: Type.Integer() }),
  Type.Null(),
]);

export const DuesListItem = Type.Object({
  id: Type.Integer(), name: Type.String(), orgId: Type.Integer(), orgName: Type.String(), occupation: Type.String(),
  monthlyFen: Type.Union([Type.Integer(), Type.Null()]), paidThrough: NullableMonth, standing: Standing,
});

export const DuesPayment = Type.Object({
  id: Type.Integer(), fromMonth: Month, toMonth: Month, months: Type.Integer(), monthlyFen: Type.Integer(), extraFen: Type.Integer(), amountFen: Type.Integer(),
  provider: Type.String(), method: Type.String(), receiptNo: Type.String(), paidOn: Type.String(), status: Type.String(), note: Type.Union([Type.String(), Type.Null()]),
  recordedBy: Type.String(), postLabel: Type.Union([Type.String(), Type.Null()]), recordedAt: Type.String(),
  reversedReason: Type.Union([Type.String(), Type.Null()]), reversedBy: Type.Union([Type.String(), Type.Null()]), reversedAt: Type.Union([Type.String(), Type.Null()]),
  reversible: Type.Boolean(),
});

export const MemberDues = Type.Object({
  memberId: Type.Integer(), name: Type.String(), orgName: Type.String(), assessed: Type.Boolean(),
  category: Type.Union([Type.String(), Type.Null()]), monthlyFen: Type.Union([Type.Integer(), Type.Null()]),
  paidThrough: NullableMonth, startMonth: NullableMonth, standing: Standing,
  months: Type.Array(Type.Object({ month: Month, state: Type.Union([Type.Literal('paid'), Type.Literal('owed'), Type.Literal('not_due')]) })),
  payments: Type.Array(DuesPayment),
  assessments: Type.Array(Type.Object({
    category: Type.String(), incomeFen: Type.Union([Type.Integer(), Type.Null()]), monthlyFen: Type.Integer(), fromMonth: Month,
    reason: Type.Union([Type.String(), Type.Null()]), by: Type.String(), at: Type.String(),
  })),
});

const StatRow = Type.Object({
  orgId: Type.Integer(), name: Type.String(), type: Type.String(), childCount: Type.Integer(),
  active: Type.Integer(), assessed: Type.Integer(), unassessed: Type.Integer(), paidUp: Type.Integer(), owing: Type.Integer(), lapse: Type.Integer(),
  paidUpRate: Type.Union([Type.Number(), Type.Null()]), collectedMonthFen: Type.Integer(), collectedYearFen: Type.Integer(), paymentsYear: Type.Integer(),
  level: Type.String(), retainedYearFen: Type.Integer(), remittedYearFen: Type.Integer(),
});

export const DuesStats = Type.Object({
  month: Month, org: StatRow, children: Type.Array(StatRow),
  retention: Type.Array(Type.Object({ level: Type.String(), percent: Type.Number() })),
});

const EnumList = Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() }));
export const DuesMeta = Type.Object({
  categories: EnumList, incomeBasedCategories: Type.Array(Type.String()), methods: EnumList, providers: EnumList, retentionLevels: EnumList,
  occupationCategories: Type.Record(Type.String(), Type.String()),
  lapseWarningMonths: Type.Integer(), maxMonthsPerPayment: Type.Integer(), maxPrepaidMonths: Type.Integer(),
});
