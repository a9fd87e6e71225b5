import { errorText } from '../../i18n/error-text';
import { useId } from 'react';
import { WarningNotice } from '../../ui/WarningNotice';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/locale-context';
import { Icon } from '../../ui/Icon';
import type { Catalogue } from './use-catalogue';
import { PlanCard } from './PlanCard';
import { RejectedPlanCard } from './RejectedPlanCard';

interface Props {
  catalogue: Catalogue;
  selectedPlanId: string | null;
  onSelect(planId: string): void;
}

export function PlanPicker({ catalogue, selectedPlanId, onSelect }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = catalogue.catalogue;
  const headingId = useId();

  return (
    <div className="plans">
      <div className="panel-head">
        <h2 className="panel-title" id={headingId}>{t('plans.heading')}</h2>
        <button type="button" className="button button--ghost" onClick={() => void catalogue.load(true)} disabled={catalogue.loading}>
          <Icon name="refresh" />
          {catalogue.loading && list ? t('plans.refreshing') : t('plans.refresh')}
        </button>
      </div>

      {list?.source === 'cache' && (
        <WarningNotice testId="catalogue-from-cache">{list.fetchedAt === null ? t('plans.fromCacheUnknown') : t('plans.fromCache', { when: format.dateTime(list.fetchedAt) })}</WarningNotice>
      )}
      {catalogue.error && (
        <p className="notice notice--error" role="alert" data-testid="catalogue-error">
          <Icon name="alert" />
          <span>
            {t('plans.loadFailed')} {errorText(catalogue.error)}
          </span>
        </p>
      )}
      {!list && catalogue.loading && <p className="muted" role="status">{t('plans.loading')}</p>}
      {list && list.plans.length === 0 && <p className="muted">{t('plans.none')}</p>}

      {list && list.plans.length > 0 && (
        <div className="plan-list" role="radiogroup" aria-labelledby={headingId}>
          {list.plans.map((plan) => (
            <PlanCard key={plan.id} plan={plan} selected={plan.id === selectedPlanId} onSelect={onSelect} />
          ))}
        </div>
      )}

      {list && list.rejected.length > 0 && (
        <>
          <h3 className="subheading">{t('plans.rejectedHeading')}</h3>
          <ul className="plan-list plan-list--rejected">
            {list.rejected.map((plan) => (
              <RejectedPlanCard key={plan.id} plan={plan} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
