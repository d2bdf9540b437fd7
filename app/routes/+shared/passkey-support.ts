import { browserSupportsWebAuthn } from "@simplewebauthn/browser";
import { useSyncExternalStore } from "react";

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
