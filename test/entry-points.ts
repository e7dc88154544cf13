import type { Capability } from '@/lib/auth/permissions';

// The registry of every entry point: pages, route handlers and server
// actions, each with who may use it. A unit test scans app/ and fails when an
// entry point has no row here; the e2e matrix checks the pages and routes over
// HTTP for every role; the DAL integration tests check the actions' DAL calls.

/**
 * internal: only our own job runner, with a per-process secret; everyone else gets 404.
 * operator: only a holder of an operator's secret (METRICS_TOKEN, a bearer token); everyone else gets 404.
 * apiKey: only a holder of a live content API key (a bearer token an admin issued); everyone else gets 401 JSON.
 */
type Access = { capability: Capability } | { public: true } | { internal: true } | { operator: true } | { apiKey: true };

export type PageRow = { file: string; path: string } & ({ capability: Capability } | { public: true });
export type RouteRow = { file: string; path: string; method: 'GET' | 'POST' | 'PUT' } & Access;
export type ActionRow = { file: string; name: string; dal: string[] } & Access;

/**
 * `{user}` in a path stands for the id of an existing staff member;
 * `{restricted-story-id}` for a restricted story nobody is an author of, in
 * «تكنولوجيا» (the general desk on a fresh install, which every editor works):
 * writers find nothing there.
 */
