import { DEMO_STAFF } from '../../electron/core/staff/staff-service';
import type { StaffRole } from '../../shared/staff';

type Invoke = (name: string, body: unknown) => Promise<{ ok: boolean; value?: any; error?: { code: string; message: string } }>;

/** Signs the training mode's demo cashier or manager in, as a person would: pick the name, type the PIN. */
export async function signInDemo(invoke: Invoke, role: StaffRole = 'manager'): Promise<{ id: string; name: string; role: StaffRole }> {
  const demo = DEMO_STAFF.find((member) => member.role === role)!;
  const list = await invoke('staff.list', {});
  const member = (list.value as Array<{ id: string; name: string; role: StaffRole }> | undefined)?.find((m) => m.name === demo.name);
  if (!member) throw new Error(`The demo ${role} is not on the till: ${JSON.stringify(list)}`);
  const signedIn = await invoke('staff.signIn', { staffId: member.id, pin: demo.pin });
  if (!signedIn.ok) throw new Error(`Signing in the demo ${role} failed: ${JSON.stringify(signedIn.error)}`);
  return member;
}

/** The PIN of a demo member, for tests that type it (e.g. a manager approving a cashier's refund). */
export const demoPin = (role: StaffRole) => DEMO_STAFF.find((member) => member.role === role)!.pin;
