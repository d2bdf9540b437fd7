import { z } from "zod";
import { checkPassword, PASSWORD_MAX_LENGTH } from "~/domain/password-policy";

// One schema per form, shared by the browser (Conform) and the server.
// Messages are codes translated through the `forms` namespace.
const email = z
  .string({ error: "required" })
  .trim()
  .toLowerCase()
  .max(254, "too_long")
  .pipe(z.email({ error: "invalid_email" }));

const name = z.string({ error: "required" }).trim().min(1, "required").max(200, "too_long");

function newPassword(emailField?: string) {
  return z.string({ error: "required" }).superRefine((value, ctx) => {
    const problem = checkPassword(value, emailField);
    if (problem) ctx.addIssue({ code: "custom", message: `password_${problem}` });
  });
}

export const SignupSchema = z
  .object({ name, email, password: z.string({ error: "required" }).max(PASSWORD_MAX_LENGTH, "password_too_long"), redirectTo: z.string().optional() })
  .superRefine((value, ctx) => {
    const problem = checkPassword(value.password, value.email);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: `password_${problem}` });
  });

export const LoginSchema = z.object({
  email,
  password: z.string({ error: "required" }).max(PASSWORD_MAX_LENGTH, "password_too_long"),
  redirectTo: z.string().optional(),
});

/** Signing in through the organisation's identity provider (issue 21): the e-mail decides which. */
export const SsoStartSchema = z.object({ email, redirectTo: z.string().max(2000).optional() });

/** Signing in at a provider chosen from the organisations' list (ADR 0034): no e-mail asked, so nothing said about accounts. */
export const SsoChooseSchema = z.object({ providerId: z.uuid({ error: "invalid_value" }), redirectTo: z.string().max(2000).optional() });

export const ForgotPasswordSchema = z.object({ email });

export const ResetPasswordSchema = z
  .object({ token: z.string({ error: "required" }), password: newPassword(), confirm: z.string({ error: "required" }) })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "passwords_differ" });

export const ChangePasswordSchema = z
  .object({
    intent: z.literal("password"),
    currentPassword: z.string({ error: "required" }).max(PASSWORD_MAX_LENGTH, "password_too_long"),
    password: newPassword(),
    confirm: z.string({ error: "required" }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "passwords_differ" });

/** A first password, for a person made by single sign-on; their fresh sign-in at the provider stands in for a current one. */
export const SetPasswordSchema = z
  .object({ intent: z.literal("set-password"), password: newPassword(), confirm: z.string({ error: "required" }) })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "passwords_differ" });

export const ProfileSchema = z.object({
  intent: z.literal("profile"),
  name,
  language: z.enum(["nb", "en"], { error: "invalid_choice" }),
});

export const CreateTokenSchema = z.object({
  intent: z.literal("create-token"),
  tokenName: z.string({ error: "required" }).trim().min(1, "required").max(100, "too_long"),
});

export const RevokeTokenSchema = z.object({ intent: z.literal("revoke-token"), tokenId: z.uuid({ error: "invalid_value" }) });
/** Ending a sign-in, by the handle the sessions list shows (never the session id). */
export const EndSessionSchema = z.object({ handle: z.uuid({ error: "invalid_value" }) });
