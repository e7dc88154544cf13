import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db';
import { signInSchema } from '@/lib/auth/schemas';
import { verifyCredentials } from '@/lib/auth/sign-in';
import { getEnv } from '@/lib/env';
import { ipFromHeaders } from '@/lib/http/request-ip';
import { logger } from '@/lib/logger';

declare module 'next-auth' {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    sessionVersion?: number;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    uid?: string;
    sv?: number;
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
// user id and the session version. Who the user is, and whether the session
// still holds, is re-read from the database on every request by the DAL
// (lib/auth/current-user.ts), never trusted from the cookie.
export const { handlers, auth, signIn, signOut } = NextAuth({
  // Host checks belong to the reverse proxy; SITE_URL is what we link to.
  trustHost: true,
  secret: process.env.AUTH_SECRET,
  session: { strategy: 'jwt', maxAge: getEnv().SESSION_MAX_AGE_HOURS * 3600, updateAge: 3600 },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new SignInRefused('invalid');
        const result = await verifyCredentials(getDb(), { ...parsed.data, ip: ipFromHeaders(request.headers) });
        if (!result.ok) throw new SignInRefused(result.reason);
        return { id: result.user.id, sessionVersion: result.user.sessionVersion };
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
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.uid ?? '' }, sessionVersion: token.sv };
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
