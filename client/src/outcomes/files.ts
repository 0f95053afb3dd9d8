/** Saves a Blob as a file through a temporary link. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Shows an HTML Blob in a tab opened before it was fetched (`tab`, opened in
 * the click so no popup blocker stops it). Returns false when there is no tab.
 * The page brings its own Content-Security-Policy (no script runs in it).
 */
export function showInTab(tab: Window | null, html: Blob): boolean {
  if (!tab || tab.closed) return false;
  const url = URL.createObjectURL(html);
  tab.location.href = url;
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}

/** Renders an SVG Blob to a PNG Blob in the browser (no server round trip). */
export async function svgToPng(svg: Blob, maxWidth = 2400): Promise<Blob> {
  const url = URL.createObjectURL(svg);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const scale = Math.min(2, maxWidth / Math.max(1, img.naturalWidth));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no canvas');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
