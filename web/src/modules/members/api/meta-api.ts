import { api } from '../../../api/client';
import type { MemberEnums } from '../types/member';

export function fetchMemberEnums(): Promise<MemberEnums> {
  return api.get<MemberEnums>('/api/meta/member-enums');
}
