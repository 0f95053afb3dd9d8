import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EXPORTED_MAPS, ROOT_MAPS } from '../../shared/doc/registry';
import { boardToJson, docFromExport } from '../../shared/export/json';
import { fillBoard } from '../helpers/fullBoard';

/**
 * The JSON export and import iterate the document registry (issue 14): the
 * readable content covers every exported root map, not only cards and links,
 * and an import reads every map back as the app will.
 */
describe('JSON export and import over the registry', () => {
  const TAG = 'eksport-7431';
  const board = () => {
    const doc = new Y.Doc();
    fillBoard(doc, TAG);
    return doc;
  };

  it('content holds every exported root map as plain data, and live coordination is left out', () => {
    const doc = board();
    const json = JSON.parse(JSON.stringify(boardToJson(doc))) as { content: Record<string, unknown> };
    expect(Object.keys(json.content).sort()).toEqual(EXPORTED_MAPS.map((m) => m.key).sort());
    for (const spec of EXPORTED_MAPS) expect(json.content[spec.key], spec.key).toEqual(spec.read(doc));
    expect(Object.keys(json.content)).not.toContain('cocreation');
    // People's words from every tool are readable in the file, not only inside the Yjs state.
    const text = JSON.stringify(json.content);
    for (const words of [`Idé ${TAG}`, `Kommentar ${TAG}`, `Mål ${TAG}`, `Forventning ${TAG}`, `Svar ${TAG}`, `Historie ${TAG}`, `Ekstra trin ${TAG}`, `Tavle ${TAG}`]) {
      expect(text, words).toContain(words);
    }
  });

  it('an import gives back every root map as the original reads it', () => {
    const doc = board();
    const imported = docFromExport(JSON.parse(JSON.stringify(boardToJson(doc))));
    for (const spec of ROOT_MAPS) expect(spec.read(imported), spec.key).toEqual(spec.read(doc));
  });
});
