/** A post (任职) as the account list shows it. */
export type AccountPost = {
  id: number;
  orgId: number;
  orgName: string;
  roleCode: string;
  roleName: string;
  scope: string;
  /** active, or ended after 免职. */
  status: string;
  createdAt: string;
};

/** 账号状态: 待激活, 正常, 停用. */
export type AccountStatus = 'pending' | 'active' | 'disabled';

/** One row of 账号管理. */
export type Account = {
  id: number;
  username: string;
  displayName: string;
  status: AccountStatus;
  orgId: number | null;
  orgName: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  isMember: boolean;
  /** An authenticator (TOTP) is set up. */
  secondFactor: boolean;
  /** Sessions still open. */
  sessions: number;
  posts: AccountPost[];
};

export type AccountQuery = { q?: string; status?: AccountStatus; orgId?: number; page: number; pageSize: number };

/** A one-time secret, shown once: the link carries it after '#', the code is the same grant to read out. */
export type CredentialGrant = { kind: 'activation' | 'reset'; linkPath: string; code: string; expiresAt: string };

export type RoleOption = { code: string; name: string; nameEn: string; defaultScope: string };

export type AccountOrgNode = { id: number; parentId: number | null; name: string; status: string; childCount: number };

/** What the holder of a link learns before choosing a password. */
export type GrantInfo = { kind: 'activation' | 'reset'; username: string; displayName: string; expiresAt: string };
