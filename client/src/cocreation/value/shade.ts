import { MAX_SCORE, MIN_SCORE } from '../../../../shared/cocreation/value';

/** The heatmap scale: a light mint (1, little value) to a deep green (5, much value). */
const LOW = [0xf0, 0xf7, 0xf3];
const HIGH = [0x14, 0x5c, 0x47];

const lin = (c: number) => {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const luminance = (rgb: number[]) => 0.2126 * lin(rgb[0] ?? 0) + 0.7152 * lin(rgb[1] ?? 0) + 0.0722 * lin(rgb[2] ?? 0);

/**
 * Cell colours for a mean: the background by linear interpolation, and black or
 * white text, whichever contrasts more (always at least 4.5:1, so the number in
 * the cell stays readable; the shade is never the only carrier of the value).
 */
export function shade(mean: number | null): { background: string; color: string } {
  if (mean === null) return { background: '#ffffff', color: '#3d4a56' };
  const f = Math.min(1, Math.max(0, (mean - MIN_SCORE) / (MAX_SCORE - MIN_SCORE)));
  const rgb = LOW.map((lo, i) => Math.round(lo + ((HIGH[i] ?? lo) - lo) * f));
  const l = luminance(rgb);
  const onBlack = (l + 0.05) / 0.05;
  const onWhite = 1.05 / (l + 0.05);
  return { background: `rgb(${rgb.join(' ')})`, color: onBlack >= onWhite ? '#000000' : '#ffffff' };
}
