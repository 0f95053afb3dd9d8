import { useMemo } from 'react';
import { create } from 'qrcode';

/** Light modules around the code: scanners need a quiet zone of 4 (ISO/IEC 18004). */
const QUIET = 4;

/** One SVG path of the dark modules, so the code stays sharp at any size and in print. */
function qrPath(text: string): { size: number; d: string } | null {
  try {
    // Level M survives a smudged print or a projector's glare and keeps a board link at a scannable density.
    const { modules } = create(text, { errorCorrectionLevel: 'M' });
    let d = '';
    for (let y = 0; y < modules.size; y++)
      for (let x = 0; x < modules.size; x++) if (modules.get(y, x)) d += `M${x + QUIET} ${y + QUIET}h1v1h-1z`;
    return { size: modules.size + 2 * QUIET, d };
  } catch {
    return null;
  }
}

/**
 * A QR code of `text`, drawn in the browser (no network). `label` says what
 * it opens: it is the image's accessible name. A text too long for a QR code
 * shows `fallback` instead of a broken code.
 */
export function QrCode({ text, label, fallback, className }: { text: string; label: string; fallback: string; className?: string }) {
  const qr = useMemo(() => qrPath(text), [text]);
  if (!qr) return <p className="error">{fallback}</p>;
  return (
    <svg
      className={className ? `qr-code ${className}` : 'qr-code'}
      role="img"
      aria-label={label}
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      shapeRendering="crispEdges"
    >
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={qr.d} fill="#000" />
    </svg>
  );
}
