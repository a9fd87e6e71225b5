import { useTranslation } from 'react-i18next';
import { useSignedIn } from './staff-context';

/** Who is at the till, and the quick switch: the next cashier signs in on the same screen. */
export function SignedInAs() {
  const { t } = useTranslation();
  const { user, signOut } = useSignedIn();
  return (
    <div className="signed-in-as">
      <span className="signed-in-name" data-testid="signed-in-as">
        {user.name}
        <span className="staff-role">{t(`staff.role.${user.role}`)}</span>
      </span>
      <button type="button" className="button button--secondary button--small" data-testid="switch-user" onClick={signOut}>
        {t('staff.switch')}
      </button>
    </div>
  );
}
