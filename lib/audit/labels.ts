// How the audit page says what happened: the action's catalogue key (an
// Arabic label instead of a code such as user.deactivate) and the change as
// field: before → after pairs instead of raw JSON. Pure.

/** The catalogue key of an action's label; next-intl reads dots as nesting, so they become underscores. */
export const actionLabelKey = (action: string) => `actions.${action.replaceAll('.', '_')}`;

export type FieldChange = { field: string; before: string; after: string };

const show = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
};

const fieldsOf = (value: unknown): Record<string, unknown> => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : value === null || value === undefined ? {} : { value });

/** The fields that differ between before and after, each as text: what an admin reads, in the order the entry lists them. */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const [old, now] = [fieldsOf(before), fieldsOf(after)];
  const fields = [...new Set([...Object.keys(old), ...Object.keys(now)])];
  return fields
    .map((field) => ({ field, before: show(old[field]), after: show(now[field]) }))
    .filter((change) => change.before !== change.after);
}
