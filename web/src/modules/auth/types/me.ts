/** Permission codes the API grants to a post. */
export type Permission =
  | 'org.read'
  | 'org.create'
  | 'org.update'
  | 'org.move'
  | 'org.deactivate'
  | 'org.export'
  | 'member.read'
  | 'member.create'
  | 'member.update'
  | 'member.reveal'
  | 'member.export'
  | 'member.status'
  | 'member.approve'
  | 'member.import'
  | 'dues.read'
  | 'dues.collect'
  | 'transfer.read'
  | 'transfer.apply'
  | 'transfer.approve'
  | 'self.transfer'
  | 'admission.read'
  | 'admission.manage'
  | 'admission.approve'
  | 'admission.plan'
  | 'evaluation.read'
  | 'evaluation.manage'
  | 'evaluation.approve'
  | 'self.read'
  | 'workplan.read'
  | 'workplan.manage'
  | 'workplan.report'
  | 'workplan.supervise'
  | 'minor.approve'
  | 'minor.report'
  | 'rules.read'
  | 'rules.manage'
  | 'audit.read'
  | 'alert.read'
  | 'alert.acknowledge'
  | 'incident.read'
  | 'incident.manage'
  | 'member.export_full'
  | 'user.manage'
  | 'user.read'
  | 'post.manage'
  | 'session.manage'
  | 'second_factor.reset'
  | 'member.account'
  | 'subject.handle';

/** 任职: a user acting for one organization in one role. */
export type Post = {
  id: number;
  orgId: number;
  orgName: string;
  roleCode: string;
  roleName: string;
  scope: string;
  /** Not in the written contract; sent by the backend: 全部 / 本级及下级 / … */
  scopeName?: string;
  /** Not in the written contract; false when the org is inactive or the post has ended. */
  usable?: boolean;
};

export type SessionUser = {
  id: number;
  username: string;
  displayName: string;
  mustChangePassword: boolean;
  /** The password must change because it is past its age (cadres and administrators). */
  passwordExpired: boolean;
  secondFactorEnrolled: boolean;
};

/** The answer to a correct password when a one-time code must follow; no session exists yet. */
export type SecondFactorChallenge = {
  secondFactor: 'verify' | 'enroll';
  challenge: string;
  expiresAt: string;
};

/** What the authenticator app needs at enrolment. */
export type SecondFactorSeed = { secret: string; uri: string; username: string };

/** The answer of GET /api/auth/me, login and switch-post. */
export type Me = {
  user: SessionUser;
  posts: Post[];
  currentPostId: number | null;
  permissions: string[];
  csrfToken: string;
};
