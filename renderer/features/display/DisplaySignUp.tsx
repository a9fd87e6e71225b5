import { useTranslation } from 'react-i18next';
import type { CustomerDisplay } from '../../../shared/sale';
import { Icon } from '../../ui/Icon';
import { QrCode } from '../../ui/QrCode';
import { PlanSummary } from '../plans/PlanSummary';
import { DisplayCountdown } from './DisplayCountdown';

/**
 * A subscription sign-up as the customer sees it: the plan and its price while they approve the
 * agreement on their phone (with the confirmation QR for a push that did not arrive), then how it
 * ended. Never their phone number or profile: others in the queue can read this screen.
 */
export function DisplaySignUp({ display }: { display: CustomerDisplay }) {
  const { t } = useTranslation();
  const plan = display.signUp?.plan;
  if (!plan) return null;
  if (display.phase === 'signup-waiting') {
    return (
      <div className={`display-waiting${display.qrUrl ? ' display-waiting--qr' : ''}`} data-testid="display-signup">
        {display.qrUrl && (
          <div className="display-qr">
            <QrCode value={display.qrUrl} label={t('display.signUpQrAlt')} testId="display-signup-qr" />
          </div>
        )}
        <div className="display-waiting-text">
          <Icon name="phone" className="icon display-big-icon" />
          <h1 className="display-heading display-heading--large">{t('display.approve')}</h1>
          <p className="display-instruction">{t('display.signUpApproveHelp')}</p>
          {display.qrUrl && <p className="display-instruction">{t('display.signUpScanHelp')}</p>}
          <section className="display-plan" aria-label={t('display.signUpHeading')}>
            <PlanSummary plan={plan} />
          </section>
          <DisplayCountdown expiresAt={display.expiresAt} />
        </div>
      </div>
    );
  }
  const signedUp = display.phase === 'signed-up';
  return (
    <div className={`display-outcome display-outcome--${signedUp ? 'paid' : 'not-paid'}`} data-testid="display-signup">
      <div className="display-outcome-icon">
        <Icon name={signedUp ? 'check' : 'cross'} className="icon display-big-icon" />
      </div>
      <h1 className="display-heading display-heading--large">{signedUp ? t('display.signedUp') : t('display.notSignedUp')}</h1>
      {signedUp ? (
        <section className="display-plan" aria-label={t('display.signUpHeading')}>
          <PlanSummary plan={plan} />
        </section>
      ) : (
        <p className="display-instruction">{t('display.notPaidHelp')}</p>
      )}
    </div>
  );
}
