'use server';

import { formAction } from '@/lib/actions';
import { issueApiKey, revokeApiKey } from '@/lib/api/keys';
import { apiKeyIdSchema, issueApiKeySchema } from '@/lib/api/schemas';

// The DAL checks that the session's user manages API keys, and audits each change.
export const issueApiKeyAction = formAction(issueApiKeySchema, (input, { user, ip }) => issueApiKey(user, input, { ip }));
export const revokeApiKeyAction = formAction(apiKeyIdSchema, (input, { user, ip }) => revokeApiKey(user, input, { ip }));
