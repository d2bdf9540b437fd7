import type { SerializeFrom } from "@remix-run/node";
import { useTranslation } from "~/i18n/use-translation";
import { ContractBars } from "~/components/contract-figures";
import { TaskText } from "~/components/contract-tasks";
import type { Language } from "~/i18n/resources";
import type { WorkspaceContract } from "~/models/contract-reads.server";

// The contracts between the two organisations (issue 15): indicated against called off, and
// what each asks of this side next. Shown only when there are any.

export function RelationshipContracts({ contracts, language }: { contracts: SerializeFrom<WorkspaceContract>[]; language: Language }) {
  const { t } = useTranslation("contracts");
  if (contracts.length === 0) return null;
  return (
    <section aria-labelledby="contracts-title" className="space-y-3 rounded border border-slate-200 bg-white p-4">
      <h2 id="contracts-title" className="text-xl font-semibold">
        {t("relationship.heading")}
      </h2>
      <p className="max-w-3xl text-slate-700">{t("relationship.lead")}</p>
      <ContractBars
        contracts={contracts}
        language={language}
        detail={(c) =>
          c.tasks.length ? (
            <ul className="text-sm text-slate-800">
              {c.tasks.map((task) => (
                <li key={`${task.kind}-${task.kind === "decide_option" ? task.number : task.quarter}`}>
                  <TaskText task={task} language={language} />
                </li>
              ))}
            </ul>
          ) : null
        }
      />
    </section>
  );
}
