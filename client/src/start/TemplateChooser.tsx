import { TEMPLATES, type TemplateId } from '../../../shared/templates';
import { useT } from '../i18n/useT';
import { useUi } from '../state/ui';
import './templates.css';

/**
 * The templates as a radio group of cards (docs/templates.md). Native radios:
 * Tab reaches the chosen one, the arrow keys choose, screen readers announce
 * the name and read the description and phase count as its description.
 */
export function TemplateChooser({ value, onChange }: { value: TemplateId; onChange: (id: TemplateId) => void }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  return (
    <fieldset className="template-chooser" aria-describedby="template-intro">
      <legend>{t('templatesLegend')}</legend>
      <p id="template-intro" className="template-intro muted">
        {t('templatesIntro')}
      </p>
      <div className="template-grid">
        {TEMPLATES.map((tpl) => {
          const base = `template-${tpl.id}`;
          return (
            <label key={tpl.id} className={`template-option${tpl.id === value ? ' is-selected' : ''}`} data-template={tpl.id}>
              <input
                type="radio"
                name="template"
                value={tpl.id}
                checked={tpl.id === value}
                onChange={() => onChange(tpl.id)}
                aria-labelledby={`${base}-name`}
                aria-describedby={`${base}-desc ${base}-meta`}
              />
              <span id={`${base}-name`} className="template-name">
                {tpl.name[lang]}
              </span>
              <span id={`${base}-desc`} className="template-desc">
                {tpl.description[lang]}
              </span>
              <span id={`${base}-meta`} className="template-meta">
                {tpl.phases > 0 ? t.plural('templatesPhases', tpl.phases) : t('templatesNoPhases')}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
