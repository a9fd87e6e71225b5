/**
 * The sandbox's Vipps MobilePay users: a few seeded test customers per market, keyed by MSISDN, so
 * demos show plausible names and addresses. Any other number is a generated "Test User" (the real
 * test environment is full of those), so a cashier in training can type any valid number.
 *
 * `sub` is derived from (sales unit, phone) with a name-based UUID (v5 layout): stable for the same
 * customer at the same merchant across agreements and sandbox restarts, different per merchant — as
 * the real `sub` is ("stable for that sales unit").
 */
import { createHash } from 'node:crypto';
import type { CountryCode } from '../merchants';

export interface TestCustomer {
  phone: string;
  givenName: string;
  familyName: string;
  email: string;
  birthdate: string;
  nin?: string;
  address: { street: string; postalCode: string; region: string; country: CountryCode };
}

export const testCustomers: TestCustomer[] = [
  // Norway: national identity numbers are not available through userinfo in Norway, so none here.
  { phone: '4791234567', givenName: 'Kari', familyName: 'Nordmann', email: 'kari.nordmann@example.no', birthdate: '1985-04-12', address: { street: 'Storgata 12', postalCode: '0155', region: 'Oslo', country: 'NO' } },
  { phone: '4798765432', givenName: 'Ola', familyName: 'Hansen', email: 'ola.hansen@example.no', birthdate: '1978-11-03', address: { street: 'Bryggen 7', postalCode: '5003', region: 'Bergen', country: 'NO' } },
  { phone: '4741234567', givenName: 'Ingrid', familyName: 'Berg', email: 'ingrid.berg@example.no', birthdate: '1992-07-21', address: { street: 'Munkegata 34\n3. etasje', postalCode: '7011', region: 'Trondheim', country: 'NO' } },
  { phone: '4790011223', givenName: 'Per', familyName: 'Johansen', email: 'per.johansen@example.no', birthdate: '1966-01-30', address: { street: 'Kirkegata 5', postalCode: '4006', region: 'Stavanger', country: 'NO' } },
  // Denmark
  { phone: '4520123456', givenName: 'Mette', familyName: 'Jensen', email: 'mette.jensen@example.dk', birthdate: '1988-02-14', nin: '1402881234', address: { street: 'Vesterbrogade 41', postalCode: '1620', region: 'København V', country: 'DK' } },
  { phone: '4530123456', givenName: 'Lars', familyName: 'Nielsen', email: 'lars.nielsen@example.dk', birthdate: '1975-09-09', nin: '0909754321', address: { street: 'Søndergade 22', postalCode: '8000', region: 'Aarhus C', country: 'DK' } },
  { phone: '4540123456', givenName: 'Sofie', familyName: 'Hansen', email: 'sofie.hansen@example.dk', birthdate: '1999-12-01', nin: '0112995678', address: { street: 'Kongensgade 3', postalCode: '5000', region: 'Odense C', country: 'DK' } },
  // Finland
  { phone: '358401234567', givenName: 'Aino', familyName: 'Virtanen', email: 'aino.virtanen@example.fi', birthdate: '1990-05-05', nin: '050590-123A', address: { street: 'Mannerheimintie 10', postalCode: '00100', region: 'Helsinki', country: 'FI' } },
  { phone: '358501234567', givenName: 'Mikko', familyName: 'Korhonen', email: 'mikko.korhonen@example.fi', birthdate: '1982-03-18', nin: '180382-456B', address: { street: 'Hämeenkatu 15', postalCode: '33100', region: 'Tampere', country: 'FI' } },
  { phone: '358441234567', givenName: 'Emilia', familyName: 'Mäkinen', email: 'emilia.makinen@example.fi', birthdate: '1995-08-27', nin: '270895-789C', address: { street: 'Aurakatu 8', postalCode: '20100', region: 'Turku', country: 'FI' } },
];

const fallbackAddress: Record<CountryCode, TestCustomer['address']> = {
  NO: { street: 'Testveien 1', postalCode: '0150', region: 'Oslo', country: 'NO' },
  DK: { street: 'Testvej 1', postalCode: '1050', region: 'København K', country: 'DK' },
  FI: { street: 'Testikatu 1', postalCode: '00100', region: 'Helsinki', country: 'FI' },
};

export function countryOfPhone(phone: string): CountryCode | null {
  if (phone.startsWith('47')) return 'NO';
  if (phone.startsWith('45')) return 'DK';
  if (phone.startsWith('358')) return 'FI';
  return null;
}

/** A seeded customer, or a generated "Test User" for any other number. */
export function customerFor(phone: string, fallbackCountry: CountryCode): TestCustomer {
  const seeded = testCustomers.find((customer) => customer.phone === phone);
  if (seeded) return seeded;
  const country = countryOfPhone(phone) ?? fallbackCountry;
  return {
    phone,
    givenName: 'Test',
    familyName: 'User',
    email: `test.user.${phone}@example.com`,
    birthdate: '1990-01-01',
    address: fallbackAddress[country],
  };
}

/** A seeded customer of that market; used when an agreement without a phone number is approved. */
export function defaultCustomerPhone(country: CountryCode): string {
  return testCustomers.find((customer) => customer.address.country === country)!.phone;
}

export function subFor(msn: string, phone: string): string {
  const hash = createHash('sha1').update(`kassa-sandbox-sub:${msn}:${phone}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
