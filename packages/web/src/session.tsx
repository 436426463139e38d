// Who is signed in, shared by the shell and the pages. The cookie is httpOnly; this holds what the API says.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { api, type Session, setCsrfToken } from './api.ts';

interface SessionState {
  /** undefined while the first GET /session is in flight, null when signed out. */
  session: Session | null | undefined;
  requireSignInForKnowledge: boolean;
  setSession: (session: Session | null) => void;
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSessionState] = useState<Session | null | undefined>(undefined);
  const [requireSignInForKnowledge, setRequire] = useState(false);

  const setSession = useCallback((next: Session | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setSessionState(next);
  }, []);

  const refresh = useCallback(async () => {
    try {
      setSession(await api.getSession());
    } catch {
      // Signed out is a null answer, not an error. A failure (network, server) also leaves the user
      // signed out in the UI, and the public pages still work, so there is nothing better to show here.
      setSession(null);
    }
  }, [setSession]);

  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } finally {
      setSession(null);
    }
  }, [setSession]);

  useEffect(() => {
    void refresh();
    api
      .publicSettings()
      .then((s) => setRequire(s.requireSignInForKnowledge))
      // Without the setting the knowledge pages stay public, which is the default.
      .catch(() => setRequire(false));
  }, [refresh]);

  return (
    <SessionContext.Provider value={{ session, requireSignInForKnowledge, setSession, refresh, signOut }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
