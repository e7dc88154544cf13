import { z } from 'zod';
import { SEVERITIES } from '@/lib/checklist/rules';

// The settings page's forms, one schema each. Messages are catalogue keys under "errors".

const severity = z.enum(SEVERITIES, { error: 'errors.invalidChoice' });

/** Every checklist item the admin may set; the section is always a blocker, so it is not a field. */
export const checklistSettingsSchema = z.object({
  headline: severity,
  standfirst: severity,
  tags: severity,
  comments: severity,
  seoDescription: severity,
  slugChange: severity,
  imageAlt: severity,
});

export type ChecklistSettingsInput = z.infer<typeof checklistSettingsSchema>;
