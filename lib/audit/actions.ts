// Every action the audit log records, by area: the one list that recordAudit's
// type, the log's filter, its labels (messages: audit.actions, audit.areas)
// and their test derive from. Pure.

export const AUDIT_ACTIONS = {
  story: [
    'story.submit',
    'story.withdraw',
    'story.request_changes',
    'story.approve',
    'story.approve_override',
    'story.publish',
    'story.publish_scheduled',
    'story.schedule',
    'story.unschedule',
    'story.take_down',
    'story.retract',
    'story.republish',
    'story.archive',
    'story.restore',
    'story.assign',
    'story.unassign',
  ],
  share: ['share.create', 'share.revoke'],
  front: ['front.update'],
  section: ['section.create', 'section.update', 'section.move', 'section.archive', 'section.restore', 'section.merge', 'section.delete'],
  tag: ['tag.update', 'tag.merge', 'tag.delete'],
  media: ['media.edit', 'media.delete'],
  user: ['user.create', 'user.invite', 'user.accept_invitation', 'user.password_reset_link', 'user.reset_password', 'user.role', 'user.deactivate', 'user.reactivate', 'user.sign_out_everywhere', 'user.second_factor_reset'],
  account: ['account.profile', 'account.password'],
  auth: ['auth.sign_in', 'auth.sign_in_passkey', 'auth.sign_out', 'auth.lockout', 'auth.passkey_failed', 'auth.second_step_failed', 'auth.second_step_lockout'],
  second_factor: ['second_factor.enrol', 'second_factor.remove'],
  session: ['session.end'],
  settings: ['settings.site', 'settings.checklist', 'settings.sign_in_policy', 'settings.approval_policy'],
  desk: ['desk.create', 'desk.update', 'desk.delete'],
  api_key: ['api_key.issue', 'api_key.revoke'],
  webhook: ['webhook.create', 'webhook.update', 'webhook.delete', 'webhook.test'],
  import: ['import.plan', 'import.start', 'import.resume'],
} as const;

export type AuditArea = keyof typeof AUDIT_ACTIONS;
export type AuditAction = (typeof AUDIT_ACTIONS)[AuditArea][number];

export const AUDIT_AREAS = Object.keys(AUDIT_ACTIONS) as AuditArea[];
export const ALL_AUDIT_ACTIONS: readonly AuditAction[] = Object.values(AUDIT_ACTIONS).flat();

export const isAuditAction = (value: string): value is AuditAction => (ALL_AUDIT_ACTIONS as readonly string[]).includes(value);
export const isAuditArea = (value: string): value is AuditArea => value in AUDIT_ACTIONS;
