import { useTranslation } from 'react-i18next';
import { profileScopes, type ProfileScope } from '../../../shared/subscription';

interface Props {
  selected: readonly ProfileScope[];
  onChange(scopes: ProfileScope[]): void;
}

export function ProfileScopeFields({ selected, onChange }: Props) {
  const { t } = useTranslation();
  const toggle = (scope: ProfileScope, on: boolean) =>
    // Keep the contract's order whatever order the boxes were ticked in.
    onChange(profileScopes.filter((s) => (s === scope ? on : selected.includes(s))));

  return (
    <fieldset className="scopes">
      <legend className="field-label">{t('form.scopesLegend')}</legend>
      <div className="scope-options">
        {profileScopes.map((scope) => (
          <label key={scope} className="check">
            <input
              type="checkbox"
              data-testid={`scope-${scope}`}
              checked={selected.includes(scope)}
              onChange={(event) => toggle(scope, event.target.checked)}
            />
            <span>{t(`form.scopes.${scope}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
