import { createContext, useContext } from "react";

// This request's Content-Security-Policy nonce, given to entry.server.tsx by
// server.ts. In the browser it is empty: the scripts it guarded have already run.
export const NonceContext = createContext("");

export function useNonce() {
  return useContext(NonceContext);
}
