import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { recordField, type FieldState } from "~/components/forms";
import type { EventFormValues } from "~/domain/event-form";

// What the event form's steps share: its id scheme, its values, a numbered step, and the
// translator. The fields themselves are the form kit's (~/components/forms).

export const fieldId = (name: string) => `f-${name.replace(/\./g, "-")}`;

export function one(values: EventFormValues, name: string): string {
  const v = values[name];
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
}

export function many(values: EventFormValues, name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? v : v ? [v] : [];
}

/** The values and errors every field reads. */
export interface StepProps {
  values: EventFormValues;
  errors: Record<string, string[]>;
}

/** The kit's view of one of the event form's fields. */
export const fieldsOf =
  ({ values, errors }: StepProps) =>
  (name: string): FieldState =>
    recordField(name, { values, errors }, fieldId);

export function Step({ id, number, title, children }: { id: string; number: number; title: string; children: ReactNode }) {
  return (
    <section id={`step-${id}`} aria-labelledby={`step-${id}-title`} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id={`step-${id}-title`} className="text-xl font-semibold">
        <span className="mr-2 inline-flex h-7 w-7 items-center justify-center rounded-full bg-brand-700 text-sm text-white" aria-hidden="true">
          {number}
        </span>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The translator for the form, and a list of choices labelled from one key prefix. */
export function useFormText() {
  const { t, i18n } = useTranslation(["eventForm", "common", "events"]);
  const language: "nb" | "en" = i18n.language === "en" ? "en" : "nb";
  const opts = <T extends string>(list: readonly T[], prefix: string) => list.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  /** A yes/no select's choices (an empty "not stated" is the select's placeholder). */
  const yesNo = [
    { value: "yes", label: t("yes") },
    { value: "no", label: t("no") },
  ];
  return { t, language, opts, yesNo };
}
