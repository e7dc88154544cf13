import { pgEnum } from 'drizzle-orm/pg-core';
import { roles } from '../../lib/auth/permissions';
import {
  CONTENT_LANGUAGES,
  DELIVERY_STATES,
  DIGIT_STYLES,
  EDITORIAL_STATES,
  IMPORT_SOURCES,
  IMPORT_STATES,
  MEDIA_STATES,
  NOTE_KINDS,
  NOTIFICATION_KINDS,
  PUBLICATION_STATES,
  REVISION_KINDS,
  UI_LOCALES,
  USER_STATUSES,
  USER_TOKEN_KINDS,
} from '../../lib/enums';

// The Postgres enums, from the value lists of lib/enums.ts (and the roles of
// the permissions table), so the zod schemas and the database never disagree.
// Relative imports: drizzle-kit loads this file without the app's path aliases.

export const userRole = pgEnum('user_role', roles);
export const userStatus = pgEnum('user_status', USER_STATUSES);
export const uiLocale = pgEnum('ui_locale', UI_LOCALES);
export const contentLanguage = pgEnum('content_language', CONTENT_LANGUAGES);
export const editorialState = pgEnum('editorial_state', EDITORIAL_STATES);
export const publicationState = pgEnum('publication_state', PUBLICATION_STATES);
export const revisionKind = pgEnum('revision_kind', REVISION_KINDS);
export const digitStyle = pgEnum('digit_style', DIGIT_STYLES);
export const mediaState = pgEnum('media_state', MEDIA_STATES);
export const notificationKind = pgEnum('notification_kind', NOTIFICATION_KINDS);
export const noteKind = pgEnum('note_kind', NOTE_KINDS);
export const userTokenKind = pgEnum('user_token_kind', USER_TOKEN_KINDS);
export const deliveryState = pgEnum('delivery_state', DELIVERY_STATES);
export const importSource = pgEnum('import_source', IMPORT_SOURCES);
export const importState = pgEnum('import_state', IMPORT_STATES);
