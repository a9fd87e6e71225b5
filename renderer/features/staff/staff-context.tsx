import { createContext, useContext, type ReactNode } from 'react';
import type { StaffMember } from '../../../shared/staff';

interface SignedIn {
  user: StaffMember;
  signOut(): void;
}

const StaffContext = createContext<SignedIn | null>(null);

export function StaffProvider({ value, children }: { value: SignedIn; children: ReactNode }) {
  return <StaffContext value={value}>{children}</StaffContext>;
}

/** The member of staff signed in at this till; only screens behind the sign-in have one. */
export function useSignedIn(): SignedIn {
  const signedIn = useContext(StaffContext);
  if (!signedIn) throw new Error('useSignedIn needs a StaffProvider above it (the till behind its sign-in)');
  return signedIn;
}
