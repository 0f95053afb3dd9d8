import type * as Y from 'yjs';
import { MAX_FIELD_LENGTH, PERSON_FIELDS, writePersonField, type Author, type PersonEntry } from '../../../../shared/cocreation/goals';
import type { RoleId } from '../../../../shared/roles';
import { useT } from '../../i18n/useT';
import { SyncedField } from './SyncedField';

interface Props {
  doc: Y.Doc;
  personKey: string;
  entry: PersonEntry | undefined;
  /** The role of whoever is typing (recorded on each field). */
  editor: RoleId;
  /** Given for one's own entry (records current name and role); null when editing someone else's. */
  owner: Author | null;
  onError(message: string): void;
}

/** The four fields of one person's entry, each saved as it is typed. */
export function EntryForm({ doc, personKey, entry, editor, owner, onError }: Props) {
  const t = useT();
  return (
    <div className="goals-form" data-person={personKey}>
      {PERSON_FIELDS.map((f) => {
        const id = `goals-${personKey}-${f}`;
        return (
          <div key={f} className="goals-field">
            <label htmlFor={id}>{owner ? t(`goalsField_${f}`) : t(`goalsShown_${f}`)}</label>
            <SyncedField
              id={id}
              value={entry?.fields[f]?.text ?? ''}
              maxLength={MAX_FIELD_LENGTH}
              rows={2}
              onCommit={(text) => {
                try {
                  writePersonField(doc, personKey, f, text, editor, owner, 'cocreation');
                  onError('');
                } catch (err) {
                  onError(err instanceof Error ? err.message : String(err));
                }
              }}
            />
          </div>
        );
      })}
    </div>
  );
}
