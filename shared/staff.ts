import { z } from 'zod';
import { uiLanguageSchema } from './languages';

export const staffRoles = ['cashier', 'manager'] as const;
export const staffRoleSchema = z.enum(staffRoles);
export type StaffRole = z.infer<typeof staffRoleSchema>;

/** A PIN: 4 to 8 digits. Only ever sent to the core to be checked; never stored or logged in clear. */
export const pinSchema = z.string().regex(/^\d{4,8}$/, 'must be 4 to 8 digits');

export const staffNameSchema = z.string().trim().min(1, 'must not be empty').max(60);

/** A member of staff as the renderer may see them: never the PIN, its hash or its salt. */
export const staffMemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: staffRoleSchema,
  /** The language this member chose for the till's screens; null or absent: the shop's. */
  language: uiLanguageSchema.nullable().optional(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

/** Who did something, as rows and reports keep it. */
export const staffRefSchema = z.object({ id: z.string(), name: z.string() });
export type StaffRef = z.infer<typeof staffRefSchema>;

/**
 * Who is signed in at this till. `setupNeeded`: a real shop's first start, no staff yet: the till
 * asks for the first manager. `demoPins`: training mode only, so a newcomer can sign in at once.
 */
export const staffSessionSchema = z.object({
  user: staffMemberSchema.nullable(),
  setupNeeded: z.boolean(),
  /** Signed out after this long without a call from the till (the screen resets too). */
  idleSignOutMs: z.number().int().positive(),
  demoPins: z.array(z.object({ name: z.string(), role: staffRoleSchema, pin: z.string() })).nullable(),
});
export type StaffSession = z.infer<typeof staffSessionSchema>;

export const signInRequestSchema = z.object({ staffId: z.string().min(1).max(64), pin: pinSchema });

/**
 * A manager's approval of one action a cashier asked for: the manager types their PIN on the
 * cashier's screen and it travels with that one request. Checked (and logged with both names) by
 * the core; never stored.
 */
export const approvalSchema = z.object({ staffId: z.string().min(1).max(64), pin: pinSchema });
export type Approval = z.infer<typeof approvalSchema>;

export const newStaffRequestSchema = z.object({ name: staffNameSchema, role: staffRoleSchema, pin: pinSchema });
