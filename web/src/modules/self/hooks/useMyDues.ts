import { useMemberDues } from '../../dues/hooks/useMemberDues';
import { fetchMyDues } from '../api/my-dues-api';

export function useMyDues() {
  return useMemberDues(fetchMyDues, 'me');
}
