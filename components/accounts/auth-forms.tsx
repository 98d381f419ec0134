"use client";

import { useState } from "react";
import Link from "next/link";
import { MailCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import {
  changePasswordAction,
  forgotPasswordAction,
  resetPasswordAction,
  signInAction,
  signUpAction,
  verifyEmailAction,
} from "@/lib/accounts/actions";
import {
  ChangePasswordSchema,
  ForgotPasswordSchema,
  PASSWORD_MIN,
  ResetPasswordSchema,
  SignInSchema,
  SignUpSchema,
  VerifyEmailSchema,
} from "@/lib/accounts/schemas";

export function SignInForm({ callbackUrl, email }: { callbackUrl?: string; email?: string }) {
  const t = useTranslations("accountsClient");
  return (
    <ActionForm
      action={signInAction}
      schema={SignInSchema}
      submitLabel={t("signIn.submit")}
      pendingLabel={t("signIn.pending")}
      aria-label={t("signIn.submit")}
    >
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <Field
        name="email"
        label={t("email")}
        type="email"
        autoComplete="email"
        defaultValue={email}
        required
      />
      <Field
        name="password"
        label={t("password")}
        type="password"
        autoComplete="current-password"
        required
        hint={
          <Link href="/forgot-password" className="text-indigo-700 hover:underline">
            {t("signIn.forgot")}
          </Link>
        }
      />
    </ActionForm>
  );
}

/** The same panel after every accepted sign-up: new address or existing account alike. */
function CheckInbox({ email }: { email: string }) {
  const t = useTranslations("accountsClient.signUp");
  return (
    <div role="status" className="rounded-lg bg-indigo-50 p-4 text-sm text-indigo-950 ring-1 ring-indigo-200">
      <MailCheck aria-hidden className="mb-2 size-6 text-indigo-600" />
      <h2 className="font-semibold">{t("checkInboxTitle")}</h2>
      <p className="mt-1">
        {t.rich("checkInboxBody", {
          email: email || t("yourAddress"),
          b: (chunks) => <span className="font-medium">{chunks}</span>,
        })}
      </p>
    </div>
  );
}

export function SignUpForm({ callbackUrl, email }: { callbackUrl?: string; email?: string }) {
  const t = useTranslations("accountsClient");
  const [sentTo, setSentTo] = useState<string | null>(null);
  if (sentTo !== null) return <CheckInbox email={sentTo} />;
  return (
    <ActionForm
      action={signUpAction}
      schema={SignUpSchema}
      submitLabel={t("signUp.submit")}
      pendingLabel={t("signUp.pending")}
      aria-label={t("signUp.formLabel")}
      onSuccess={(_, sent) => setSentTo(String(sent.get("email") ?? "").trim())}
    >
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <Field name="name" label={t("signUp.name")} autoComplete="name" required />
      <Field
        name="email"
        label={t("email")}
        type="email"
        autoComplete="email"
        defaultValue={email}
        required
      />
      <Field
        name="password"
        label={t("password")}
        type="password"
        autoComplete="new-password"
        required
        hint={t("signUp.passwordHint", { min: PASSWORD_MIN })}
      />
    </ActionForm>
  );
}

export function VerifyEmailForm({ token }: { token: string }) {
  const t = useTranslations("accountsClient.verify");
  return (
    <ActionForm
      action={verifyEmailAction}
      schema={VerifyEmailSchema}
      submitLabel={t("submit")}
      pendingLabel={t("pending")}
      aria-label={t("formLabel")}
    >
      <input type="hidden" name="token" value={token} />
    </ActionForm>
  );
}

export function ForgotPasswordForm() {
  const t = useTranslations("accountsClient");
  return (
    <ActionForm
      action={forgotPasswordAction}
      schema={ForgotPasswordSchema}
      submitLabel={t("forgot.submit")}
      pendingLabel={t("forgot.pending")}
      aria-label={t("forgot.formLabel")}
    >
      <Field name="email" label={t("email")} type="email" autoComplete="email" required />
    </ActionForm>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("accountsClient");
  return (
    <ActionForm
      action={resetPasswordAction}
      schema={ResetPasswordSchema}
      submitLabel={t("reset.submit")}
      pendingLabel={t("saving")}
      aria-label={t("reset.formLabel")}
    >
      <input type="hidden" name="token" value={token} />
      <Field name="password" label={t("newPassword")} type="password" autoComplete="new-password" required />
      <Field
        name="confirmPassword"
        label={t("repeatNewPassword")}
        type="password"
        autoComplete="new-password"
        required
      />
    </ActionForm>
  );
}

export function ChangePasswordForm() {
  const t = useTranslations("accountsClient");
  return (
    <ActionForm
      action={changePasswordAction}
      schema={ChangePasswordSchema}
      submitLabel={t("change.submit")}
      pendingLabel={t("saving")}
      aria-label={t("change.formLabel")}
    >
      <Field
        name="currentPassword"
        label={t("change.current")}
        type="password"
        autoComplete="current-password"
        required
      />
      <Field name="password" label={t("newPassword")} type="password" autoComplete="new-password" required />
      <Field
        name="confirmPassword"
        label={t("repeatNewPassword")}
        type="password"
        autoComplete="new-password"
        required
      />
    </ActionForm>
  );
}
