import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { getUser, requireVerifiedUser } from "~/auth/guards.server";
import { RealisationChart } from "~/components/contract-realisation";
import { Notice, ProblemScope } from "~/components/forms";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { recordableQuarters } from "~/domain/contract-tasks";
import { osloDate } from "~/domain/zoned-time";
import { getContractForViewer } from "~/models/contract-reads.server";
import { readFormData } from "~/http/form-data.server";
import { notFoundUnless } from "~/http/responses.server";
import { contractAction } from "./actions.server";
import { CallOffsSection } from "./call-offs";
import { ContractFacts, OptionsSection, VolumesSection } from "./facts";

// A contract after award: public facts (parties, periods, options, indicated and binding
// volumes, call-offs per quarter with the vendor's answer, and realisation per contract year).
// The buyer records call-offs and decides options; a vendor on the contract answers each quarter.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} – Markedsdialog` : "Markedsdialog" }];

const SAVED = ["created", "call-off", "answered", "option", "imported"] as const;
const SAVED_TEXT = { created: "new.saved", "call-off": "callOffs.recorded", answered: "callOffs.answered", option: "options.decided", imported: "import.done" } as const;

export async function loader(args: LoaderFunctionArgs) {
  const user = getUser(args);
  const { contract, party } = notFoundUnless(await getContractForViewer(db(), args.params.contractId ?? "", user?.id ?? null));
  const t = fixedT(await getLanguage(args.request), "contracts");
  const params = new URL(args.request.url).searchParams;
  const saved = SAVED.find((s) => s === params.get("saved")) ?? null;
  const count = Math.min(Math.max(Number.parseInt(params.get("count") ?? "0", 10) || 0, 0), 1000);
  // The quarters the buyer's form offers: those begun and not yet recorded.
  const recordable = party === "buyer" ? recordableQuarters(contract, osloDate(new Date())) : [];
  // The CSV carries the notes and accounts, which are the parties' own.
  const callOffsCsvHref = party ? `/contracts/${contract.id}/call-offs.csv` : null;
  return json({ contract, party, recordable, title: t("title", { title: contract.title }), saved, count, callOffsCsvHref });
}

export async function action(args: ActionFunctionArgs) {
  const user = requireVerifiedUser(args);
  const { contract, party } = notFoundUnless(await getContractForViewer(db(), args.params.contractId ?? "", user.id));
  return contractAction(args, user.id, contract.id, party, await readFormData(args.request));
}

export default function ContractPage() {
  const { contract, party, recordable, title, saved, count, callOffsCsvHref } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("contracts");
  const language = i18n.language as Language;
  return (
    <ProblemScope first="forms">
      <article className="space-y-8">
        <header className="space-y-2">
          <p className="text-sm font-medium uppercase tracking-wide text-slate-600">{t(`types.${contract.type}`)}</p>
          <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
          <p>
            <Link to={`/buyers/${contract.buyer.slug}`} className="text-brand-800 underline">
              {contract.buyer.name}
            </Link>
            {" – "}
            {contract.vendors.map((v) => v.name).join(", ")}
          </p>
          {saved ? <Notice>{t(SAVED_TEXT[saved], { count })}</Notice> : null}
        </header>
        <div className="grid gap-10 lg:grid-cols-2">
          <div className="space-y-8">
            <ContractFacts contract={contract} language={language} />
            <VolumesSection contract={contract} language={language} />
          </div>
          <section aria-labelledby="realisation-title" className="space-y-3">
            <h2 id="realisation-title" className="text-xl font-semibold">
              {t("realisation.heading")}
            </h2>
            <p className="text-slate-700">{t("realisation.explanation")}</p>
            <RealisationChart years={contract.realisation} unit={contract.unit} bindingMinimum={contract.bindingMinimumNok} language={language} />
          </section>
        </div>
        <CallOffsSection contract={contract} party={party} recordable={recordable} language={language} csvHref={callOffsCsvHref} />
        <OptionsSection contract={contract} party={party} language={language} />
      </article>
    </ProblemScope>
  );
}
