import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { createTOTPKeyURI } from "@oslojs/otp";
import { renderSVG } from "uqr";
import { forbidden, requireUser, type GuardArgs } from "~/auth/guards.server";
import { groupKey, TOTP_DIGITS, TOTP_PERIOD_SECONDS } from "~/domain/two-factor";

/**
 * The person on this page: signed in through the browser, or at the "enrol" sign-in step
 * (a second factor is required of them and this is the only page they may open).
 */
export function requireEnrollingOrSignedIn(args: GuardArgs) {
  const step = args.context.signInStep;
  if (step?.step === "enrol") return { user: step.user, enrolling: true, sessionId: step.sessionId };
  const user = requireUser(args);
  // Factors change in the browser only, never with an API token.
  if (args.context.auth?.via !== "session") forbidden(args.request);
  return { user, enrolling: false, sessionId: args.context.auth.sessionId };
}

/** What an authenticator app needs, drawn on the server: the QR code as SVG, and the key to type by hand. */
export function enrolmentPicture(email: string, keyBase32: string) {
  const uri = createTOTPKeyURI("Markedsdialog", email, decodeBase32IgnorePadding(keyBase32), TOTP_PERIOD_SECONDS, TOTP_DIGITS);
  return { svg: renderSVG(uri, { border: 2, pixelSize: 6 }), key: groupKey(keyBase32) };
}
