import { z } from 'zod';

export const vippsConfigSchema = z.object({
  /** https://apitest.vipps.no, https://api.vipps.no, or the sandbox in training mode. */
  baseUrl: z.url(),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  subscriptionKey: z.string().min(1),
  merchantSerialNumber: z.string().regex(/^\d{4,10}$/, 'The MSN is 4 to 10 digits'),
});
export type VippsConfig = z.infer<typeof vippsConfigSchema>;

/** Sent on every call so Vipps MobilePay support can tell which till software made it (max 30 chars each). */
export interface SystemInfo {
  systemName: string;
  systemVersion: string;
  pluginName: string;
  pluginVersion: string;
}
