import { z } from 'zod';
import type { SharedProfile } from '../../../shared/subscription';
import type { VippsHttpClient } from './vipps-http-client';

const addressSchema = z.looseObject({
  street_address: z.string().optional(),
  postal_code: z.string().optional(),
  region: z.string().optional(),
  country: z.string().optional(),
  formatted: z.string().optional(),
});

export const userinfoSchema = z.looseObject({
  sub: z.string(),
  name: z.string().optional(),
  email: z.string().optional(),
  address: addressSchema.optional(),
  phone_number: z.string().optional(),
  birthdate: z.string().optional(),
});
export type Userinfo = z.infer<typeof userinfoSchema>;

/** Fetches the profile a customer agreed to share. Userinfo must be called without the subscription key. */
export async function fetchSharedProfile(vipps: VippsHttpClient, sub: string): Promise<SharedProfile> {
  const info = await vipps.call({
    operation: 'get userinfo',
    method: 'GET',
    path: `/vipps-userinfo-api/userinfo/${encodeURIComponent(sub)}`,
    withSubscriptionKey: false,
    expect: [200],
    schema: userinfoSchema,
  });
  return toSharedProfile(info);
}

export function toSharedProfile(info: Userinfo): SharedProfile {
  const profile: SharedProfile = {};
  if (info.name) profile.name = info.name;
  if (info.email) profile.email = info.email;
  const address = formatAddress(info.address);
  if (address) profile.address = address;
  if (info.phone_number) profile.phoneNumber = info.phone_number;
  if (info.birthdate) profile.birthDate = info.birthdate;
  return profile;
}

/** Users without an address get an address object of empty strings: treat that as no address. */
function formatAddress(address: Userinfo['address']): string | null {
  if (!address) return null;
  const lines = [address.street_address, [address.postal_code, address.region].filter(Boolean).join(' '), address.country]
    .map((line) => line?.trim())
    .filter((line): line is string => Boolean(line));
  return lines.length > 0 ? lines.join(', ') : null;
}