export const pageRows: PageRow[] = [
  { file: 'app/(site)/page.tsx', path: '/', public: true },
  { file: 'app/(site)/[section]/page.tsx', path: '/technology', public: true },
  { file: 'app/(site)/[section]/[story]/page.tsx', path: '/technology/{story}', public: true },
  // An imported site's old permalink (lib/reader/legacy.ts): 308 to the story; any other deep path 404.
  { file: 'app/(site)/[section]/[story]/[...rest]/page.tsx', path: '/2019/03/{legacy-path}', public: true },
  { file: 'app/(site)/tag/[tag]/page.tsx', path: '/tag/{tag}', public: true },
  { file: 'app/(site)/author/[author]/page.tsx', path: '/author/{author}', public: true },
  // Rate-limited per client IP by proxy.ts (429) when it carries a query; the query here is «استثمار».
  { file: 'app/(site)/search/page.tsx', path: '/search', public: true },
  { file: 'app/(site)/search/page.tsx', path: '/search?q=%D8%A7%D8%B3%D8%AA%D8%AB%D9%85%D8%A7%D8%B1', public: true },
  // Anyone holding a valid signed token; tampered, expired and revoked ones get 404 (lib/share/links.ts).
  { file: 'app/(site)/share/[token]/page.tsx', path: '/share/{share-token}', public: true },
  { file: 'app/(newsroom)/login/page.tsx', path: '/login', public: true },
  // Only while this browser holds a pending second step (a signed cookie); anyone else is sent back to /login (307).
  { file: 'app/(newsroom)/login/second-step/page.tsx', path: '/login/second-step', public: true },
  { file: 'app/(newsroom)/login/password/[token]/page.tsx', path: '/login/password/not-a-real-token-0123456789', public: true },
  { file: 'app/(newsroom)/newsroom/page.tsx', path: '/newsroom', capability: 'newsroom:enter' },
  { file: 'app/(newsroom)/newsroom/account/page.tsx', path: '/newsroom/account', capability: 'account:manage' },
  // Also where a user held at second-factor enrolment is sent from every other page.
  { file: 'app/(newsroom)/newsroom/account/security/page.tsx', path: '/newsroom/account/security', capability: 'account:secure' },
  { file: 'app/(newsroom)/newsroom/users/page.tsx', path: '/newsroom/users', capability: 'users:manage' },
  { file: 'app/(newsroom)/newsroom/users/new/page.tsx', path: '/newsroom/users/new', capability: 'users:manage' },
  { file: 'app/(newsroom)/newsroom/users/[id]/page.tsx', path: '/newsroom/users/{user}', capability: 'users:manage' },
  { file: 'app/(newsroom)/newsroom/audit/page.tsx', path: '/newsroom/audit', capability: 'audit:read' },
  { file: 'app/(newsroom)/newsroom/settings/page.tsx', path: '/newsroom/settings', capability: 'settings:manage' },
  { file: 'app/(newsroom)/newsroom/stories/page.tsx', path: '/newsroom/stories', capability: 'stories:view' },
  { file: 'app/(newsroom)/newsroom/front/page.tsx', path: '/newsroom/front', capability: 'front:manage' },
  { file: 'app/(newsroom)/newsroom/stories/[id]/page.tsx', path: '/newsroom/stories/{story-id}', capability: 'stories:view' },
  { file: 'app/(newsroom)/newsroom/stories/[id]/history/page.tsx', path: '/newsroom/stories/{story-id}/history', capability: 'stories:view' },
  // In the reader's layout, but for staff only.
  { file: 'app/(site)/preview/[id]/page.tsx', path: '/preview/{story-id}', capability: 'stories:view' },
  { file: 'app/(newsroom)/newsroom/stories/[id]/page.tsx', path: '/newsroom/stories/{restricted-story-id}', capability: 'stories:view-restricted' },
  { file: 'app/(newsroom)/newsroom/stories/[id]/history/page.tsx', path: '/newsroom/stories/{restricted-story-id}/history', capability: 'stories:view-restricted' },
  { file: 'app/(site)/preview/[id]/page.tsx', path: '/preview/{restricted-story-id}', capability: 'stories:view-restricted' },
  { file: 'app/(newsroom)/newsroom/media/page.tsx', path: '/newsroom/media', capability: 'media:upload' },
  { file: 'app/(newsroom)/newsroom/notifications/page.tsx', path: '/newsroom/notifications', capability: 'newsroom:enter' },
  { file: 'app/(newsroom)/newsroom/sections/page.tsx', path: '/newsroom/sections', capability: 'sections:manage' },
  { file: 'app/(newsroom)/newsroom/desks/page.tsx', path: '/newsroom/desks', capability: 'desks:manage' },
  { file: 'app/(newsroom)/newsroom/tags/page.tsx', path: '/newsroom/tags', capability: 'tags:manage' },
  { file: 'app/(newsroom)/newsroom/tags/page.tsx', path: '/newsroom/tags?q=%D8%B0%D9%83%D8%A7%D8%A1', capability: 'tags:manage' },
  { file: 'app/(newsroom)/newsroom/api-keys/page.tsx', path: '/newsroom/api-keys', capability: 'api-keys:manage' },
  { file: 'app/(newsroom)/newsroom/webhooks/page.tsx', path: '/newsroom/webhooks', capability: 'webhooks:manage' },
  { file: 'app/(newsroom)/newsroom/webhooks/[id]/page.tsx', path: '/newsroom/webhooks/{webhook}', capability: 'webhooks:manage' },
  { file: 'app/(newsroom)/newsroom/imports/page.tsx', path: '/newsroom/imports', capability: 'imports:run' },
];

