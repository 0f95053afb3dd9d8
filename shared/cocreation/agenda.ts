/**
 * The manifesto's process as a default session agenda (PRODUCT.md, "The process").
 * Phase ids are stable: templates draw a frame per phase and the session
 * agenda in the document refers to them. Groups may rename, reorder or add
 * steps; these are only the starting point.
 */
export const DEFAULT_PHASE_IDS = ['understand', 'goals', 'ideas', 'design', 'plan', 'evaluate'] as const;
export type DefaultPhaseId = (typeof DEFAULT_PHASE_IDS)[number];

export interface PhaseLabel {
  da: string;
  en: string;
}

export const DEFAULT_PHASES: Readonly<Record<DefaultPhaseId, PhaseLabel>> = {
  understand: { da: 'Problemforståelse', en: 'Problem understanding' },
  goals: { da: 'Mål og forventninger', en: 'Goals and expectations' },
  ideas: { da: 'Idéudvikling', en: 'Idea generation' },
  design: { da: 'Løsningsdesign', en: 'Solution design' },
  plan: { da: 'Implementeringsplan', en: 'Implementation plan' },
  evaluate: { da: 'Evaluering og læring', en: 'Evaluation and learning' },
};

export const isDefaultPhaseId = (v: unknown): v is DefaultPhaseId => typeof v === 'string' && (DEFAULT_PHASE_IDS as readonly string[]).includes(v);
