/**
 * Whether missing Vipps MobilePay specs are a failure rather than "not run". CI must always run
 * the contract tests, so `CI` (set by most CI services) and `KASSA_REQUIRE_VIPPS_SPECS=1` (set by
 * .ci/run) make it so. Plain JavaScript: test/run-all.mjs reads it too.
 */
export function specsRequired(env = process.env) {
  const truthy = (value) => value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
  return truthy(env.CI) || truthy(env.KASSA_REQUIRE_VIPPS_SPECS);
}
