import type { Migration } from 'kysely';
import type { Engine } from '../connect.ts';
import { foundation } from './0001-foundation.ts';
import { members } from './0002-members.ts';
import { memberStatus } from './0003-member-status.ts';

/** Every migration in order. Names sort lexically; never rename or edit a released one. */
export function allMigrations(engine: Engine): Record<string, Migration> {
  return {
    '0001-foundation': foundation(engine),
    '0002-members': members(engine),
    '0003-member-status': memberStatus(engine),
  };
}
