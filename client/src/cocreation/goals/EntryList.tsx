import { useState } from 'react';
import type * as Y from 'yjs';
import { hasContent, PERSON_FIELDS, type PersonEntry } from '../../../../shared/cocreation/goals';
import { ROLE_IDS, roleInfo, roleLabel, type RoleId } from '../../../../shared/roles';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/ui';
import { EntryForm } from './EntryForm';

interface Props {
  doc: Y.Doc;
  people: PersonEntry[];
  /** This device's key: its entry is shown in the form above, not here. */
  myKey: string;
  editor: RoleId | null;
  anonymous: boolean;
  onError(message: string): void;
}

/** Everyone else's entries, grouped by role (names hidden, roles kept when the board is anonymous). */
export function EntryList({ doc, people, myKey, editor, anonymous, onError }: Props) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const [editing, setEditing] = useState<string | null>(null);
  const others = people.filter((p) => p.key !== myKey && (hasContent(p) || p.key === editing));
  const groups = ROLE_IDS.map((role) => ({ role, people: others.filter((p) => p.role === role) })).filter((g) => g.people.length > 0);
  const who = (p: PersonEntry) => {
    const role = roleLabel(p.role, lang, p.roleText);
    return anonymous || !p.name ? role : `${p.name} (${role})`;
  };

  return (
    <section className="goals-everyone" aria-labelledby="goals-everyone-title">
      <h3 id="goals-everyone-title">{t('goalsEveryone')}</h3>
      {groups.length === 0 && <p className="co-empty">{t('goalsNoEntries')}</p>}
      {groups.map((g) => (
        <div key={g.role} className="goals-role" data-role={g.role} style={{ ['--role-color' as string]: roleInfo(g.role).color }}>
          <h4>{roleLabel(g.role, lang)}</h4>
          {g.people.map((p) => (
            <article key={p.key} className="goals-entry" data-person={p.key} aria-label={who(p)}>
              <div className="goals-entry-head">
                <strong>{anonymous ? roleLabel(p.role, lang, p.roleText) : p.name || roleLabel(p.role, lang, p.roleText)}</strong>
                {editor && (
                  <button type="button" className="goals-small" aria-expanded={editing === p.key} aria-label={editing === p.key ? t('goalsDoneEditing') : t('goalsEditEntry', { who: who(p) })} onClick={() => setEditing(editing === p.key ? null : p.key)}>
                    {editing === p.key ? t('goalsDoneEditing') : t('goalsEdit')}
                  </button>
                )}
              </div>
              {editing === p.key && editor ? (
                <>
                  <p className="muted small">{t('goalsEditingOther', { who: who(p) })}</p>
                  <EntryForm doc={doc} personKey={p.key} entry={p} editor={editor} owner={null} onError={onError} />
                </>
              ) : (
                <dl className="goals-fields">
                  {PERSON_FIELDS.filter((f) => p.fields[f]?.text.trim()).map((f) => (
                    <div key={f} data-field={f}>
                      <dt>{t(`goalsShown_${f}`)}</dt>
                      <dd>{p.fields[f]?.text}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </article>
          ))}
        </div>
      ))}
    </section>
  );
}
