import { errorText } from '../../i18n/error-text';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cart } from '../../../shared/cart';
import type { Result } from '../../../shared/result';

/**
 * A scan's outcome for the barcode field. A failed scan's message names the code and stays until
 * the next one is typed: with scans queued, a later success must not wipe out an earlier miss
 * before the cashier has seen it.
 */
export function useBarcodeScan(addBarcode: (code: string) => Promise<Result<Cart>>) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);

  const scan = useCallback(
    async (code: string) => {
      setError(null);
      const result = await addBarcode(code);
      if (result.ok) return;
      setError(result.error.code === 'NOT_FOUND' ? t('goods.barcode.unknown', { code }) : errorText(result.error));
    },
    [addBarcode, t],
  );

  const typing = useCallback(() => setError(null), []);
  return { error, scan, typing };
}
