'use server';

import { z } from 'zod';
import { formAction } from '@/lib/actions';
import { markAllRead, markRead } from '@/lib/notifications/inbox';

// Marking one's own notifications read, from the bell and the notifications
// page. The DAL filters by the session's user, so a forged id of someone
// else's notification is "not found" and changes nothing.

export const markNotificationReadAction = formAction(z.object({ id: z.uuid({ error: 'errors.notFound' }) }), (input, { user }) => markRead(user, input.id));

export const markAllNotificationsReadAction = formAction(z.object({}), (_input, { user }) => markAllRead(user));
