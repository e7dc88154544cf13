// Roles and what each may do, as data. Pure: no I/O. Every page, action and
// route asks `can()` through the DAL; nothing else decides.

export const roles = ['writer', 'editor', 'admin'] as const;
export type Role = (typeof roles)[number];

export const capabilities = {
  /** Enter the staff area at all. */
  'newsroom:enter': ['writer', 'editor', 'admin'],
  /** Edit one's own display name, locale, byline profile and password; see and end one's sessions. */
  'account:manage': ['writer', 'editor', 'admin'],
  /** Set up or remove one's own second factor (authenticator app, passkeys). The one thing a user held at enrolment may do. */
  'account:secure': ['writer', 'editor', 'admin'],
  /** List staff, invite, change roles, deactivate, reset passwords, sign users out. */
  'users:manage': ['admin'],
  /** Read the audit log. */
  'audit:read': ['admin'],
  /** Open the story list and any story, read-only at least. */
  'stories:view': ['writer', 'editor', 'admin'],
  /** Start a new story. */
  'stories:create': ['writer', 'editor', 'admin'],
  /** Edit any story, not only one's own, in any editorial state. */
  'stories:edit-any': ['editor', 'admin'],
  /** Review others' stories: submit any story, send it back, approve it (four-eyes still applies). Who is notified of a submission and who may be assigned one. */
  'stories:review': ['editor', 'admin'],
  /** Publish, schedule, take down, retract, republish, archive and restore. */
  'stories:publish': ['editor', 'admin'],
  /** Delete anyone's review comment (a trace stays in the thread). */
  'comments:moderate': ['editor', 'admin'],
  /** Assign a story in review to an editor, or take it. */
  'stories:assign': ['editor', 'admin'],
  /** Change the slug of a story readers can already reach. */
  'stories:change-live-slug': ['editor', 'admin'],
  /** Pin the home page's lead story and order its top stories. */
  'front:manage': ['editor', 'admin'],
  /** Create and revoke signed read-only links to a story's working copy. */
  'stories:share': ['editor', 'admin'],
  /** Upload images, open the media library, and edit the text of one's own uploads. */
  'media:upload': ['writer', 'editor', 'admin'],
  /** Edit the alt text, caption, credit and source of anyone's upload. */
  'media:edit-any': ['editor', 'admin'],
  /** Delete an image no story uses. */
  'media:delete': ['editor', 'admin'],
  /** Create, rename, describe, order, hide, archive, merge and delete sections. */
  'sections:manage': ['admin'],
  /** Rename, describe, merge and delete tags. */
  'tags:manage': ['editor', 'admin'],
  /** Create and rename desks, give them sections and editors. */
  'desks:manage': ['admin'],
  /**
   * Work every desk, whatever one's membership: review, publish and assign its
   * stories, open its restricted ones. Others who review work only their own
   * desks and the general one (stories with no section, or in a section no desk owns).
   */
  'desks:every': ['admin'],
  /** Mark a story of one's desks restricted, or lift it. */
  'stories:restrict': ['editor', 'admin'],
  /** Open a restricted story of one's desks; its authors always may, everyone else finds nothing. */
  'stories:view-restricted': ['editor', 'admin'],
  /** Change site settings, starting with the pre-publish checklist's rules. */
  'settings:manage': ['admin'],
  /** Issue and revoke keys of the read-only content API (/api/v1). */
  'api-keys:manage': ['admin'],
  /** Add, change, test and remove outgoing webhooks, and read their delivery log. */
  'webhooks:manage': ['admin'],
  /** Import posts from a WordPress or Ghost export: dry run, run, progress. */
  'imports:run': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof capabilities;

/** mustEnrol: the site requires a second factor of this user's role and they have none yet (lib/auth/policy.ts). */
export type Actor = { id: string; role: Role; status: 'active' | 'deactivated'; mustEnrol?: boolean };

/** The capability a user held at enrolment keeps; every other one waits until they enrol. */
export const ENROL_CAPABILITY: Capability = 'account:secure';

/** A deactivated user can do nothing, whatever their role; one who must enrol can only enrol. */
export function can(actor: Actor | null, capability: Capability): boolean {
  if (!actor || actor.status !== 'active') return false;
  if (actor.mustEnrol && capability !== ENROL_CAPABILITY) return false;
  return roleCan(actor.role, capability);
}

/** Whether a role has a capability, whoever holds it: for rules about roles rather than a signed-in actor. */
export function roleCan(role: Role, capability: Capability): boolean {
  return (capabilities[capability] as readonly Role[]).includes(role);
}

/** The roles holding a capability, for queries such as "every active reviewer". */
export function rolesWith(capability: Capability): Role[] {
  return roles.filter((role) => roleCan(role, capability));
}

export function capabilitiesOf(role: Role): Capability[] {
  return (Object.keys(capabilities) as Capability[]).filter((capability) => roleCan(role, capability));
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}
