import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../../bridge/bridge-context';

/**
 * In a browser, the cashier opens the customer's screen from here: the web host gives a one-time
 * address that signs that window in for the display only (drag it to the customer's monitor, or
 * open the address in another browser when the window is blocked). Electron has its own display
 * window, so its bridge offers no address and the button stays away.
 */
export function CustomerDisplayButton() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const [blockedAddress, setBlockedAddress] = useState<string | null>(null);
  if (!bridge.customerDisplayAddress) return null;
  const ask = bridge.customerDisplayAddress.bind(bridge);

  async function open() {
    const address = await ask();
    if (!address) return;
    // A named window: pressing again reuses the display window instead of stacking new ones.
    const opened = window.open(address, 'kassa-customer-display');
    if (opened) {
      opened.opener = null;
      setBlockedAddress(null);
    } else {
      setBlockedAddress(address);
    }
  }

  return (
    <>
      <button type="button" className="button button--ghost" data-testid="open-customer-display" onClick={() => void open()}>
        {t('header.customerDisplay')}
        <span className="visually-hidden"> {t('header.opensInNewWindow')}</span>
      </button>
      {blockedAddress && (
        <p className="customer-display-address" role="status" data-testid="customer-display-address">
          {t('header.customerDisplayBlocked')} <code>{blockedAddress}</code>
        </p>
      )}
    </>
  );
}
