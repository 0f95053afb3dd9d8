import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The walls inside server/ and client/ (eslint.config.js) bite: a wrong-way
 * import in a file of each zone is an error, and the right-way imports next to
 * it are not. Linted as text at a path inside the zone, so no file is written.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const use = (spec: string) => `import { x } from '${spec}';\nexport const y = x;\n`;

describe('import walls', () => {
  it.each([
    ['server/sync/upgrade.ts', '../access/upgrade'],
    ['server/sync/rooms.ts', '../snapshots/erased'],
    ['server/storage/sqlite.ts', '../votes/service'],
    ['server/scale/backend.ts', '../boards/http'],
    ['server/http/body.ts', '../access'],
    ['server/limits/rate.ts', '../app'],
    ['server/config.ts', './access/options'],
  ])('the server core refuses a feature: %s importing %s', async (file, spec) => {
    expect(await restricted(file, use(spec))).toEqual([expect.stringMatching(/server core/)]);
  });

  it.each([
    ['server/sync/upgrade.ts', '../../shared/access'],
    ['server/sync/upgrade.ts', '../storage/types'],
    ['server/access/upgrade.ts', '../sync/admission'],
    ['server/snapshots/http.ts', '../access/http'],
    ['server/app.ts', './access'],
  ])('and lets the right way through: %s importing %s', async (file, spec) => {
    expect(await restricted(file, use(spec))).toEqual([]);
  });

  it.each([
    ['client/src/board/Card.tsx', '../cocreation/value/TriadHeatmap'],
    ['client/src/board/SelectionBar.tsx', '../cocreation/comments/useComments'],
    ['client/src/board/Canvas.tsx', '../outcomes/api'],
    ['client/src/board/Canvas.tsx', '../access'],
    ['client/src/board/Canvas.tsx', '../pages/BoardPage'],
    ['client/src/board/Canvas.tsx', '../tools'],
    ['client/src/state/ui.ts', '../cocreation/panel'],
    ['client/src/sync/connection.ts', '../outcomes/api'],
    ['client/src/i18n/useT.ts', '../start/StartPage'],
  ])('the canvas and the client kits refuse a tool: %s importing %s', async (file, spec) => {
    expect(await restricted(file, use(spec))).toEqual([expect.stringMatching(/must not import a tool/)]);
  });

  it.each([
    ['client/src/cocreation/api.ts', '../outcomes/api'],
    ['client/src/cocreation/value/store.ts', '../../access'],
    ['client/src/outcomes/OutlineView.tsx', '../cocreation/comments/useComments'],
    ['client/src/access/SharePanel.tsx', '../outcomes/api'],
  ])('a tool refuses a sibling tool: %s importing %s', async (file, spec) => {
    expect(await restricted(file, use(spec))).toEqual([expect.stringMatching(/sibling tool/)]);
  });

  it.each([
    ['client/src/cocreation/CocreationControls.tsx', '../board/create'],
    ['client/src/outcomes/OutlineView.tsx', '../board/slots'],
    ['client/src/cocreation/api.ts', '../http/credentials'],
    ['client/src/pages/BoardPage.tsx', '../cocreation/VoiceMeter'],
    ['client/src/tools.tsx', './cocreation/comments/slots'],
  ])('and lets the right way through: %s importing %s', async (file, spec) => {
    expect(await restricted(file, use(spec))).toEqual([]);
  });

  it.each([
    ['tests/unit/spatial.test.ts', '../../scripts/seed/generate'],
    ['tests/helpers/prng.ts', '../../scripts/seed/generate'],
    ['tests/integration/erase-script.test.ts', '../../scripts/erase'],
    ['tests/e2e/browser.ts', '../../scripts/ensure-chromium.mjs'],
  ])('a test refuses scripts/: %s importing %s', async (file, spec) => {
    expect(await restricted(file, use(spec))).toEqual([expect.stringMatching(/tests\/ must not import scripts/)]);
  });

  it.each([
    ['tests/unit/spatial.test.ts', '../../shared/prng'],
    ['tests/unit/validate.test.ts', '../helpers/prng'],
  ])('and lets the right way through: %s importing %s', async (file, spec) => {
    expect(await restricted(file, use(spec))).toEqual([]);
  });

  it('client/ still never imports server/', async () => {
    expect(await restricted('client/src/board/Canvas.tsx', use('../../../server/sync/rooms'))).toEqual([expect.stringMatching(/client\/ must not import server/)]);
  });
});
