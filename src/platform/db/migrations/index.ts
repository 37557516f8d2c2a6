import type { Migration } from 'kysely';
import type { Engine } from '../connect.ts';
import { foundation } from './0001-foundation.ts';
import { members } from './0002-members.ts';
import { memberStatus } from './0003-member-status.ts';
import { importJobs } from './0004-import-jobs.ts';
import { memberStats } from './0005-member-stats.ts';
import { memberAccounts } from './0006-member-accounts.ts';
import { ruleOverrides } from './0007-rule-overrides.ts';
import { memberListIndexes } from './0008-member-list-indexes.ts';
import { dues } from './0009-dues.ts';
import { transfers } from './0010-transfers.ts';
import { admission } from './0011-admission.ts';
import { evaluations } from './0012-evaluations.ts';
import { workplan } from './0013-workplan.ts';
import { transferResponseStats } from './0014-transfer-response-stats.ts';
import { accountCredentials } from './0015-account-credentials.ts';
import { minorAccessGrants } from './0016-minor-access-grants.ts';
import { subjectRequests } from './0019-subject-requests.ts';
import { exportControls } from './0017-export-controls.ts';
import { ledgerMacs } from './0018-ledger-macs.ts';
import { secondFactor } from './0020-second-factor.ts';
import { incidents } from './0021-incidents.ts';
import { applicantAnonymization } from './0022-applicant-anonymization.ts';

/** Every migration in order. Names sort lexically; never rename or edit a released one. */
export function allMigrations(engine: Engine): Record<string, Migration> {
  return {
    '0001-foundation': foundation(engine),
    '0002-members': members(engine),
    '0003-member-status': memberStatus(engine),
    '0004-import-jobs': importJobs(),
    '0005-member-stats': memberStats(),
    '0006-member-accounts': memberAccounts(),
    '0007-rule-overrides': ruleOverrides(engine),
    '0008-member-list-indexes': memberListIndexes(),
    '0009-dues': dues(engine),
    '0010-transfers': transfers(engine),
    '0011-admission': admission(engine),
    '0012-evaluations': evaluations(engine),
    '0013-workplan': workplan(engine),
    '0014-transfer-response-stats': transferResponseStats(),
    '0015-account-credentials': accountCredentials(engine),
    '0016-minor-access-grants': minorAccessGrants(engine),
    '0017-export-controls': exportControls(engine),
    '0018-ledger-macs': ledgerMacs(),
    '0019-subject-requests': subjectRequests(engine),
    '0020-second-factor': secondFactor(),
    '0021-incidents': incidents(engine),
    '0022-applicant-anonymization': applicantAnonymization(),
  };
}