export const routeRows: RouteRow[] = [
  { file: 'app/api/health/route.ts', path: '/api/health', method: 'GET', public: true },
  // An export's upload, its dry run queued (lib/imports/imports.ts): admins only; an empty body is refused 422.
  { file: 'app/api/imports/route.ts', path: '/api/imports?source=wordpress', method: 'POST', capability: 'imports:run' },
  { file: 'app/api/auth/[...nextauth]/route.ts', path: '/api/auth/session', method: 'GET', public: true },
  // The editor's save of a story's metadata (its text goes over the co-editing socket); edit rights are checked by the DAL (saveStoryMeta).
  { file: 'app/api/stories/[id]/route.ts', path: '/api/stories/{story-id}', method: 'PUT', capability: 'stories:view' },
  { file: 'app/api/internal/revalidate/route.ts', path: '/api/internal/revalidate', method: 'POST', internal: true },
  // Prometheus scrape; the matrix's visitors hold no token, app/api/metrics/route.int.test.ts holds one.
  { file: 'app/api/metrics/route.ts', path: '/api/metrics', method: 'GET', operator: true },
  // Ctrl+S: a checkpoint; edit rights checked by the DAL (lib/stories/manual-checkpoint.ts), rate-limited per person (429).
  { file: 'app/api/stories/[id]/checkpoint/route.ts', path: '/api/stories/{story-id}/checkpoint', method: 'POST', capability: 'stories:view' },
  // The editor's poll of a story's review comments.
  { file: 'app/api/stories/[id]/comments/route.ts', path: '/api/stories/{story-id}/comments', method: 'GET', capability: 'stories:view' },
  { file: 'app/api/stories/[id]/comments/route.ts', path: '/api/stories/{restricted-story-id}/comments', method: 'GET', capability: 'stories:view-restricted' },
  // The bell's poll of one's own notifications; the DAL filters by the session's user.
  { file: 'app/api/notifications/route.ts', path: '/api/notifications', method: 'GET', capability: 'newsroom:enter' },
  // Feeds and crawlers: public, and they read only published stories (lib/reader/feed-queries.ts).
  { file: 'app/feed.xml/route.ts', path: '/feed.xml', method: 'GET', public: true },
  { file: 'app/feeds/[file]/route.ts', path: '/feeds/technology.xml', method: 'GET', public: true },
  { file: 'app/sitemap.xml/route.ts', path: '/sitemap.xml', method: 'GET', public: true },
  { file: 'app/news-sitemap.xml/route.ts', path: '/news-sitemap.xml', method: 'GET', public: true },
  { file: 'app/robots.txt/route.ts', path: '/robots.txt', method: 'GET', public: true },
  // Uploads stream to disk (outside the proxy's matcher); the picker lists the library.
  { file: 'app/api/media/route.ts', path: '/api/media', method: 'POST', capability: 'media:upload' },
  { file: 'app/api/media/route.ts', path: '/api/media', method: 'GET', capability: 'media:upload' },
  // Renditions, public like any image on the site; ids are random UUIDs and the original is never served.
  { file: 'app/media/[id]/[file]/route.ts', path: '/media/{media-file}', method: 'GET', public: true },
  // The read-only content API (docs/api.md): a live key or 401, whatever the session; what it answers is only what readers see.
  { file: 'app/api/v1/stories/route.ts', path: '/api/v1/stories', method: 'GET', apiKey: true },
  { file: 'app/api/v1/stories/[id]/route.ts', path: '/api/v1/stories/{story-id}', method: 'GET', apiKey: true },
  { file: 'app/api/v1/sections/route.ts', path: '/api/v1/sections', method: 'GET', apiKey: true },
  { file: 'app/api/v1/tags/route.ts', path: '/api/v1/tags', method: 'GET', apiKey: true },
  { file: 'app/api/v1/authors/route.ts', path: '/api/v1/authors', method: 'GET', apiKey: true },
];

/**
 * WebSocket endpoints, outside app/: the socket authenticates its handshake
 * itself (lib/collab/access.ts); edit rights per story decide read-only or
 * read-write, and are checked again every few seconds (lib/collab/revocation.ts).
 */
export type SocketRow = { file: string; path: string; document: string; capability: Capability };
export const socketRows: SocketRow[] = [
  { file: 'lib/collab/server.ts', path: '/collab', document: '{story-id}', capability: 'stories:view' },
  { file: 'lib/collab/server.ts', path: '/collab', document: '{restricted-story-id}', capability: 'stories:view-restricted' },
];

