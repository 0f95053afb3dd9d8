import * as Y from 'yjs';
import { isRoleId } from '../roles';
import {
  COORD_LIMIT,
  ITEM_KINDS,
  LINK_KINDS,
  MAX_LABEL_LENGTH,
  MAX_NAME_LENGTH,
  MAX_ROLE_TEXT_LENGTH,
  MAX_SIZE,
  MIN_SIZE,
  CARD_COLORS,
  Z_LIMIT,
  type BoardItem,
  type CardColor,
  type BoardLink,
  type DamagedItem,
  type ItemKind,
  type LinkKind,
} from './schema';

/**
 * Everything in the doc may come from a remote peer, so it is read through
 * these checks. A bad item becomes a DamagedItem instead of throwing.
 */

const isFiniteIn = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;

const isString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

export const isItemKind = (v: unknown): v is ItemKind =>
  typeof v === 'string' && (ITEM_KINDS as readonly string[]).includes(v);

export const isLinkKind = (v: unknown): v is LinkKind =>
  typeof v === 'string' && (LINK_KINDS as readonly string[]).includes(v);

function fallbackCoord(v: unknown): number {
  return isFiniteIn(v, -COORD_LIMIT, COORD_LIMIT) ? v : 0;
}

export function readItem(id: string, value: unknown): BoardItem | DamagedItem {
  if (!(value instanceof Y.Map)) {
    return { id, damaged: true, x: 0, y: 0, problems: ['item is not a map'] };
  }
  const m = value as Y.Map<unknown>;
  const get = (k: string) => m.get(k);
  const problems: string[] = [];
  const kind = get('kind');
  if (!isItemKind(kind)) problems.push('unknown kind');
  for (const k of ['x', 'y'] as const) {
    if (!isFiniteIn(get(k), -COORD_LIMIT, COORD_LIMIT)) problems.push(`bad ${k}`);
  }
  for (const k of ['w', 'h'] as const) {
    if (!isFiniteIn(get(k), MIN_SIZE, MAX_SIZE)) problems.push(`bad ${k}`);
  }
  if (!isRoleId(get('role'))) problems.push('unknown role');
  if (!isString(get('authorName'), MAX_NAME_LENGTH)) problems.push('bad author name');
  const roleText = get('roleText') ?? '';
  if (!isString(roleText, MAX_ROLE_TEXT_LENGTH)) problems.push('bad role text');
  for (const k of ['createdAt', 'updatedAt'] as const) {
    if (!isFiniteIn(get(k), 0, Number.MAX_SAFE_INTEGER)) problems.push(`bad ${k}`);
  }
  if (!(get('body') instanceof Y.XmlFragment)) problems.push('missing body');
  if (kind === 'perspective' && !isString(get('problemId'), 64)) problems.push('missing problem');
  const z = get('z') ?? 0;
  if (!isFiniteIn(z, -Z_LIMIT, Z_LIMIT)) problems.push('bad z');
  // An unknown colour (say, from a newer client) falls back to the role colour.
  const rawColor = get('color');
  const color: CardColor | '' = (CARD_COLORS as readonly unknown[]).includes(rawColor) ? (rawColor as CardColor) : '';

  if (problems.length > 0) {
    return { id, damaged: true, x: fallbackCoord(get('x')), y: fallbackCoord(get('y')), problems };
  }
  const base = {
    id,
    x: get('x') as number,
    y: get('y') as number,
    w: get('w') as number,
    h: get('h') as number,
    role: get('role') as BoardItem['role'],
    authorName: get('authorName') as string,
    roleText: roleText as string,
    createdAt: get('createdAt') as number,
    updatedAt: get('updatedAt') as number,
    body: get('body') as Y.XmlFragment,
    z: z as number,
    color,
    template: get('template') === true,
  };
  if (kind === 'perspective') return { ...base, kind, problemId: get('problemId') as string };
  return { ...base, kind: kind as 'problem' | 'idea' | 'frame' };
}

export function readLink(id: string, value: unknown): BoardLink | null {
  if (!(value instanceof Y.Map)) return null;
  const m = value as Y.Map<unknown>;
  const kind = m.get('kind');
  const from = m.get('from');
  const to = m.get('to');
  const label = m.get('label') ?? '';
  if (!isLinkKind(kind) || !isString(from, 64) || !isString(to, 64) || !isString(label, MAX_LABEL_LENGTH)) {
    return null;
  }
  return { id, kind, from, to, label };
}

export function isDamaged(item: BoardItem | DamagedItem): item is DamagedItem {
  return 'damaged' in item;
}
