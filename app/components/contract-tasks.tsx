import { useTranslation } from "~/i18n/use-translation";
import type { ContractTask } from "~/domain/contract-tasks";
import { formatDate, formatQuarter } from "~/i18n/format";
import type { Language } from "~/i18n/resources";

/** One contract task in words: what to do, by when, and whether that date has passed. */
export function TaskText({ task, language }: { task: ContractTask; language: Language }) {
  const { t } = useTranslation("contracts");
  const due = formatDate(task.due, language);
  const text =
    task.kind === "decide_option"
      ? t("workspace.tasks.decide_option", { number: task.number, due })
      : t(`workspace.tasks.${task.kind}`, { quarter: formatQuarter(task.quarter, language), due });
  return (
    <>
      {text}
      {task.overdue ? <strong className="ml-2 text-red-800">{t("workspace.tasks.overdue")}</strong> : null}
    </>
  );
}
