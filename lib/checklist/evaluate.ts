import { HEADLINE_BOUNDS, SEO_DESCRIPTION_BOUNDS, visibleLength, type ChecklistItem, type ChecklistPolicy } from './rules';

// The pre-publish checklist as one pure function over facts the DAL has
// gathered. The same evaluation feeds the workflow panel on page load and the
// authoritative check inside approve, publish and schedule.

/** The workflow steps the checklist runs on. */
export type ChecklistStep = 'approve' | 'publish' | 'schedule';

export type ChecklistFacts = {
  headline: string;
  standfirst: string;
  seoDescription: string | null;
  hasSection: boolean;
  tagCount: number;
  openInlineComments: number;
  /** The alt text of every image readers would get: the lead image first, then each figure. */
  imageAlts: string[];
  /**
   * Publish and schedule: the slug about to go live, and the one readers
   * have now (null before a first publication). Null at approve, which
   * moves nothing readers see, so the item does not apply there.
   */
  slugChange: { slug: string | null; liveSlug: string | null } | null;
};

export type ChecklistResult = {
  item: ChecklistItem;
  severity: 'blocker' | 'warning';
  passed: boolean;
  /** Catalogue key. Its sentence needs at most the item's bounds (boundsOf), so a refusal can show it on its own. */
  message: string;
  /** What was found (a length, a count, the two slugs), for the page that has the story at hand. */
  detail?: { key: string; values: Record<string, string | number> };
};

type Detail = ChecklistResult['detail'];
const lengthDetail = (length: number): Detail => ({ key: 'checklist.detail.length', values: { length } });

function headline(facts: ChecklistFacts): [boolean, string, Detail] {
  const length = visibleLength(facts.headline);
  const outcome = length < HEADLINE_BOUNDS.min ? 'tooShort' : length > HEADLINE_BOUNDS.max ? 'tooLong' : 'ok';
  return [outcome === 'ok', outcome, lengthDetail(length)];
}

/**
 * What search engines get as the description, as the reader page builds it:
 * the SEO description, else the standfirst, else the start of the body (cut
 * at 160 characters, mid-word). So an empty SEO description is judged by the
 * standfirst that stands in for it, and the message says so.
 */
function seoDescription(facts: ChecklistFacts): [boolean, string, Detail] {
  const own = facts.seoDescription?.trim() ?? '';
  const text = own || facts.standfirst.trim();
  if (!text) return [false, 'missing', undefined];
  const length = visibleLength(text);
  const suffix = own ? '' : 'FromStandfirst';
  if (length < SEO_DESCRIPTION_BOUNDS.min) return [false, `tooShort${suffix}`, lengthDetail(length)];
  if (length > SEO_DESCRIPTION_BOUNDS.max) return [false, `tooLong${suffix}`, lengthDetail(length)];
  return [true, `ok${suffix}`, lengthDetail(length)];
}

function slugChange(change: NonNullable<ChecklistFacts['slugChange']>): [boolean, string, Detail] {
  if (change.liveSlug === null) return [true, 'first', undefined];
  if (change.slug === change.liveSlug) return [true, 'unchanged', undefined];
  return [false, 'changed', { key: 'checklist.detail.slug', values: { from: change.liveSlug, to: change.slug ?? '' } }];
}

function imageAlt(alts: string[]): [boolean, string, Detail] {
  if (alts.length === 0) return [true, 'none', undefined];
  const missing = alts.filter((alt) => alt.trim() === '').length;
  return missing === 0 ? [true, 'ok', undefined] : [false, 'missing', { key: 'checklist.detail.count', values: { count: missing } }];
}

/** Every item the policy does not switch off, in the checklist's order, passed or not. */
export function evaluateChecklist(facts: ChecklistFacts, policy: ChecklistPolicy): ChecklistResult[] {
  const checks: [ChecklistItem, () => [boolean, string, Detail]][] = [
    ['headline', () => headline(facts)],
    ['standfirst', () => (facts.standfirst.trim() ? [true, 'ok', undefined] : [false, 'missing', undefined])],
    ['section', () => (facts.hasSection ? [true, 'ok', undefined] : [false, 'missing', undefined])],
    ['tags', () => (facts.tagCount > 0 ? [true, 'ok', undefined] : [false, 'missing', undefined])],
    ['comments', () => (facts.openInlineComments === 0 ? [true, 'ok', undefined] : [false, 'open', { key: 'checklist.detail.count', values: { count: facts.openInlineComments } }])],
    ['seoDescription', () => seoDescription(facts)],
  ];
  const change = facts.slugChange;
  if (change) checks.push(['slugChange', () => slugChange(change)]);
  checks.push(['imageAlt', () => imageAlt(facts.imageAlts)]);

  const results: ChecklistResult[] = [];
  for (const [item, check] of checks) {
    const severity = policy[item];
    if (severity === 'off') continue;
    const [passed, outcome, detail] = check();
    results.push({ item, severity, passed, message: `checklist.results.${item}.${outcome}`, ...(detail ? { detail } : {}) });
  }
  return results;
}

export const blockersOf = (results: readonly ChecklistResult[]) => results.filter((r) => !r.passed && r.severity === 'blocker');
export const warningsOf = (results: readonly ChecklistResult[]) => results.filter((r) => !r.passed && r.severity === 'warning');

/**
 * Why the step may not go ahead, or null when it may: blockers always stop
 * it; warnings stop it until someone acknowledges having read them. The
 * field errors name each item with its message, so the refusal can say
 * «لا يمكن النشر: القصة بلا قسم.».
 */
export function checklistRefusal(results: readonly ChecklistResult[], step: ChecklistStep, acknowledged: boolean): { error: string; fieldErrors: Record<string, string> } | null {
  const blockers = blockersOf(results);
  const named = (failing: ChecklistResult[]) => Object.fromEntries(failing.map((r) => [r.item, r.message]));
  if (blockers.length > 0) return { error: `errors.checklist.blocked.${step}`, fieldErrors: named(blockers) };
  const warnings = warningsOf(results);
  if (warnings.length > 0 && !acknowledged) return { error: `errors.checklist.unacknowledged.${step}`, fieldErrors: named(warnings) };
  return null;
}
