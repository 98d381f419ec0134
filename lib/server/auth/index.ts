import "server-only";
import { randomUUID } from "node:crypto";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { JWT } from "next-auth/jwt";
import { env } from "@/lib/server/env";
import { clientIpFrom } from "@/lib/server/auth/request-ip";
import { checkLogin, completeSignUp } from "@/lib/accounts/mutations";
import { SignInSchema, VerifyEmailSchema, safeCallbackUrl } from "@/lib/accounts/schemas";

class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

const THIRTY_DAYS = 30 * 24 * 60 * 60;

/** Production cookies are `__Secure-` prefixed and Secure; development on http://localhost is not. */
export const usesSecureCookies = () => env().NODE_ENV === "production";

/** What the app reads from a session token (the cookie's JWT, decrypted). */
export type SessionClaims = {
  userId: string;
  sessionVersion: number;
  sessionId: string;
  /** Seconds since the epoch. */
  sessionExpiresAt: number;
};

/** The session's claims from its token: one mapping for Auth.js's session callback and getSessionClaims. */
export function claimsFromToken(token: JWT): SessionClaims {
  return {
    userId: token.sub ?? "",
    sessionVersion: Number(token.sv ?? -1),
    sessionId: typeof token.sid === "string" ? token.sid : "",
    sessionExpiresAt: typeof token.exp === "number" ? token.exp : 0,
  };
}

/**
 * Auth.js with a JWT cookie. The token carries only the user id and session version: never roles.
 * Every request re-reads the user (lib/server/auth/session.ts) and memberships (lib/server/authz.ts).
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const config = env();
  return {
    secret: config.AUTH_SECRET,
    trustHost: true,
    useSecureCookies: usesSecureCookies(),
    session: { strategy: "jwt", maxAge: THIRTY_DAYS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        authorize: async (credentials, request) => {
          const parsed = SignInSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const result = await checkLogin(
            parsed.data.email,
            parsed.data.password,
            clientIpFrom(request.headers),
          );
          if (!result.ok) {
            if (result.reason === "rate_limited") throw new RateLimited();
            return null;
          }
          return {
            id: result.user.id,
            email: result.user.email,
            name: result.user.name,
            sv: result.user.sessionVersion,
          };
        },
      }),
      /** The link in the sign-up email: the one-time token is the credential; it creates the account. */
      Credentials({
        id: "email-link",
        name: "Email link",
        credentials: { token: {} },
        authorize: async (credentials) => {
          const parsed = VerifyEmailSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const user = await completeSignUp(parsed.data.token);
          if (!user) return null;
          return { id: user.id, email: user.email, name: user.name, sv: user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      /** Auth.js's own redirects (callbackUrl on /api/auth/*) stay on this origin. */
      redirect({ url, baseUrl }) {
        let path = url;
        try {
          const parsed = new URL(url, baseUrl);
          if (parsed.origin !== new URL(baseUrl).origin) return baseUrl;
          path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
        } catch {
          return baseUrl;
        }
        return `${baseUrl}${safeCallbackUrl(path, "/")}`;
      },
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sv = (user as { sv?: number }).sv ?? 0;
          token.sid = randomUUID(); // this session's id, so that signing out can revoke it alone
          delete token.name;
          delete token.email;
          delete token.picture;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, ...claimsFromToken(token) };
      },
    },
  };
});
