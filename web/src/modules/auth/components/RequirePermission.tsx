import type { ReactNode } from 'react';
import { Forbidden } from '../../common/components/Forbidden';
import { useCan } from '../hooks/useSession';
import type { Permission } from '../types/me';

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const can = useCan();
  return can(permission) ? children : <Forbidden />;
}
