import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { languageNames, uiLanguages, type UiLanguage } from '../../../shared/languages';
import { useBridge } from '../../bridge/bridge-context';
import { useSignedIn } from './staff-context';

/**
 * Who is at the till, the language they chose for its screens (kept for their next sign-in), and
 * the quick switch: the next cashier signs in on the same screen. On a kiosk till nobody signs in
 * next: signing out hands the screen back to the customers, and the button says so.
 */
export function SignedInAs({ kiosk }: { kiosk: boolean }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const languageId = useId();
  const { user, signOut } = useSignedIn();
  const choose = (value: string) => void bridge.invoke('staff.setLanguage', { language: value === '' ? null : (value as UiLanguage) });
  return (
    <div className="signed-in-as">
      <span className="signed-in-name" data-testid="signed-in-as">
        {user.name}
        <span className="staff-role">{t(`staff.role.${user.role}`)}</span>
      </span>
      <label className="visually-hidden" htmlFor={languageId}>
        {t('staff.language')}
      </label>
      <select id={languageId} className="language-select" value={user.language ?? ''} data-testid="staff-language" onChange={(event) => choose(event.target.value)}>
        <option value="">{t('staff.shopLanguage')}</option>
        {uiLanguages.map((language) => (
          <option key={language} value={language} lang={language}>
            {languageNames[language]}
          </option>
        ))}
      </select>
      <button type="button" className="button button--secondary button--small" data-testid="switch-user" onClick={signOut}>
        {kiosk ? t('kiosk.backToKiosk') : t('staff.switch')}
      </button>
    </div>
  );
}
