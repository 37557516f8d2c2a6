import { findRegion } from '../org/region.ts';

/**
 * Roles that administer the system or its organizations (管理员): their sessions idle out sooner
 * and they sign in with a second factor (DOMAIN §12 DB-02, DB-04). The 三员 roles are here too.
 */
export const ADMINISTRATOR_ROLES: ReadonlySet<string> = new Set([
  'province_admin', 'committee_admin', 'system_admin', 'security_admin', 'auditor',
]);

/** Roles of a League member looking after their own record; every other role is a cadre's (干部). */
export const SELF_SERVICE_ROLES: ReadonlySet<string> = new Set(['member']);

/** The parts of a post that decide what an account must do to sign in. */
export type DutyPost = { roleCode: string; orgRegionCode: string | null; usable: boolean };

/** What signing in asks of an account, from the posts it holds. */
export type AccountDuties = {
  /** Holds an administrator's post: the shorter idle timeout. */
  administrator: boolean;
  /** Holds any cadre's post: the password expires (GB/T 22239 8.1.4.1 a) 定期更换). */
  cadre: boolean;
  /** Administrators and provincial and city cadres sign in with a second factor (DB-04). */
  secondFactor: boolean;
};

/** A post at an organization of a province or a prefecture-level city (省级、市级). */
function atProvinceOrCity(post: DutyPost): boolean {
  const level = post.orgRegionCode ? findRegion(post.orgRegionCode)?.level : undefined;
  return level === 'province' || level === 'prefecture';
}

/** Posts that cannot act (ended, or their organization deactivated) grant nothing, so they ask for nothing. */
export function accountDuties(posts: readonly DutyPost[]): AccountDuties {
  const active = posts.filter((p) => p.usable);
  const administrator = active.some((p) => ADMINISTRATOR_ROLES.has(p.roleCode));
  const cadrePosts = active.filter((p) => !SELF_SERVICE_ROLES.has(p.roleCode));
  return {
    administrator,
    cadre: cadrePosts.length > 0,
    secondFactor: administrator || cadrePosts.some(atProvinceOrCity),
  };
}
