/** UI texts for the trash: deleting, the notice on a trashed board, recovering (issue 15). Keys must not clash with other parts. */
export const TRASH_STRINGS = {
  da: {
    closed_4201: 'En deltager har lagt tavlen i papirkurven.',
    trashTitle: 'Tavlen er i papirkurven',
    trashEditor: 'Den slettes endeligt {date}. Indtil da kan alle med redigeringslinket gendanne den, præcis som den var – med øjebliksbilleder.',
    trashObserver: 'Den slettes endeligt {date}. Kun nogen med redigeringslinket kan gendanne den.',
    trashRecover: 'Gendan tavlen',
    trashRecovered: 'Tavlen er gendannet.',
    deleteExplainTrash: 'Lægger tavlen i papirkurven indtil {date}: alle bliver koblet fra, og ingen kan åbne eller eksportere den, før nogen med redigeringslinket gendanner den. Derefter slettes den og alle øjebliksbilleder for altid. Skriv tavlens titel for at bekræfte:',
    deleteExplainTrashUntitled: 'Lægger tavlen i papirkurven indtil {date}: alle bliver koblet fra, og ingen kan åbne eller eksportere den, før nogen med redigeringslinket gendanner den. Derefter slettes den og alle øjebliksbilleder for altid. Skriv SLET for at bekræfte:',
    deleteToTrash: 'Læg i papirkurven',
    boardTrashed: 'Tavlen er lagt i papirkurven. Den kan gendannes fra sit redigeringslink indtil {date}.',
  },
  en: {
    closed_4201: 'A participant moved this board to the trash.',
    trashTitle: 'This board is in the trash',
    trashEditor: 'It will be erased for good on {date}. Until then anyone with the editor link can recover it, exactly as it was – snapshots included.',
    trashObserver: 'It will be erased for good on {date}. Only someone with the editor link can recover it.',
    trashRecover: 'Recover the board',
    trashRecovered: 'The board has been recovered.',
    deleteExplainTrash: 'Moves the board to the trash until {date}: everyone is disconnected, and nobody can open or export it until someone with the editor link recovers it. After that, it and all its snapshots are erased for good. Type the board title to confirm:',
    deleteExplainTrashUntitled: 'Moves the board to the trash until {date}: everyone is disconnected, and nobody can open or export it until someone with the editor link recovers it. After that, it and all its snapshots are erased for good. Type DELETE to confirm:',
    deleteToTrash: 'Move to the trash',
    boardTrashed: 'The board is in the trash. It can be recovered from its editor link until {date}.',
  },
} as const;
