'use server';

import { expireReaderTags } from '@/lib/reader/expire';
import { formAction } from '@/lib/actions';
import { SETTINGS_TAG } from '@/lib/reader/cache-tags';
import { saveChecklistRules, saveSiteSettings } from '@/lib/settings/settings';
import { checklistSettingsSchema, siteSettingsSchema } from '@/lib/settings/schemas';
import { saveSignInPolicy, signInPolicySchema } from '@/lib/settings/sign-in-policy';
import { approvalPolicySchema, saveApprovalPolicy } from '@/lib/settings/approval-policy';

/**
 * Saves the pre-publish checklist's rules. The DAL checks that the session's
 * user may manage settings and audits the change; the settings row is cached
 * for readers under SETTINGS_TAG, so that tag is expired at once.
 */
export const saveChecklistAction = formAction(checklistSettingsSchema, async (input, { user, ip }) => {
  const outcome = await saveChecklistRules(user, input, { ip });
  if (outcome.ok) await expireReaderTags([SETTINGS_TAG]);
  return outcome;
});

/** Saves the site's name, description, digits, Hijri line and time zone; every reader page shows them at once. */
export const saveSiteSettingsAction = formAction(siteSettingsSchema, async (input, { user, ip }) => {
  const outcome = await saveSiteSettings(user, input, { ip });
  if (outcome.ok) await expireReaderTags([SETTINGS_TAG]);
  return outcome;
});

/** Which roles must have a second factor; affected users are held at enrolment from their next request. */
export const saveSignInPolicyAction = formAction(signInPolicySchema, (input, { user, ip }) => saveSignInPolicy(user, input, { ip }));

/** Strict four-eyes on or off; approvals read it fresh, so the next one follows it. */
export const saveApprovalPolicyAction = formAction(approvalPolicySchema, (input, { user, ip }) => saveApprovalPolicy(user, input, { ip }));
