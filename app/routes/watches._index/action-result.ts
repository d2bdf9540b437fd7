// What the watches page's action answers, read again by its forms.

export type FieldErrorMap = Record<string, string[] | null> | null;

export interface ActionResult {
  intent: "create" | "update" | "delete" | "new-feed-url" | null;
  id: string | null;
  errors: FieldErrorMap;
  /** What a refused "create" sent, to show again. */
  values: { name: string; frequency: string; query: string } | null;
  /** New feed addresses: shown once. */
  feed: { atom: string; ics: string } | null;
  name: string | null;
}

