import { useCallback, useState, type ReactNode } from 'react';
import type { Result } from '../../../shared/result';
import type { Approval } from '../../../shared/staff';
import { ManagerApprovalDialog } from './ManagerApprovalDialog';
import { useSignedIn } from './staff-context';

type Pending = { what: string; run(approval: Approval): Promise<Result<unknown>>; resolve(result: Result<unknown> | null): void };

/**
 * Runs an action only a manager may take. A signed-in manager just runs it; for a cashier the
 * manager-approval dialog opens on the same screen, and the action runs with the manager's PIN.
 * Resolves with the action's result, or null when the approval was cancelled.
 */
export function useWithManager(): { withManager<T>(what: string, run: (approval?: Approval) => Promise<Result<T>>): Promise<Result<T> | null>; approvalDialog: ReactNode } {
  const { user } = useSignedIn();
  const [pending, setPending] = useState<Pending | null>(null);

  const withManager = useCallback(
    <T,>(what: string, run: (approval?: Approval) => Promise<Result<T>>): Promise<Result<T> | null> => {
      if (user.role === 'manager') return run();
      return new Promise((resolve) => setPending({ what, run, resolve: resolve as Pending['resolve'] }));
    },
    [user.role],
  );

  const approvalDialog = pending && (
    <ManagerApprovalDialog
      what={pending.what}
      run={pending.run}
      onDone={(result) => {
        pending.resolve(result);
        setPending(null);
      }}
      onCancel={() => {
        pending.resolve(null);
        setPending(null);
      }}
    />
  );
  return { withManager, approvalDialog };
}
