import { initBoard } from '../model/board';
import type { BoardTemplate } from './types';

/** A truly empty board: only the title the person gives it (none by default). */
export const BLANK: BoardTemplate = {
  id: 'blank',
  name: { da: 'Tom tavle', en: 'Blank board' },
  description: {
    da: 'En tom tavle uden faser eller kort – I bygger selv strukturen.',
    en: 'An empty board with no phases or cards – you build the structure yourselves.',
  },
  title: { da: '', en: '' },
  phases: 0,
  build: (doc, _lang, now) => initBoard(doc, '', undefined, now),
};
