// The pre-publish checklist's items and how strict each one is, as data.
// Pure: no I/O. The admin chooses the severities in /newsroom/settings; what
// is stored (settings.checklist) is read through resolvePolicy, so a missing,
// stale or hand-edited value falls back to the default instead of failing.

export const CHECKLIST_ITEMS = ['headline', 'standfirst', 'section', 'tags', 'comments', 'seoDescription', 'slugChange', 'imageAlt'] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

export const SEVERITIES = ['blocker', 'warning', 'off'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Every item with its severity: what the evaluation and the settings page work with. */
export type ChecklistPolicy = Record<ChecklistItem, Severity>;

/**
 * Headline bounds, in characters as a reader sees them (grapheme clusters, so
 * tashkeel does not count). Under 15 an Arabic headline is a label rather than
 * news («عاجل: زلزال»); Google's article guidance caps `headline` at 110
 * characters, and news cards and result pages cut longer ones.
 */
export const HEADLINE_BOUNDS = { min: 15, max: 110 } as const;

/**
 * SEO description bounds. Result pages cut snippets at about 155–160
 * characters; under 50 the snippet says too little to earn a click, and
 * search engines tend to replace it with text of their own.
 */
export const SEO_DESCRIPTION_BOUNDS = { min: 50, max: 160 } as const;

/**
 * The defaults, and why:
 * - section: blocker, and the only choice. A reader URL is /{section}/{story}
 *   and the published projection cannot exist without one, so a warning
 *   would only turn into a failed publication.
 * - comments: blocker. An open inline comment is a colleague's unanswered
 *   question about particular words; resolving it is one click for the author
 *   or any editor, while printing an error someone flagged is not undoable.
 * - headline, standfirst, tags, SEO description: warnings. They matter for
 *   reach and presentation, but a newsroom publishing a short breaking item
 *   must be able to go ahead once someone has read them.
 * - slugChange: warning. Acknowledging it is the editor's confirmation that
 *   the story's address moves (the old one keeps redirecting).
 * - imageAlt: blocker. An image without alt text is a hole for a reader who
 *   cannot see it, and writing one sentence is quick; a story without images
 *   passes.
 */
export const DEFAULT_POLICY: ChecklistPolicy = {
  headline: 'warning',
  standfirst: 'warning',
  section: 'blocker',
  tags: 'warning',
  comments: 'blocker',
  seoDescription: 'warning',
  slugChange: 'warning',
  imageAlt: 'blocker',
};

/** The severities the admin may choose for each item. */
export const ALLOWED_SEVERITIES: Record<ChecklistItem, readonly Severity[]> = {
  headline: SEVERITIES,
  standfirst: SEVERITIES,
  section: ['blocker'],
  tags: SEVERITIES,
  comments: SEVERITIES,
  seoDescription: SEVERITIES,
  slugChange: SEVERITIES,
  imageAlt: SEVERITIES,
};

export const isConfigurable = (item: ChecklistItem) => ALLOWED_SEVERITIES[item].length > 1;

/** The stored rules made whole: each item's stored severity when it is allowed, its default otherwise. */
export function resolvePolicy(stored: Readonly<Record<string, unknown>> | null | undefined): ChecklistPolicy {
  const policy = { ...DEFAULT_POLICY };
  for (const item of CHECKLIST_ITEMS) {
    const value = stored?.[item];
    if (typeof value === 'string' && (ALLOWED_SEVERITIES[item] as readonly string[]).includes(value)) policy[item] = value as Severity;
  }
  return policy;
}

/** The bounds a message about this item may mention, so a refusal can name them without the story at hand. */
export function boundsOf(item: ChecklistItem): Record<string, number> {
  if (item === 'headline') return { ...HEADLINE_BOUNDS };
  if (item === 'seoDescription') return { ...SEO_DESCRIPTION_BOUNDS };
  return {};
}

const graphemes = new Intl.Segmenter('ar', { granularity: 'grapheme' });

/**
 * Length as a reader counts it: trimmed, runs of white space as one, and a
 * letter with its tashkeel as one character.
 */
export function visibleLength(text: string): number {
  return [...graphemes.segment(text.trim().replace(/\s+/g, ' '))].length;
}
