import { z } from "zod";

export const PASSWORD_MIN = 8;

export const PASSWORD_MAX = 200;

export const EmailSchema = z
  .string()
  .trim()
  .min(1, "validation.accountEmailRequired")
  .max(254)
  .pipe(z.email("validation.email"))
  .transform((email) => email.toLowerCase());

/**
 * Length only (the generic "at least / at most N characters" messages): this schema also runs in the browser. Strength (breached and common passwords, names,
 * keyboard patterns) is checked on the server by lib/accounts/password-strength.ts, whose dictionaries
 * are too large to ship to every visitor.
 */
export const NewPasswordSchema = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);

export const NameSchema = z.string().trim().min(1, "accountsClient.validation.accountNameRequired").max(100);

export const SignUpSchema = z.object({
  name: NameSchema,
  email: EmailSchema,
  password: NewPasswordSchema,
  callbackUrl: z.string().optional(),
});

export const SignInSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1, "accountsClient.validation.accountPasswordRequired").max(PASSWORD_MAX),
  callbackUrl: z.string().optional(),
});

export const ForgotPasswordSchema = z.object({ email: EmailSchema });

export const VerifyEmailSchema = z.object({
  token: z
    .string()
    .min(20, "accountsClient.validation.accountLinkIncomplete")
    .max(200, "accountsClient.validation.accountLinkIncomplete"),
});

export const ResetPasswordSchema = z
  .object({
    token: z
      .string()
      .min(20, "accountsClient.validation.accountLinkIncomplete")
      .max(200, "accountsClient.validation.accountLinkIncomplete"),
    password: NewPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "accountsClient.validation.accountPasswordsMismatch",
  });

export const ChangePasswordSchema = z
  .object({
    currentPassword: z
      .string()
      .min(1, "accountsClient.validation.accountCurrentPasswordRequired")
      .max(PASSWORD_MAX),
    password: NewPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "accountsClient.validation.accountPasswordsMismatch",
  });

const PLACEHOLDER_ORIGIN = "http://same-origin.invalid";

/**
 * Redirect targets must be same-origin paths: one leading slash, not "//" or "/\\", no control
 * characters or backslashes, and the path must still resolve to this origin once parsed the way a
 * browser does. Anything else becomes `fallback`.
 */
export function safeCallbackUrl(value: string | null | undefined, fallback = "/"): string {
  if (!value) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  // "/.//evil.example" normalizes to "//evil.example": a path that a later redirect would read as a host.
  if (url.origin !== PLACEHOLDER_ORIGIN || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
