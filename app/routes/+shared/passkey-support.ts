import { browserSupportsWebAuthn } from "@simplewebauthn/browser";
import { useEffect, useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * Whether this browser can use passkeys: "unknown" on the server and while hydrating (a page
 * without JavaScript says passkeys need it), then "yes" or "no".
 */
export function useWebAuthnAvailable(): "unknown" | "yes" | "no" {
  return useSyncExternalStore(
    noSubscription,
    () => (browserSupportsWebAuthn() ? "yes" : "no"),
    () => "unknown",
  );
}

/**
 * Runs one browser ceremony (making or using a passkey) for each challenge the server hands out:
 * `ask` gets the browser's answer, `answer` sends it back, `refused` tells the person when the
 * browser made or used none (cancelled, timed out, no passkey). A challenge left behind by a
 * newer one, or by leaving the page, is not answered.
 */
export function useCeremony<T>(challengeId: string | undefined, ask: () => Promise<T>, answer: (response: T) => void, refused: () => void): void {
  useEffect(() => {
    if (!challengeId) return;
    let cancelled = false;
    ask()
      .then((response) => !cancelled && answer(response))
      .catch(() => !cancelled && refused());
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per challenge the server gave
  }, [challengeId]);
}
