import type { ApplicantRow } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { ADMISSION_STEPS } from './admission-enums.ts';

/** The branch's own steps are taken in or above the branch; pre-review and approval strictly above it. */
export function requireDecider(ctx: ServiceContext, applicant: Pick<ApplicantRow, 'org_path'>, step: number): void {
  if (!ADMISSION_STEPS[step - 1]?.byParent) return;
  const post = ctx.scope.postOrgPath;
  if (!post || !applicant.org_path.startsWith(post) || post === applicant.org_path) {
    throw new AppError('NOT_APPROVER', { message: { zh: '预审和审批须由团支部的上级团委办理', en: 'pre-review and approval belong to the committee above the branch' } });
  }
}
