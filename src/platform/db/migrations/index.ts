import type { Migration } from 'kysely';
import type { Engine } from '../connect.ts';
import { foundation } from './0001-foundation.ts';

/** Every migration in order. Names sort lexically; never rename or edit a released one. */
export function allMigrations(engine: Engine): Record<string, Migration> {
  return {
    '0001-foundation': foundation(engine),
  };
}
