'use server';

import { formAction } from '@/lib/actions';
import { deleteMedia, updateMediaText } from '@/lib/media/library';
import { mediaIdSchema, mediaTextSchema } from '@/lib/media/schemas';

export const updateMediaAction = formAction(mediaTextSchema, (input, { user, ip }) => updateMediaText(user, input, ip));

export const deleteMediaAction = formAction(mediaIdSchema, (input, { user, ip }) => deleteMedia(user, input.id, ip));