export const actionRows: ActionRow[] = [
  // Writers edit their own uploads' text, editors and admins anyone's: the DAL decides per image (lib/media/library.ts).
  { file: 'app/(newsroom)/newsroom/media/actions.ts', name: 'updateMediaAction', dal: ['updateMediaText'], capability: 'media:upload' },
  { file: 'app/(newsroom)/newsroom/media/actions.ts', name: 'deleteMediaAction', dal: ['deleteMedia'], capability: 'media:delete' },
  { file: 'app/(newsroom)/actions.ts', name: 'setLocaleAction', dal: ['setPreferredLocale'], public: true },
  { file: 'app/(newsroom)/login/actions.ts', name: 'signInAction', dal: ['signIn', 'preferredLocaleOf'], public: true },
  // Needs the pending second step's signed cookie; throttled per account, per (account, IP) and per IP (lib/auth/second-step.ts).
  { file: 'app/(newsroom)/login/actions.ts', name: 'secondStepAction', dal: ['codeStep'], public: true },
  // A passkey instead of the password (user verification required), or as the second step (that user's passkeys only);
  // single-use challenges, failures counted per IP (lib/auth/passkey-sign-in.ts).
  { file: 'app/(newsroom)/login/actions.ts', name: 'passkeyOptionsAction', dal: ['passkeyOptions'], public: true },
  { file: 'app/(newsroom)/login/actions.ts', name: 'passkeySignInAction', dal: ['passkeyStep'], public: true },
  { file: 'app/(newsroom)/login/actions.ts', name: 'signOutAction', dal: ['signOut'], public: true },
  { file: 'app/(newsroom)/login/password/[token]/actions.ts', name: 'setPasswordAction', dal: ['redeemLink'], public: true },
  { file: 'app/(newsroom)/newsroom/account/actions.ts', name: 'updateProfileAction', dal: ['updateProfile'], capability: 'account:manage' },
  { file: 'app/(newsroom)/newsroom/account/actions.ts', name: 'changePasswordAction', dal: ['changePassword'], capability: 'account:manage' },
  // Only one's own sessions: the DAL filters by the session's user (lib/users/sessions.ts).
  { file: 'app/(newsroom)/newsroom/account/actions.ts', name: 'endSessionAction', dal: ['endOwnSessionById'], capability: 'account:manage' },
  { file: 'app/(newsroom)/newsroom/account/actions.ts', name: 'endOtherSessionsAction', dal: ['endOtherSessions'], capability: 'account:manage' },
  { file: 'app/(newsroom)/newsroom/account/security/actions.ts', name: 'startTotpAction', dal: ['startTotp'], capability: 'account:secure' },
  { file: 'app/(newsroom)/newsroom/account/security/actions.ts', name: 'confirmTotpAction', dal: ['confirmTotp'], capability: 'account:secure' },
  { file: 'app/(newsroom)/newsroom/account/security/actions.ts', name: 'disableTotpAction', dal: ['disableTotp'], capability: 'account:secure' },
  // WebAuthn ceremonies are called with arguments, not a form; the DAL checks the capability (lib/users/passkeys.ts).
  { file: 'app/(newsroom)/newsroom/account/security/actions.ts', name: 'passkeyRegistrationOptionsAction', dal: ['passkeyRegistrationOptions'], capability: 'account:secure' },
  { file: 'app/(newsroom)/newsroom/account/security/actions.ts', name: 'registerPasskeyAction', dal: ['registerPasskey'], capability: 'account:secure' },
  { file: 'app/(newsroom)/newsroom/account/security/actions.ts', name: 'removePasskeyAction', dal: ['removePasskey'], capability: 'account:secure' },
  { file: 'app/(newsroom)/newsroom/users/actions.ts', name: 'resetSecondFactorAction', dal: ['resetSecondFactor'], capability: 'users:manage' },
  { file: 'app/(newsroom)/newsroom/users/actions.ts', name: 'endUserSessionAction', dal: ['endUserSession'], capability: 'users:manage' },
  { file: 'app/(newsroom)/newsroom/users/actions.ts', name: 'createUserAction', dal: ['createUser'], capability: 'users:manage' },
  { file: 'app/(newsroom)/newsroom/users/actions.ts', name: 'changeRoleAction', dal: ['changeRole'], capability: 'users:manage' },
  { file: 'app/(newsroom)/newsroom/users/actions.ts', name: 'setStatusAction', dal: ['setStatus'], capability: 'users:manage' },
  { file: 'app/(newsroom)/newsroom/users/actions.ts', name: 'issueLinkAction', dal: ['issueAccessLink'], capability: 'users:manage' },
  { file: 'app/(newsroom)/newsroom/users/actions.ts', name: 'signOutEverywhereAction', dal: ['signOutEverywhere'], capability: 'users:manage' },
  { file: 'app/(newsroom)/newsroom/front/actions.ts', name: 'saveFrontAction', dal: ['setFrontPage'], capability: 'front:manage' },
  { file: 'app/(newsroom)/newsroom/settings/actions.ts', name: 'saveChecklistAction', dal: ['saveChecklistRules'], capability: 'settings:manage' },
  { file: 'app/(newsroom)/newsroom/settings/actions.ts', name: 'saveSiteSettingsAction', dal: ['saveSiteSettings'], capability: 'settings:manage' },
  { file: 'app/(newsroom)/newsroom/settings/actions.ts', name: 'saveSignInPolicyAction', dal: ['saveSignInPolicy'], capability: 'settings:manage' },
  { file: 'app/(newsroom)/newsroom/settings/actions.ts', name: 'saveApprovalPolicyAction', dal: ['saveApprovalPolicy'], capability: 'settings:manage' },
  { file: 'app/(newsroom)/newsroom/stories/actions.ts', name: 'createStoryAction', dal: ['createStory'], capability: 'stories:create' },
  { file: 'app/(newsroom)/newsroom/stories/[id]/history/actions.ts', name: 'restoreRevisionAction', dal: ['restoreRevision'], capability: 'stories:view' },
  // Role, state and four-eyes are decided per story by the DAL's workflow rules (lib/stories/workflow.ts);
  // approve, publish and schedule also pass the pre-publish checklist (lib/checklist).
  { file: 'app/(newsroom)/newsroom/stories/[id]/actions.ts', name: 'transitionAction', dal: ['transition'], capability: 'stories:view' },
  // Edits are the author's own within 10 minutes, resolving is the comment's author, the story's authors and editors: the DAL decides (lib/comments/comments.ts).
  { file: 'app/(newsroom)/newsroom/stories/[id]/share-actions.ts', name: 'createShareLinkAction', dal: ['createShareLink'], capability: 'stories:share' },
  { file: 'app/(newsroom)/newsroom/stories/[id]/share-actions.ts', name: 'revokeShareLinkAction', dal: ['revokeShareLink'], capability: 'stories:share' },
  { file: 'app/(newsroom)/newsroom/stories/[id]/comment-actions.ts', name: 'addCommentAction', dal: ['addComment'], capability: 'stories:view' },
  { file: 'app/(newsroom)/newsroom/stories/[id]/comment-actions.ts', name: 'editCommentAction', dal: ['editComment'], capability: 'stories:view' },
  { file: 'app/(newsroom)/newsroom/stories/[id]/comment-actions.ts', name: 'deleteCommentAction', dal: ['deleteComment'], capability: 'comments:moderate' },
  { file: 'app/(newsroom)/newsroom/stories/[id]/comment-actions.ts', name: 'resolveCommentAction', dal: ['setResolved'], capability: 'stories:view' },
  // The assignee must be an active editor or admin who is not an author of the story, and the story in review: the DAL decides (lib/desk/assign.ts).
  { file: 'app/(newsroom)/newsroom/stories/[id]/assign-actions.ts', name: 'assignStoryAction', dal: ['assignStory'], capability: 'stories:assign' },
  // Editors of the story's desk and admins; anyone who may not open the story finds nothing (lib/stories/restriction.ts).
  { file: 'app/(newsroom)/newsroom/stories/[id]/restrict-actions.ts', name: 'setRestrictedAction', dal: ['setRestricted'], capability: 'stories:restrict' },
  // Only one's own notifications: the DAL filters by the session's user (lib/notifications/inbox.ts).
  { file: 'app/(newsroom)/newsroom/notifications/actions.ts', name: 'markNotificationReadAction', dal: ['markRead'], capability: 'newsroom:enter' },
  { file: 'app/(newsroom)/newsroom/notifications/actions.ts', name: 'markAllNotificationsReadAction', dal: ['markAllRead'], capability: 'newsroom:enter' },
  // Sections: admins only; slug rules, the last visible section and archived targets are checked by the DAL (lib/sections/sections.ts).
  { file: 'app/(newsroom)/newsroom/sections/actions.ts', name: 'createSectionAction', dal: ['createSection'], capability: 'sections:manage' },
  { file: 'app/(newsroom)/newsroom/sections/actions.ts', name: 'updateSectionAction', dal: ['updateSection'], capability: 'sections:manage' },
  { file: 'app/(newsroom)/newsroom/sections/actions.ts', name: 'moveSectionAction', dal: ['moveSection'], capability: 'sections:manage' },
  { file: 'app/(newsroom)/newsroom/sections/actions.ts', name: 'archiveSectionAction', dal: ['archiveSection'], capability: 'sections:manage' },
  { file: 'app/(newsroom)/newsroom/sections/actions.ts', name: 'restoreSectionAction', dal: ['restoreSection'], capability: 'sections:manage' },
  { file: 'app/(newsroom)/newsroom/sections/actions.ts', name: 'mergeSectionAction', dal: ['mergeSection'], capability: 'sections:manage' },
  { file: 'app/(newsroom)/newsroom/sections/actions.ts', name: 'deleteSectionAction', dal: ['deleteSection'], capability: 'sections:manage' },
  // Desks: admins only; sections that exist, active editors, no desk left without a section: the DAL decides (lib/desk/desks.ts).
  { file: 'app/(newsroom)/newsroom/desks/actions.ts', name: 'createDeskAction', dal: ['createDesk'], capability: 'desks:manage' },
  { file: 'app/(newsroom)/newsroom/desks/actions.ts', name: 'updateDeskAction', dal: ['updateDesk'], capability: 'desks:manage' },
  { file: 'app/(newsroom)/newsroom/desks/actions.ts', name: 'deleteDeskAction', dal: ['deleteDesk'], capability: 'desks:manage' },
  // Tags: editors and admins (lib/tags/tags.ts).
  { file: 'app/(newsroom)/newsroom/tags/actions.ts', name: 'updateTagAction', dal: ['updateTag'], capability: 'tags:manage' },
  { file: 'app/(newsroom)/newsroom/tags/actions.ts', name: 'mergeTagAction', dal: ['mergeTags'], capability: 'tags:manage' },
  { file: 'app/(newsroom)/newsroom/tags/actions.ts', name: 'deleteTagAction', dal: ['deleteTag'], capability: 'tags:manage' },
  // Content API keys: admins only, each issue and revocation audited (lib/api/keys.ts).
  { file: 'app/(newsroom)/newsroom/api-keys/actions.ts', name: 'issueApiKeyAction', dal: ['issueApiKey'], capability: 'api-keys:manage' },
  { file: 'app/(newsroom)/newsroom/api-keys/actions.ts', name: 'revokeApiKeyAction', dal: ['revokeApiKey'], capability: 'api-keys:manage' },
  // Webhooks: admins only; allowing private targets is audited (lib/webhooks/hooks.ts).
  { file: 'app/(newsroom)/newsroom/webhooks/actions.ts', name: 'createWebhookAction', dal: ['createWebhook'], capability: 'webhooks:manage' },
  { file: 'app/(newsroom)/newsroom/webhooks/actions.ts', name: 'updateWebhookAction', dal: ['updateWebhook'], capability: 'webhooks:manage' },
  { file: 'app/(newsroom)/newsroom/webhooks/actions.ts', name: 'deleteWebhookAction', dal: ['deleteWebhook'], capability: 'webhooks:manage' },
  { file: 'app/(newsroom)/newsroom/webhooks/actions.ts', name: 'sendTestAction', dal: ['sendTestDelivery'], capability: 'webhooks:manage' },
  // Imports: admins only; the start is audited and queued for the job runner (lib/imports/imports.ts).
  { file: 'app/(newsroom)/newsroom/imports/actions.ts', name: 'startImportAction', dal: ['startImport'], capability: 'imports:run' },
  // A stopped run (failed or interrupted) queued again; it skips the posts already imported.
  { file: 'app/(newsroom)/newsroom/imports/actions.ts', name: 'resumeImportAction', dal: ['resumeImport'], capability: 'imports:run' },
];
