import jsQR from 'jsqr';
import type { Locator } from 'playwright-core';

/** Decodes the QR code in `target` from a screenshot of it: what a phone camera would see. */
export async function decodeQr(target: Locator): Promise<string> {
  const png = (await target.screenshot()).toString('base64');
  const img = await target.page().evaluate(async (b64) => {
    const im = new Image();
    im.src = `data:image/png;base64,${b64}`;
    await im.decode();
    const c = document.createElement('canvas');
    c.width = im.naturalWidth;
    c.height = im.naturalHeight;
    const ctx = c.getContext('2d') as CanvasRenderingContext2D;
    ctx.drawImage(im, 0, 0);
    const bytes = ctx.getImageData(0, 0, c.width, c.height).data;
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { w: c.width, h: c.height, rgba: btoa(bin) };
  }, png);
  const code = jsQR(new Uint8ClampedArray(Buffer.from(img.rgba, 'base64')), img.w, img.h);
  if (!code) throw new Error('no QR code could be read');
  return code.data;
}
