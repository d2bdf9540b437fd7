import { useFetcher } from "@remix-run/react";
import { startAuthentication } from "@simplewebauthn/browser";
import { useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors } from "~/components/forms";
import { useCeremony, useWebAuthnAvailable } from "./passkey-support";

interface Options {
  challengeId: string;
  options: Parameters<typeof startAuthentication>[0]["optionsJSON"];
}

/**
 * "Sign in with a passkey": asks /login/passkey for a challenge, lets the browser sign it with
 * a passkey the person picks (and unlocks), and sends the answer back; the server then signs
 * the person in and sends them on. Shown only where the browser can do it. With `action`
 * "/settings/passkey-reauthentication" the same ceremony confirms a signed-in person is at the keyboard.
 */
export function PasskeySignIn({ redirectTo, label, action = "/login/passkey" }: { redirectTo: string; label: string; action?: string }) {
  const { t } = useTranslation("auth");
  const available = useWebAuthnAvailable();
  const start = useFetcher<Options | { error: string }>();
  const finish = useFetcher<{ error?: Record<string, string[]> }>();
  const [browserError, setBrowserError] = useState<string | null>(null);
  const ceremony = start.data && "challengeId" in start.data ? start.data : null;

  useCeremony(
    ceremony?.challengeId,
    () => startAuthentication({ optionsJSON: ceremony!.options as Options["options"] }),
    (response) =>
      finish.submit({ intent: "passkey-verify", challengeId: ceremony!.challengeId, response: JSON.stringify(response), redirectTo }, { method: "post", action }),
    () => setBrowserError(t("passkeys.browserRefused")),
  );

  if (available !== "yes") return null;
  const refused = finish.data?.error?.response ?? (start.data && "error" in start.data ? [t("passkeys.rateLimited")] : null);
  const busy = start.state !== "idle" || finish.state !== "idle";
  return (
    <div className="space-y-2">
      <FormErrors errors={browserError ? [browserError] : refused} />
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setBrowserError(null);
          start.submit({ intent: "passkey-options" }, { method: "post", action });
        }}
        className="inline-flex items-center gap-2 rounded border border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50 disabled:opacity-60"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
          <circle cx="8" cy="8" r="4" />
          <path d="M11 11l9 9m-3-3l2-2m-4 0l2-2" strokeLinecap="round" />
        </svg>
        {label}
      </button>
    </div>
  );
}
