/**
 * The customer-facing screen is the same page on another route: `/customer-display` from the web
 * host (which serves the app shell for any path), `#/customer-display` in Electron, whose second
 * window loads the same file with a hash.
 */
export function isCustomerDisplayRoute(location: Pick<Location, 'pathname' | 'hash'>): boolean {
  return /\/customer-display\/?$/.test(location.pathname) || /^#\/?customer-display\/?$/.test(location.hash);
}
