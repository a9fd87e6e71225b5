import { useTranslation } from 'react-i18next';
import { formatMsisdn } from '../../../shared/phone';
import type { SharedProfile as Profile } from '../../../shared/subscription';

const fields = ['name', 'email', 'address', 'phoneNumber', 'birthDate'] as const;
type Field = (typeof fields)[number];

/** What the customer agreed to share; only the fields that came back are shown. */
export function SharedProfile({ profile }: { profile: Profile | null }) {
  const { t, i18n } = useTranslation();
  const present = fields.filter((field) => profile?.[field]);
  const shown = (field: Field, value: string): string => {
    if (field === 'phoneNumber') return formatMsisdn(value);
    // A calendar date (YYYY-MM-DD), not a moment: formatted in UTC so no time zone moves the day.
    if (field === 'birthDate' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      return new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
    }
    return value;
  };
  return (
    <div className="shared-profile">
      <h3 className="subheading">{t('outcome.sharedProfile')}</h3>
      {present.length === 0 ? (
        <p className="muted">{t('outcome.nothingShared')}</p>
      ) : (
        <dl className="facts">
          {present.map((field) => (
            <div key={field}>
              <dt>{t(`outcome.profile.${field}`)}</dt>
              <dd data-testid={`profile-${field}`}>{shown(field, profile![field]!)}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
