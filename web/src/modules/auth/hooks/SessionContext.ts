import { createContext } from 'react';
import type { Me, SecondFactorChallenge } from '../types/me';

export type SessionState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'anonymous' }
  | { status: 'authenticated'; me: Me };

export type SessionValue = {
  state: SessionState;
  /** Signs in, or answers with the one-time code still to come. */
  login: (username: string, password: string) => Promise<Me | SecondFactorChallenge>;
  verifySecondFactor: (challenge: string, code: string) => Promise<Me>;
  logout: () => Promise<void>;
  switchPost: (postId: number) => Promise<Me>;
  /** Reloads Me from the server; null when the session has ended. */
  refresh: () => Promise<Me | null>;
};

export const SessionContext = createContext<SessionValue | null>(null);
