import { fileURLToPath } from 'node:url';

/**
 * The official Vipps MobilePay OpenAPI files live in `shared/` beside the project (read-only
 * reference, not part of the repo): `<repo>/../shared/vipps/openapi`. VIPPS_OPENAPI_DIR overrides.
 */
export const VIPPS_OPENAPI_DIR = process.env['VIPPS_OPENAPI_DIR'] ?? fileURLToPath(new URL('../../../shared/vipps/openapi/', import.meta.url));
