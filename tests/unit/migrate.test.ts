import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { MIGRATE_ORIGIN, migrate, schemaVersionOf, type Migration } from '../../shared/doc/migrate';
import { initBoard, metaMap } from '../../shared/model/board';

/** The schema hook: due migrations run once, in order, in one transaction; newer boards are left alone. */
describe('migrate(doc)', () => {
  const log: string[] = [];
  const migrations: Migration[] = [
    { to: 3, what: 'three', run: (d) => (log.push('3'), d.getMap('meta').set('three', true)) },
    { to: 2, what: 'two', run: (d) => (log.push('2'), d.getMap('meta').set('two', true)) },
  ];

  it('runs the due migrations in version order, in one transaction, and records the version', () => {
    log.length = 0;
    const doc = new Y.Doc();
    initBoard(doc, 'Gammel');
    expect(schemaVersionOf(doc)).toBe(1);
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    expect(migrate(doc, migrations, 3)).toEqual({ from: 1, to: 3, ran: ['two', 'three'], newer: false });
    expect(log).toEqual(['2', '3']);
    expect(origins).toEqual([MIGRATE_ORIGIN]);
    expect(metaMap(doc).toJSON()).toMatchObject({ two: true, three: true, schemaVersion: 3 });
    // Once: a second load runs nothing.
    expect(migrate(doc, migrations, 3).ran).toEqual([]);
    expect(log).toEqual(['2', '3']);
  });

  it('runs only what is due up to this code\'s version', () => {
    const doc = new Y.Doc();
    initBoard(doc, 'x');
    expect(migrate(doc, migrations, 2)).toMatchObject({ to: 2, ran: ['two'] });
    expect(migrate(doc, migrations, 3)).toMatchObject({ from: 2, to: 3, ran: ['three'] });
  });

  it('leaves a board written by newer code untouched', () => {
    const doc = new Y.Doc();
    initBoard(doc, 'x');
    metaMap(doc).set('schemaVersion', 9);
    const before = Y.encodeStateAsUpdate(doc);
    expect(migrate(doc, migrations, 3)).toEqual({ from: 9, to: 9, ran: [], newer: true });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('with no migrations (today: every change was additive) it changes nothing', () => {
    const doc = new Y.Doc();
    initBoard(doc, 'x');
    const before = Y.encodeStateAsUpdate(doc);
    expect(migrate(doc)).toEqual({ from: 1, to: 1, ran: [], newer: false });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});
