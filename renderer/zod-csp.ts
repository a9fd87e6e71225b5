import { z } from 'zod';

/**
 * zod speeds up object parsing with `new Function`, probing for it first. Our CSP forbids eval
 * (no 'unsafe-eval', on purpose), so the probe only logs a CSP violation on every start-up. Tell
 * zod up front to use its plain interpreter. Imported first by main.tsx, before anything parses.
 */
z.config({ jitless: true });
