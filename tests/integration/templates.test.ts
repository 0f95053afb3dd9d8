import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PHASE_IDS, DEFAULT_PHASES } from '../../shared/cocreation/agenda';
import { listItems, listLinks, readMeta } from '../../shared/model/board';
import { readPlainText } from '../../shared/model/richtext';
import { TEMPLATE_IDS, templateById } from '../../shared/templates';
import { connectClient } from '../helpers/client';
import { api } from '../helpers/http';
import { useScope } from '../helpers/scope';
import { startTestServer, type TestServer } from '../helpers/server';

/** POST /api/boards with every template, against a real server; a TestClient syncs the result. */
const scope = useScope();

/** Boards and access records on disk, read directly (not through the server's code). */
function storedCounts(dataDir: string): { boards: number; access: number } {
  const db = new Database(path.join(dataDir, 'samskab.sqlite'), { readonly: true });
  try {
    const count = (sql: string) => (db.prepare<[], { n: number }>(sql).get() as { n: number }).n;
    return { boards: count('SELECT COUNT(DISTINCT board) AS n FROM updates'), access: count('SELECT COUNT(*) AS n FROM board_access') };
  } finally {
    db.close();
  }
}

async function open(srv: TestServer, json: Record<string, unknown>) {
  const c = connectClient(scope, srv.wsUrl, json.id as string, { params: { k: json.editorKey as string } });
  await c.waitSynced();
  return c;
}

describe('POST /api/boards with a template', () => {
  it.each(TEMPLATE_IDS.flatMap((id) => (['da', 'en'] as const).map((lang) => [id, lang] as const)))(
    '%s in %s: a client syncs the board and sees its phase frames',
    async (id, lang) => {
      const srv = await startTestServer(scope);
      const res = await api(srv, 'POST', '/api/boards', { body: { template: id, lang } });
      expect(res.status).toBe(201);
      const c = await open(srv, res.json);
      const { items, damaged } = listItems(c.doc);
      expect(damaged).toEqual([]);
      expect(readMeta(c.doc).title).toBe(templateById(id).title[lang]);
      const frameNames = items.filter((i) => i.kind === 'frame').map((f) => readPlainText(f.body));
      if (id === 'blank') {
        expect(items).toEqual([]);
        expect(listLinks(c.doc)).toEqual([]);
        return;
      }
      for (const phase of DEFAULT_PHASE_IDS) expect(frameNames).toContain(DEFAULT_PHASES[phase][lang]);
      expect(items.filter((i) => i.kind === 'problem')).toHaveLength(1);
      expect(items.some((i) => i.kind === 'perspective' && i.role === 'citizen')).toBe(true);
      expect(listLinks(c.doc).length).toBeGreaterThan(0);
    },
  );

  it('a title in the request replaces the template title; the default language is English', async () => {
    const srv = await startTestServer(scope);
    const named = await api(srv, 'POST', '/api/boards', { body: { template: 'marina', lang: 'da', title: 'Havnen i Vejby' } });
    expect(readMeta((await open(srv, named.json)).doc).title).toBe('Havnen i Vejby');
    const english = await api(srv, 'POST', '/api/boards', { body: { template: 'park' } });
    const c = await open(srv, english.json);
    expect(readMeta(c.doc).title).toBe('Our local park');
    expect(listItems(c.doc).items.some((i) => readPlainText(i.body) === DEFAULT_PHASES.understand.en)).toBe(true);
  });

  it.each([['kanban'], [''], [5], [['marina']], ['Marina'], ['stormflood ']])(
    'rejects the template %j with 400, names the ids, and stores nothing',
    async (template) => {
      const srv = await startTestServer(scope);
      const before = storedCounts(srv.dataDir);
      const res = await api(srv, 'POST', '/api/boards', { body: { template, lang: 'da' } });
      expect(res.status).toBe(400);
      expect(res.json.error).toBe(`template must be one of: ${TEMPLATE_IDS.join(', ')}`);
      expect(storedCounts(srv.dataDir)).toEqual(before);
    },
  );
});
