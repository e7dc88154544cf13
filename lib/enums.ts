// Every closed list of values the database stores as an enum, defined once.
// Pure and client-safe: the Postgres enums (db/schema/enums.ts), the zod
// schemas and the UI's filters all import these lists.

export const USER_STATUSES = ['active', 'deactivated'] as const;
export const UI_LOCALES = ['ar', 'en'] as const;
export const CONTENT_LANGUAGES = ['ar', 'en'] as const;
export const EDITORIAL_STATES = ['draft', 'in_review', 'changes_requested', 'approved'] as const;
export const PUBLICATION_STATES = ['unpublished', 'published', 'taken_down', 'retracted'] as const;
/**
 * How a revision (a checkpoint of the whole story) came about. The first five are older: a form save, its timer, an
 * approval, a restore, and a "keep mine" over a colleague's version. Since co-editing: Ctrl+S (`checkpoint`), a person
 * idle after typing (`idle`), the periodic one while anyone types (`interval`) and any other workflow step (`transition`).
 */
export const REVISION_KINDS = ['save', 'autosave', 'approval', 'restore', 'overwrite', 'checkpoint', 'idle', 'interval', 'transition'] as const;
export const DIGIT_STYLES = ['arab', 'latn'] as const;
export const MEDIA_STATES = ['processing', 'ready', 'failed'] as const;
export const NOTIFICATION_KINDS = ['submitted', 'sent_back', 'approved', 'published', 'scheduled', 'mentioned', 'assigned', 'taken_over'] as const;
export const NOTE_KINDS = ['correction', 'update'] as const;
export const USER_TOKEN_KINDS = ['invitation', 'password_reset'] as const;
/** How a save came about: typed and saved, saved by the timer, or a deliberate "keep mine" over a colleague's version. */
export const SAVE_KINDS = ['save', 'autosave', 'overwrite'] as const;
/** What a webhook can subscribe to: what readers can see change (lib/webhooks/events.ts). */
export const WEBHOOK_EVENTS = ['story.published', 'story.updated', 'story.taken_down', 'story.retracted'] as const;
/** A delivery waits for its next attempt, got a 2xx, or used up its attempts. */
export const DELIVERY_STATES = ['pending', 'succeeded', 'failed'] as const;

export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];
export type EditorialState = (typeof EDITORIAL_STATES)[number];
export type PublicationState = (typeof PUBLICATION_STATES)[number];
export type NoteKind = (typeof NOTE_KINDS)[number];
export type SaveKind = (typeof SAVE_KINDS)[number];
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** Where an import comes from (lib/imports). */
export const IMPORT_SOURCES = ['wordpress', 'ghost'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];
/** An import run: its dry run is read, then the admin starts it, and the job runner takes it to the end. */
export const IMPORT_STATES = ['planning', 'planned', 'queued', 'running', 'done', 'failed'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];
