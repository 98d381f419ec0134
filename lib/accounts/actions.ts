"use server";

import { headers } from "next/headers";
import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/server/auth";
import { clientIpFrom, requestIp } from "@/lib/server/auth/request-ip";
import { requireUser, revokeCurrentSession } from "@/lib/server/auth/session";
import { failure, success, type ActionResult } from "@/lib/action-result";
import { getLoginThrottle } from "@/lib/server/throttle";
import {
  changePassword,
  requestPasswordReset,
  requestSignUp,
  resetPassword,
  signOutEverywhere,
} from "@/lib/accounts/mutations";
import { formToObject, runAction } from "@/lib/server/run-action";
import {
  ChangePasswordSchema,
  ForgotPasswordSchema,
  ResetPasswordSchema,
  SignInSchema,
  SignUpSchema,
  VerifyEmailSchema,
  safeCallbackUrl,
} from "@/lib/accounts/schemas";
import { getSignUpLink } from "@/lib/accounts/queries";
import { getLocale } from "next-intl/server";

async function signInWithPassword(
  email: string,
  password: string,
  redirectTo: string,
): Promise<ActionResult> {
  try {
    await signIn("credentials", { email, password, redirectTo });
    return success();
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      return failure(
        code === "rate_limited" ? "accounts.errors.signInRateLimited" : "accounts.errors.invalidLogin",
      );
    }
    throw error;
  }
}

export async function signUpAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(SignUpSchema, formToObject(form), async (input) => {
    // The email goes out in the language of this request (the visitor has no profile yet).
    await requestSignUp(
      { ...input, callbackUrl: safeCallbackUrl(input.callbackUrl, "/") },
      await requestIp(),
      await getLocale(),
    );
    // The one answer to every accepted sign-up, whether or not the address already has an account.
    return success("accounts.signUp.sent");
  });
}

/** The link in the sign-up email: creates the account (once) and signs in. */
export async function verifyEmailAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(VerifyEmailSchema, formToObject(form), async (input) => {
    const { callbackUrl } = await getSignUpLink(input.token);
    try {
      await signIn("email-link", { token: input.token, redirectTo: safeCallbackUrl(callbackUrl, "/") });
      return success();
    } catch (error) {
      if (error instanceof AuthError) {
        return failure("accounts.errors.verifyLinkDead");
      }
      throw error;
    }
  });
}

export async function signInAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(SignInSchema, formToObject(form), async (input) => {
    const throttle = await getLoginThrottle(input.email, clientIpFrom(await headers()));
    if (throttle.isLimited) {
      return {
        ...failure("accounts.errors.signInThrottled"),
        values: { minutes: throttle.retryAfterMinutes },
      };
    }
    return signInWithPassword(input.email, input.password, safeCallbackUrl(input.callbackUrl, "/"));
  });
}

export async function forgotPasswordAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(ForgotPasswordSchema, formToObject(form), async (input) => {
    // An account's own language wins; otherwise the email follows the language of this request.
    await requestPasswordReset(input.email, await requestIp(), await getLocale());
    return success("accounts.forgot.sent");
  });
}

export async function resetPasswordAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(ResetPasswordSchema, formToObject(form), async (input) => {
    const { email } = await resetPassword(input.token, input.password);
    return signInWithPassword(email, input.password, "/?reset=1");
  });
}

export async function changePasswordAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(ChangePasswordSchema, formToObject(form), async (input) => {
    const user = await requireUser();
    await changePassword(user.id, input.currentPassword, input.password);
    // Other devices are now signed out; this one signs in again with the new password.
    return signInWithPassword(user.email, input.password, "/account?changed=1");
  });
}

// Both sign-outs redirect (signOut throws NEXT_REDIRECT); they take the usual action arguments and
// return an ActionResult only so that the client calls them like every other action (useServerAction).
export async function signOutAction(_: ActionResult, _form: FormData): Promise<ActionResult> {
  await revokeCurrentSession();
  await signOut({ redirectTo: "/sign-in" });
  return success();
}

export async function signOutEverywhereAction(_: ActionResult, _form: FormData): Promise<ActionResult> {
  const user = await requireUser();
  await signOutEverywhere(user.id);
  await signOut({ redirectTo: "/sign-in?signedOut=all" });
  return success();
}
