import type { LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { PageHeader, primaryLinkClass } from "~/components/page";
import { db } from "@db/db.server";
import { requireMember } from "~/auth/guards.server";
import { CALL_OFF_ANSWER_DAYS, CALL_OFF_RECORDING_DAYS, OPTION_NOTICE_HORIZON_DAYS } from "~/domain/contract-tasks";
import { ContractBars } from "~/components/contract-figures";
import { TaskText } from "~/components/contract-tasks";
import { fixedT } from "~/i18n/i18n";
import { formatDate, formatNumber } from "~/i18n/format";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { getContractWorkspace } from "~/models/contract-reads.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

// Members of any organisation: the contracts it is party to after award, what each asks of
// it next (record a quarter's call-offs, decide an option, answer a quarter), and what was
// indicated against what was called off.
export async function loader(args: LoaderFunctionArgs) {
  const { organisation } = await requireMember(args);
  const t = fixedT(await getLanguage(args.request), "contracts");
  const contracts = await getContractWorkspace(db(), organisation.id);
  return json({
    organisation: { name: organisation.name, isBuyer: organisation.isBuyer },
    contracts,
    title: `${t("workspace.title")} – ${organisation.name} – Markedsdialog`,
  });
}

type Row = SerializeFrom<typeof loader>["contracts"][number];

function Tasks({ contracts, language }: { contracts: Row[]; language: Language }) {
  const { t } = useTranslation("contracts");
  const tasks = contracts.flatMap((c) => c.tasks.map((task) => ({ task, contract: c }))).sort((a, b) => a.task.due.localeCompare(b.task.due));
  const waiting = tasks.length > 0;
  return (
    <section
      aria-labelledby="tasks-title"
      data-attention={waiting ? "true" : "false"}
      className={`space-y-3 rounded-lg p-4 ${waiting ? "border-l-4 border-amber-600 bg-amber-50" : "border border-slate-200 bg-white"}`}
    >
      <h2 id="tasks-title" className={`text-xl font-semibold ${waiting ? "text-amber-900" : ""}`}>
        {t("workspace.tasks.heading")} ({formatNumber(tasks.length, language)})
      </h2>
      <p className="max-w-3xl text-slate-800">
        {t("workspace.tasks.lead", { record: CALL_OFF_RECORDING_DAYS, answer: CALL_OFF_ANSWER_DAYS, horizon: OPTION_NOTICE_HORIZON_DAYS })}
      </p>
      {waiting ? (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {tasks.map(({ task, contract }) => (
            <li key={`${contract.id}-${task.kind}-${task.kind === "decide_option" ? task.number : task.quarter}`} className="p-4">
              <Link to={`/contracts/${contract.id}`} className="font-semibold text-brand-700 underline hover:text-brand-800">
                {contract.title}
              </Link>
              <p className="text-sm text-slate-800">
                <TaskText task={task} language={language} />
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-700">{t("workspace.tasks.empty")}</p>
      )}
    </section>
  );
}

function ContractList({ party, contracts, language }: { party: "buyer" | "vendor"; contracts: Row[]; language: Language }) {
  const { t } = useTranslation("contracts");
  if (contracts.length === 0) return null;
  return (
    <section aria-labelledby={`${party}-title`} className="space-y-3">
      <h2 id={`${party}-title`} className="text-xl font-semibold">
        {t(`workspace.${party}.heading`)} <span className="font-normal text-slate-600">({formatNumber(contracts.length, language)})</span>
      </h2>
      <p className="max-w-3xl text-slate-700">{t(`workspace.${party}.lead`)}</p>
      <ContractBars
        contracts={contracts}
        language={language}
        detail={(c) => (
          <p className="text-sm text-slate-700">
            {t(`workspace.${party}.counterparts`, { names: c.counterparts.map((o) => o.name).join(", ") })} ·{" "}
            {t("facts.periodValue", { start: formatDate(c.start, language), end: formatDate(c.end, language) })}
            {c.openOptions > 0 ? ` · ${t("workspace.openOptions", { count: c.openOptions })}` : ""}
          </p>
        )}
      />
    </section>
  );
}

export default function ContractsWorkspace() {
  const { organisation, contracts } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("contracts");
  const language = i18n.language as Language;
  return (
    <div className="space-y-10">
      <PageHeader
        title={t("workspace.title")}
        lead={t("workspace.lead", { organisation: organisation.name })}
        action={
          organisation.isBuyer ? (
            <Link to="/contracts/new" className={primaryLinkClass}>
              {t("new.title")}
            </Link>
          ) : null
        }
      />
      {contracts.length === 0 ? (
        <p className="text-slate-700">{t(organisation.isBuyer ? "workspace.emptyBuyer" : "workspace.empty")}</p>
      ) : (
        <>
          <Tasks contracts={contracts} language={language} />
          <ContractList party="buyer" contracts={contracts.filter((c) => c.party === "buyer")} language={language} />
          <ContractList party="vendor" contracts={contracts.filter((c) => c.party === "vendor")} language={language} />
        </>
      )}
    </div>
  );
}
