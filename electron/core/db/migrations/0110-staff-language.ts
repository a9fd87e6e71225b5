import type { Migration } from './index';

export const migration0110StaffLanguage: Migration = {
  version: 110,
  name: 'the language each member of staff chose for the till',
  up(db) {
    db.exec(`
      -- NULL: the shop's language. Applied when the member signs in; a quick switch changes it.
      ALTER TABLE staff ADD COLUMN language TEXT CHECK (language IS NULL OR language IN ('nb', 'da', 'fi', 'en'));
    `);
  },
};
