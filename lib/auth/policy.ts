import type { Role } from './permissions';

// The site's second-factor policy. Pure: the DAL reads the settings row.

export type SecondFactorPolicy = { required: boolean; roles: readonly Role[] };

/** The roles that must have a second factor when the policy is first turned on: writers stay optional. */
export const DEFAULT_REQUIRED_ROLES: readonly Role[] = ['admin', 'editor'];

/** True when a user of this role, without any second factor, must enrol before doing anything else. */
export function mustEnrol(policy: SecondFactorPolicy, role: Role, hasSecondFactor: boolean): boolean {
  return policy.required && policy.roles.includes(role) && !hasSecondFactor;
}
