import { useEffect, useRef } from 'react';
import { useT } from '../i18n/useT';
import type { StringKey } from '../i18n/strings';
import { useUi } from '../state/ui';
import { useAnnounceSetting } from './announceSetting';

/** Key names that are words (Space, click) are texts, so the Danish overview does not say "Shift+click". */
const SHORTCUTS: Array<[string | { text: StringKey }, StringKey]> = [
  ['V', 'key_select'],
  [{ text: 'kbd_pan' }, 'key_pan'],
  ['N', 'key_newIdea'],
  ['Tab / Shift+Tab', 'key_tab'],
  ['↑ ↓ Enter', 'a11yKeyNav'],
  ['Enter', 'key_edit'],
  ['Esc', 'key_escape'],
  ['← ↑ → ↓ (Shift)', 'key_nudge'],
  ['Delete', 'key_delete'],
  [{ text: 'kbd_shiftClick' }, 'key_shiftClick'],
  ['Ctrl/⌘+A', 'key_selectAll'],
  ['Ctrl/⌘+C / V', 'key_copyPaste'],
  ['Ctrl/⌘+D', 'key_duplicate'],
  ['Ctrl/⌘+Z', 'key_undo'],
  ['Ctrl/⌘+Y, Ctrl/⌘+Shift+Z', 'key_redo'],
  ['] / [', 'key_stack'],
  ['Shift+1', 'key_fit'],
  ['?', 'key_help'],
];

/** The shortcut overlay ("?"): a modal dialog, closed with Esc or the button. */
export function HelpDialog() {
  const t = useT();
  const open = useUi((s) => s.helpOpen);
  const announce = useAnnounceSetting();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="help-dialog" aria-labelledby="help-title" onClose={() => useUi.getState().setHelpOpen(false)}>
      <div className="dialog-head">
        <h2 id="help-title">{t('helpTitle')}</h2>
        <button type="button" onClick={() => useUi.getState().setHelpOpen(false)} autoFocus>
          {t('close')}
        </button>
      </div>
      <table className="shortcuts">
        <caption className="visually-hidden">{t('helpTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('key')}</th>
            <th scope="col">{t('action')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map(([k, label]) => (
            <tr key={label}>
              <td>
                <kbd>{typeof k === 'string' ? k : t(k.text)}</kbd>
              </td>
              <td>{t(label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('helpTouch')}</p>
      {/* The live region's off-switch (LiveAnnouncer), kept on this device. */}
      <label className="help-live">
        <input type="checkbox" checked={announce.on} aria-describedby="help-live-note" onChange={(e) => announce.setOn(e.target.checked)} />
        {t('a11yLiveToggle')}
      </label>
      <p id="help-live-note" className="muted help-live-note">
        {t('a11yLiveHelp')}
      </p>
    </dialog>
  );
}
