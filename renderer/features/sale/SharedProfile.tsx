import { useTranslation } from 'react-i18next';
import type { SharedProfile as Profile } from '../../../shared/subscription';

const fields = ['name', 'email', 'address'] as const;

/** What the customer agreed to share; only the fields that came back are shown. */
export function SharedProfile({ profile }: { profile: Profile | null }) {
  const { t } = useTranslation();
  const present = fields.filter((field) => profile?.[field]);
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
              <dd data-testid={`profile-${field}`}>{profile?.[field]}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
