import 'server-only';
import { generateRegistrationOptions, verifyRegistrationResponse, type PublicKeyCredentialCreationOptionsJSON, type RegistrationResponseJSON } from '@simplewebauthn/server';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { passkeys } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { CurrentUser } from '@/lib/auth/actor';
import { asTransports, relyingParty, storeChallenge, takeChallenge } from '@/lib/auth/webauthn';
import { authorize, failure, success, type Outcome } from '@/lib/dal';

// One's own passkeys: several per account, each named; registered through
// the browser's WebAuthn API and removable. Each counts as a second factor.

type Context = { ip: string };

export type PasskeyView = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null };

export async function listPasskeys(actor: CurrentUser | null): Promise<PasskeyView[]> {
  authorize(actor, 'account:secure');
  return getDb()
    .select({ id: passkeys.id, name: passkeys.name, createdAt: passkeys.createdAt, lastUsedAt: passkeys.lastUsedAt })
    .from(passkeys)
    .where(eq(passkeys.userId, actor.id))
    .orderBy(asc(passkeys.createdAt));
}

/** Options for the browser's navigator.credentials.create(): a discoverable credential, so it can also sign in without the password. */
export async function passkeyRegistrationOptions(actor: CurrentUser | null): Promise<Outcome<PublicKeyCredentialCreationOptionsJSON>> {
  authorize(actor, 'account:secure');
  const db = getDb();
  const { rpID, rpName } = relyingParty();
  const existing = await db.select({ id: passkeys.credentialId, transports: passkeys.transports }).from(passkeys).where(eq(passkeys.userId, actor.id));
  const options = await generateRegistrationOptions({
    rpName,
    rpID,
    userName: actor.email,
    userDisplayName: actor.displayName,
    userID: new TextEncoder().encode(actor.id),
    attestationType: 'none',
    excludeCredentials: existing.map((key) => ({ id: key.id, transports: asTransports(key.transports) })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  await storeChallenge(db, options.challenge, 'register', actor.id);
  return success(options);
}

export async function registerPasskey(actor: CurrentUser | null, input: { name: string; response: RegistrationResponseJSON }, ctx: Context): Promise<Outcome> {
  authorize(actor, 'account:secure');
  const db = getDb();
  const { rpID, origin } = relyingParty();
  let verification;
  try {
    verification = await verifyRegistrationResponse({ response: input.response, expectedChallenge: takeChallenge(db, 'register', actor.id), expectedOrigin: origin, expectedRPID: rpID, requireUserVerification: true });
  } catch {
    return failure('passkeys.failed');
  }
  if (!verification.verified) return failure('passkeys.failed');
  const { credential } = verification.registrationInfo;
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(passkeys)
      .values({ userId: actor.id, name: input.name, credentialId: credential.id, publicKey: Buffer.from(credential.publicKey).toString('base64url'), counter: credential.counter, transports: credential.transports ?? [] })
      .returning({ id: passkeys.id });
    await recordAudit(tx, { actorId: actor.id, action: 'second_factor.enrol', targetType: 'user', targetId: actor.id, after: { kind: 'passkey', passkeyId: row!.id, name: input.name }, ip: ctx.ip });
  });
  return success(undefined);
}

export async function removePasskey(actor: CurrentUser | null, input: { passkeyId: string }, ctx: Context): Promise<Outcome> {
  authorize(actor, 'account:secure');
  return getDb().transaction(async (tx) => {
    const [removed] = await tx.delete(passkeys).where(and(eq(passkeys.id, input.passkeyId), eq(passkeys.userId, actor.id))).returning({ name: passkeys.name });
    if (!removed) return failure('passkeys.gone');
    await recordAudit(tx, { actorId: actor.id, action: 'second_factor.remove', targetType: 'user', targetId: actor.id, before: { kind: 'passkey', passkeyId: input.passkeyId, name: removed.name }, ip: ctx.ip });
    return success(undefined);
  });
}
