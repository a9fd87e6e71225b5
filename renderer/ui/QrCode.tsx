import { useMemo } from 'react';
import * as QRCode from 'qrcode';

/** Modules of white border the QR spec asks for, so phones find the code on any background. */
const QUIET_ZONE = 4;

/**
 * A QR code as inline SVG, built from the module matrix: no canvas, no data: URL, no innerHTML,
 * so it needs nothing from the CSP and stays sharp at any size.
 */
export function QrCode({ value, label, testId }: { value: string; label: string; testId?: string }) {
  const { path, size } = useMemo(() => {
    const { modules } = QRCode.create(value, { errorCorrectionLevel: 'M' });
    let d = '';
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        if (modules.get(row, col)) d += `M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`;
      }
    }
    return { path: d, size: modules.size + QUIET_ZONE * 2 };
  }, [value]);

  return (
    <svg className="qr-code" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges" data-testid={testId} data-value={value}>
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
