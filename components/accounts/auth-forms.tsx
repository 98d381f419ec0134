"use client";

import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import {
  changePasswordAction,
  forgotPasswordAction,
  resetPasswordAction,
  signInAction,
  signUpAction,
} from "@/lib/accounts/actions";
import {
  ChangePasswordSchema,
  ForgotPasswordSchema,
  PASSWORD_MIN,
  ResetPasswordSchema,
  SignInSchema,
  SignUpSchema,
} from "@/lib/accounts/schemas";

export function SignInForm({ callbackUrl, email }: { callbackUrl?: string; email?: string }) {
  return (
    <ActionForm
      action={signInAction}
      schema={SignInSchema}
      submitLabel="Sign in"
      pendingLabel="Signing in…"
      aria-label="Sign in"
    >
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <Field name="email" label="Email" type="email" autoComplete="email" defaultValue={email} required />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        hint={
          <Link href="/forgot-password" className="text-indigo-700 hover:underline">
            Forgot your password?
          </Link>
        }
      />
    </ActionForm>
  );
}

export function SignUpForm({ callbackUrl, email }: { callbackUrl?: string; email?: string }) {
  return (
    <ActionForm
      action={signUpAction}
      schema={SignUpSchema}
      submitLabel="Create account"
      pendingLabel="Creating account…"
      aria-label="Sign up"
    >
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <Field name="name" label="Name" autoComplete="name" required />
      <Field name="email" label="Email" type="email" autoComplete="email" defaultValue={email} required />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${PASSWORD_MIN} characters. Common passwords are refused.`}
      />
    </ActionForm>
  );
}

export function ForgotPasswordForm() {
  return (
    <ActionForm
      action={forgotPasswordAction}
      schema={ForgotPasswordSchema}
      submitLabel="Send reset link"
      pendingLabel="Sending…"
      aria-label="Reset password"
    >
      <Field name="email" label="Email" type="email" autoComplete="email" required />
    </ActionForm>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  return (
    <ActionForm
      action={resetPasswordAction}
      schema={ResetPasswordSchema}
      submitLabel="Set new password"
      pendingLabel="Saving…"
      aria-label="Choose a new password"
    >
      <input type="hidden" name="token" value={token} />
      <Field name="password" label="New password" type="password" autoComplete="new-password" required />
      <Field
        name="confirmPassword"
        label="Repeat new password"
        type="password"
        autoComplete="new-password"
        required
      />
    </ActionForm>
  );
}

export function ChangePasswordForm() {
  return (
    <ActionForm
      action={changePasswordAction}
      schema={ChangePasswordSchema}
      submitLabel="Change password"
      pendingLabel="Saving…"
      aria-label="Change password"
    >
      <Field
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
      />
      <Field name="password" label="New password" type="password" autoComplete="new-password" required />
      <Field
        name="confirmPassword"
        label="Repeat new password"
        type="password"
        autoComplete="new-password"
        required
      />
    </ActionForm>
  );
}
