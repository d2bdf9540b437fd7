import { createContext, useContext, type ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { problemKeys } from "~/i18n/problem-keys";

// The one path from a problem code to words on a page. A page whose codes live in its own
// namespace says so once with <ProblemScope first="…">; the rest of the order is problemKeys'.

const First = createContext<string | undefined>(undefined);

export function ProblemScope({ first, children }: { first: string; children: ReactNode }) {
  return <First.Provider value={first}>{children}</First.Provider>;
}

const NAMESPACES = ["events", "participation", "effort", "consultations", "responses", "organisations", "forms"] as const;

/** `text(code)` in the reader's language; `text(code, raw)` shows `raw` when no key knows the code (an already-worded message). */
export function useProblemText() {
  const first = useContext(First);
  const { t } = useTranslation(NAMESPACES);
  return (code: string, raw?: string) => {
    if (raw === undefined) return t(problemKeys(code, first));
    return t(problemKeys(code, first).slice(0, -1), { defaultValue: raw });
  };
}
