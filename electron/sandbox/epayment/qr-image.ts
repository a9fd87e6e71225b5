/**
 * `GET /qr-image/v1?token=…` — the QR image a QR payment's `redirectUrl` points to (the real one is
 * `https://qr-image.vipps.no/v1?token=…`). Like the real one it needs no authentication: the till
 * just shows it on the customer-facing screen.
 *
 * - The code encodes the payment's target URL (`/phone/payments/<token>`), so a phone that scans it
 *   — or a trainer who pastes its URL into the phone index's "Scan a QR code" box — lands on the
 *   sandbox's payment page.
 * - Format as requested on create: IMAGE/SVG+XML (the default) or IMAGE/PNG at `qrFormat.size`
 *   pixels (default 1024, "only applicable when the format is set to PNG"). TEXT/TARGETURL payments
 *   have no image: their redirectUrl is the target itself.
 * - 404 once the payment has left CREATED. The QR docs only say the image is gone after the
 *   one-time QR expires; SANDBOX CHOICE to also drop it once answered or cancelled, since it can
 *   no longer lead anywhere useful.
 */
import * as QRCode from 'qrcode';
import type { Router, SandboxResponse } from '../http-kit';
import { plainProblem } from '../problems';
import type { PaymentStore } from './payment-store';
import { targetUrl, type PaymentPresentContext } from './presenters';

const DEFAULT_PNG_SIZE = 1024;

export function registerQrImageRoute(router: Router, deps: { payments: PaymentStore; present: () => PaymentPresentContext }): void {
  router.add('GET', '/qr-image/v1', async (req): Promise<SandboxResponse> => {
    const token = req.query['token'];
    const payment = token ? deps.payments.findByToken(token) : undefined;
    if (!payment || payment.userFlow !== 'QR' || payment.request.qrFormat?.format === 'TEXT/TARGETURL') return plainProblem(404, 'No QR image for this token.');
    if (payment.state !== 'CREATED') return plainProblem(404, `The one-time QR code is no longer valid (the payment is ${payment.state}).`);
    const target = targetUrl(payment, deps.present());
    const headers = { 'cache-control': 'no-store' };
    if (payment.request.qrFormat?.format === 'IMAGE/PNG') {
      const width = payment.request.qrFormat.size ?? DEFAULT_PNG_SIZE;
      const png = await QRCode.toBuffer(target, { type: 'png', width, margin: 4, errorCorrectionLevel: 'M' });
      // The pipeline carries bodies as strings; latin1 maps every byte to one char and back unchanged.
      return { status: 200, headers: { ...headers, 'content-type': 'image/png' }, body: png.toString('latin1'), encoding: 'latin1' };
    }
    const svg = await QRCode.toString(target, { type: 'svg', margin: 4, errorCorrectionLevel: 'M' });
    return { status: 200, headers: { ...headers, 'content-type': 'image/svg+xml' }, body: svg };
  });
}
