import { z } from 'zod';
import { id, nameField } from '@/lib/sections/schemas';

// The API keys page's forms. Messages are catalogue keys under "errors".

export const issueApiKeySchema = z.object({ name: nameField });
export const apiKeyIdSchema = z.object({ id });

export type IssueApiKeyInput = z.infer<typeof issueApiKeySchema>;
