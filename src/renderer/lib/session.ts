import { createContext, useContext } from 'react';
import type { ChannelOutput } from '../../shared/ipc/contract';

export type SessionUser = NonNullable<ChannelOutput<'session:get'>['user']>;
export type AppInfo = ChannelOutput<'app:info'>;

export interface Session {
  user: SessionUser;
  info: AppInfo;
  signOut: () => void;
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in user and the open store. Only available below the app shell. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside SessionContext');
  return session;
}
