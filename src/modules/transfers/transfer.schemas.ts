import { Type } from 'typebox';
import { TRANSFER_REASONS, TRANSFER_SCOPE_KINDS } from './transfer-enums.ts';

/** JSON shapes of the transfer API. */

const OrgRef = Type.Object({ id: Type.Integer(), name: Type.String() });
const NullableString = Type.Union([Type.String(), Type.Null()]);
const PlacedOrgRef = Type.Object({ id: Type.Integer(), name: Type.String(), parentName: NullableString });

export const Transfer = Type.Object({
  id: Type.Integer(), memberId: Type.Integer(), memberName: Type.String(), scopeKind: Type.String(), reason: Type.String(), reasonText: NullableString,
  fromOrg: PlacedOrgRef, toOrg: Type.Union([PlacedOrgRef, Type.Null()]), outsideDestination: NullableString,
  stages: Type.Array(Type.String()), stageIndex: Type.Integer(), currentOrg: Type.Union([OrgRef, Type.Null()]), stageSince: Type.String(),
  status: Type.String(), initiatedBy: Type.String(), batchId: Type.Union([Type.Integer(), Type.Null()]), expiresAt: Type.String(),
  createdBy: Type.String(), createdAt: Type.String(), closedAt: NullableString, overdue: Type.Boolean(),
});

export const TransferDetail = Type.Intersect([Transfer, Type.Object({
  events: Type.Array(Type.Object({
    id: Type.Integer(), stage: NullableString, orgName: NullableString, action: Type.String(), reason: NullableString, evidence: NullableString,
    responseMinutes: Type.Union([Type.Integer(), Type.Null()]), actorUsername: Type.String(), postLabel: NullableString, onBehalf: Type.Boolean(), at: Type.String(),
  })),
  stageOrgs: Type.Array(Type.Union([OrgRef, Type.Null()])),
  /** What the caller may do now: the stage decisions open to it, and whether it may appeal or withdraw as the applicant. */
  can: Type.Object({ decide: Type.Array(Type.String()), appeal: Type.Boolean(), withdraw: Type.Boolean() }),
})]);

const Reason = Type.Union(TRANSFER_REASONS.map((r) => Type.Literal(r.code)));

export const StartBody = Type.Object({
  memberId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  scopeKind: Type.Union(TRANSFER_SCOPE_KINDS.map((k) => Type.Literal(k.code))),
  reason: Reason,
  reasonText: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
  toOrgId: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 2147483647 }), Type.Null()])),
  outsideDestination: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
}, { additionalProperties: false });

export const IncomingBody = Type.Object({
  idNumber: Type.String({ minLength: 15, maxLength: 18 }),
  name: Type.String({ minLength: 1, maxLength: 50 }),
  toOrgId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  reason: Reason,
  reasonText: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
}, { additionalProperties: false });

export const DecisionBody = Type.Object({
  action: Type.Union([Type.Literal('approve'), Type.Literal('return'), Type.Literal('accept_appeal'), Type.Literal('reject_appeal')]),
  reason: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
}, { additionalProperties: false });

export const AppealBody = Type.Object({
  evidence: Type.String({ maxLength: 1000 }),
  reason: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
}, { additionalProperties: false });

export const WithdrawBody = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500 }) }, { additionalProperties: false });

const ResponseRow = Type.Object({
  orgId: Type.Integer(), name: Type.String(), decided: Type.Integer(), onTime: Type.Integer(), overdueOpen: Type.Integer(), rate: Type.Union([Type.Number(), Type.Null()]),
});
export const ResponseStats = Type.Object({ hours: Type.Number(), org: ResponseRow, children: Type.Array(ResponseRow) });

const EnumList = Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() }));
export const TransferMeta = Type.Object({
  reasons: EnumList, scopeKinds: EnumList, stages: EnumList, statuses: EnumList, initiators: EnumList, actions: EnumList, graduateDestinations: EnumList,
  graduateRateTargetPercent: Type.Number(),
  specialLibraryReasons: Type.Array(Type.String()), chainStages: Type.Integer(), responseHours: Type.Number(), expiryDays: Type.Integer(),
});

export const Destination = Type.Object({ id: Type.Integer(), name: Type.String(), parentNames: Type.Array(Type.String()) });
