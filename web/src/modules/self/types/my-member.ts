import type { Member } from '../../members/types/member';
import type { OwnStatusChange } from '../../members/types/member-status';

/** GET /api/me/member: one's own record, masked, and what happened to one's 团籍. */
export type MyMemberRecord = { member: Member; history: OwnStatusChange[] };
