import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db';
import { readSignInGrant } from '@/lib/auth/second-step';
import { endOwnSession, startSession } from '@/lib/auth/sessions';
import { getEnv } from '@/lib/env';
import { ipFromHeaders } from '@/lib/http/request-ip';
import { logger } from '@/lib/logger';

declare module 'next-auth' {
  interface User {
    sessionVersion?: number;
    sessionId?: string;
  }
  interface Session {
    sessionVersion?: number;
    sessionId?: string;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    uid?: string;
    sv?: number;
    sid?: string;
  }
}

/** A refused sign-in; `code` is "invalid" or "throttled" and never says whether the e-mail exists. */
export class SignInRefused extends CredentialsSignin {
  constructor(code: 'invalid' | 'throttled') {
    super();
    this.code = code;
  }
}

// Sessions are JWT cookies (Credentials allows nothing else) carrying only the
// user id, the session version and the id of the server-side session row.
// Who the user is, and whether the session still holds, is re-read from the
// database on every request by the DAL (lib/auth/current-user.ts), never
// trusted from the cookie.
//
// authorize() accepts only a sign-in grant: a signed, one-minute claim that
// the server issues itself once every step (password, second factor, or a
// passkey) is passed (lib/auth/second-step.ts). The steps run in the login
// actions; the grant never reaches the browser.
export const { handlers, auth, signIn, signOut } = NextAuth({
  // Host checks belong to the reverse proxy; SITE_URL is what we link to.
  trustHost: true,
  secret: process.env.AUTH_SECRET,
  session: { strategy: 'jwt', maxAge: getEnv().SESSION_MAX_AGE_HOURS * 3600, updateAge: 3600 },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    Credentials({
      credentials: { grant: {} },
      async authorize(raw, request) {
        const grant = readSignInGrant(typeof raw?.grant === 'string' ? raw.grant : undefined);
        if (!grant) throw new SignInRefused('invalid');
        const sessionId = await startSession(getDb(), {
          userId: grant.uid,
          sessionVersion: grant.sv,
          method: grant.method,
          userAgent: request.headers.get('user-agent'),
          ip: ipFromHeaders(request.headers),
        });
        return { id: grant.uid, sessionVersion: grant.sv, sessionId };
      },
    }),
  ],
  callbacks: {
    // Only a fresh sign-in writes the token. Session "update" requests are
    // ignored, so a revoked cookie can never be refreshed into a valid one.
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.sv = user.sessionVersion;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.uid ?? '' }, sessionVersion: token.sv, sessionId: token.sid };
    },
  },
  events: {
    // Signing out ends the session row too, so it leaves the account's list at once.
    async signOut(message) {
      const token = 'token' in message ? message.token : null;
      if (token?.uid && token.sid) await endOwnSession(getDb(), { userId: token.uid, sessionId: token.sid });
    },
  },
  logger: {
    error(error) {
      // A refused sign-in is an expected outcome, already counted and audited.
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === 'CredentialsSignin') return;
      logger.error({ err: error }, 'auth error');
    },
    warn(code) {
      logger.warn({ code }, 'auth warning');
    },
    debug() {},
  },
});
