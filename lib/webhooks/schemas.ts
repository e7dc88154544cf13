import { z } from 'zod';
import { WEBHOOK_EVENTS, type WebhookEvent } from '@/lib/enums';
import { id, nameField } from '@/lib/sections/schemas';
import { hasControlChars } from '@/lib/text/control-chars';
import { parseTargetUrl } from './target-url';

// The webhooks page's forms. Messages are catalogue keys under "errors".
// Each event is its own checkbox (`event:story.published` = on), since a
// form's repeated names would collapse into one value.

export const URL_MAX = 2000;
export const eventField = (event: WebhookEvent) => `event:${event}`;
/** An event's label under "webhooks" in the catalogues (next-intl reads dots as nesting). */
export const eventLabelKey = (event: string) => `event.${event.replace('.', '_')}`;

const checkbox = z.enum(['on']).optional().transform((value) => value === 'on');
const urlField = z
  .string()
  .trim()
  .max(URL_MAX, 'errors.tooLong')
  .refine((value) => !hasControlChars(value), 'errors.controlChars')
  .refine((value) => parseTargetUrl(value) !== null, 'errors.webhookUrl');

const chosenEvents = (raw: unknown) => {
  const form = (raw ?? {}) as Record<string, unknown>;
  return { ...form, events: WEBHOOK_EVENTS.filter((event) => form[eventField(event)] === 'on') };
};

const hookFields = {
  name: nameField,
  url: urlField,
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, 'errors.webhookNoEvents'),
  allowPrivate: checkbox,
};

export const createWebhookSchema = z.preprocess(chosenEvents, z.object(hookFields));
export const updateWebhookSchema = z.preprocess(chosenEvents, z.object({ ...hookFields, id, active: checkbox }));
export const webhookIdSchema = z.object({ id });

export type CreateWebhookInput = z.output<typeof createWebhookSchema>;
export type UpdateWebhookInput = z.output<typeof updateWebhookSchema>;
