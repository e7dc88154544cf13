'use server';

import { redirect } from 'next/navigation';
import { formAction } from '@/lib/actions';
import { createWebhook, deleteWebhook, sendTestDelivery, updateWebhook } from '@/lib/webhooks/hooks';
import { createWebhookSchema, updateWebhookSchema, webhookIdSchema } from '@/lib/webhooks/schemas';

// The DAL checks that the session's user manages webhooks, checks the target
// address, and audits each change (allowing private targets included).
export const createWebhookAction = formAction(createWebhookSchema, (input, { user, ip }) => createWebhook(user, input, { ip }));
export const updateWebhookAction = formAction(updateWebhookSchema, (input, { user, ip }) => updateWebhook(user, input, { ip }));
// The hook's page is gone with it: back to the list.
export const deleteWebhookAction = formAction(webhookIdSchema, async (input, { user, ip }) => {
  const outcome = await deleteWebhook(user, input, { ip });
  if (outcome.ok) redirect('/newsroom/webhooks');
  return outcome;
});
export const sendTestAction = formAction(webhookIdSchema, (input, { user, ip }) => sendTestDelivery(user, input, { ip }));
