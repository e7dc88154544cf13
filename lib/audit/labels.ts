// How the audit page says what happened: the action's catalogue key (an
// Arabic label instead of a code such as user.deactivate) and the change as
// field: before → after pairs in words, never raw JSON. Pure: the catalogue
// and the date format come in as functions.

/** The catalogue key of an action's label; next-intl reads dots as nesting, so they become underscores. */
export const actionLabelKey = (action: string) => `actions.${action.replaceAll('.', '_')}`;

export type FieldChange = { field: string; before: unknown; after: unknown };

/**
 * Where the names of a field's values live in the catalogue (top-level
 * namespaces), for fields whose values are codes: a state, a role, a digit style.
 */
const VALUE_NAMESPACES: Record<string, string> = {
  editorialState: 'editorialState',
  publicationState: 'publicationState',
  role: 'roles',
  status: 'status',
  digits: 'audit.values.digits',
  kind: 'audit.values.kind',
  method: 'audit.values.kind',
  via: 'audit.values.via',
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';
const fieldsOf = (value: unknown): Record<string, unknown> => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : isEmpty(value) ? {} : { value });
/** Same value, whatever the key order of two objects. */
const same = (a: unknown, b: unknown) => (isEmpty(a) && isEmpty(b)) || JSON.stringify(a) === JSON.stringify(b);

/** The fields that differ between before and after, in the order the entry lists them. */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const [old, now] = [fieldsOf(before), fieldsOf(after)];
  const fields = [...new Set([...Object.keys(old), ...Object.keys(now)])];
  return fields.map((field) => ({ field, before: old[field], after: now[field] })).filter((change) => !same(change.before, change.after));
}

export type Words = {
  /** The catalogue's text for a full key, or null when it has none. */
  label: (key: string) => string | null;
  date: (date: Date) => string;
};

/** A field's name in words: audit.fields.<field>, else the field as it is. */
export const fieldText = (field: string, words: Words) => words.label(`audit.fields.${field}`) ?? field;

/** A value in words: names for codes, yes and no, dates in the newsroom's format, lists and records spelt out. */
export function valueText(field: string, value: unknown, words: Words): string {
  if (isEmpty(value)) return '—';
  if (typeof value === 'boolean') return words.label(value ? 'audit.values.yes' : 'audit.values.no') ?? String(value);
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return words.date(new Date(value));
  if (typeof value === 'string' && VALUE_NAMESPACES[field]) return words.label(`${VALUE_NAMESPACES[field]}.${value}`) ?? value;
  if (Array.isArray(value)) return value.map((item) => valueText(field, item, words)).join('، ');
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).map(([key, item]) => `${fieldText(key, words)}: ${valueText(key, item, words)}`).join('، ');
  return String(value);
}
