import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { db } from "@db/db.server";
import { getUser, requireMember } from "~/auth/guards.server";
import { ClauseList } from "~/components/conduct/clauses";
import { Notice, SubmitButton } from "~/components/forms";
import { needsReadoption } from "~/domain/conduct";
import { formatDate, formatDateTime } from "~/i18n/format";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import type { Language } from "~/i18n/resources";
import { adoptVersion, getAdoption, getCurrentVersion, listVersions } from "~/models/conduct.server";
import { actingMembership } from "~/models/memberships.server";
import { readFormData } from "~/http/form-data.server";
import { invariantResponse } from "~/http/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Markedsdialog" }];

/** The viewer's active organisation, if any, without sending anyone away: this page is public. */
async function activeMembership(args: LoaderFunctionArgs) {
  const user = getUser(args);
  if (!user?.emailVerifiedAt) return null;
  return actingMembership(db(), user);
}

export async function loader(args: LoaderFunctionArgs) {
  const t = fixedT(await getLanguage(args.request), "conduct");
  const [version, versions, membership] = await Promise.all([getCurrentVersion(db()), listVersions(db()), activeMembership(args)]);
  const adoption = membership ? await getAdoption(db(), membership.organisation.id) : null;
  return json({
    title: `${t("title")} – Markedsdialog`,
    version,
    versions,
    organisation: membership
      ? {
          name: membership.organisation.name,
          isAdmin: membership.role === "admin",
          adoption,
          canAdopt: membership.role === "admin" && needsReadoption(adoption?.versionNumber ?? null, version?.number ?? null),
        }
      : null,
  });
}

export async function action(args: ActionFunctionArgs) {
  // Adopting binds the organisation: only its admins may.
  const member = await requireMember(args, { role: "admin" });
  const formData = await readFormData(args.request);
  const versionNumber = Number(formData.get("versionNumber"));
  // Version numbers are integer columns: past 2^31 - 1 no version exists (and the query would throw).
  const isVersion = Number.isInteger(versionNumber) && versionNumber > 0 && versionNumber <= 2 ** 31 - 1;
  if (formData.get("intent") !== "adopt" || !isVersion) return json({ ok: false }, { status: 400 });
  const adopted = await adoptVersion(db(), { organisationId: member.organisation.id, userId: member.user.id, versionNumber });
  invariantResponse(adopted);
  return redirect(`/conduct?adopted=${versionNumber}`);
}

export default function Conduct() {
  const { version, versions, organisation } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t, i18n } = useTranslation(["conduct", "reports"]);
  const language = i18n.language as Language;

  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{t("lead")}</p>
        <p>
          <Link to="/reports/new" className="text-brand-700 underline">
            {t("reports:new.fromConduct")}
          </Link>
        </p>
      </header>

      {organisation ? (
        <section aria-labelledby="adoption-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h2 id="adoption-title" className="text-xl font-semibold">
            {t("adoption.heading")}
          </h2>
          {searchParams.get("adopted") ? <Notice>{t("adoption.done", { organisation: organisation.name, number: searchParams.get("adopted") })}</Notice> : null}
          <p>
            {organisation.adoption
              ? organisation.adoption.adoptedByName
                ? t("adoption.adopted", {
                    organisation: organisation.name,
                    number: organisation.adoption.versionNumber,
                    date: formatDateTime(organisation.adoption.adoptedAt, language),
                    name: organisation.adoption.adoptedByName,
                  })
                : t("adoption.adoptedNoName", {
                    organisation: organisation.name,
                    number: organisation.adoption.versionNumber,
                    date: formatDateTime(organisation.adoption.adoptedAt, language),
                  })
              : t("adoption.none", { organisation: organisation.name })}
          </p>
          {organisation.canAdopt && version ? (
            <Form method="post" className="space-y-3">
              <p>{t("adoption.prompt", { number: version.number, organisation: organisation.name })}</p>
              <input type="hidden" name="intent" value="adopt" />
              <input type="hidden" name="versionNumber" value={version.number} />
              <SubmitButton>{t("adoption.adopt", { number: version.number })}</SubmitButton>
            </Form>
          ) : !organisation.isAdmin && !organisation.adoption ? (
            <p className="text-sm text-slate-600">{t("adoption.membersOnly")}</p>
          ) : null}
        </section>
      ) : null}

      {version ? (
        <section aria-labelledby="version-title" className="space-y-4">
          <h2 id="version-title" className="text-2xl font-semibold">
            {t("version", { number: version.number })}
          </h2>
          {version.publishedAt ? <p className="text-slate-600">{t("publishedAt", { date: formatDate(version.publishedAt, language) })}</p> : null}
          <ClauseList clauses={version.clauses} />
        </section>
      ) : (
        <p>{t("noVersion")}</p>
      )}

      <PrinciplesOrigin />

      {versions.length > 0 ? (
        <section aria-labelledby="versions-title" className="space-y-2">
          <h2 id="versions-title" className="text-xl font-semibold">
            {t("allVersions")}
          </h2>
          <ul className="list-disc pl-6">
            {versions.map((v) => (
              <li key={v.number}>
                <Link to={`/conduct/versions/${v.number}`} className="text-brand-700 underline">
                  {t("version", { number: v.number })}
                </Link>
                {v.publishedAt ? ` – ${formatDate(v.publishedAt, language)}` : null}
                {(language === "en" ? v.summaryEn : v.summaryNb) ? `: ${language === "en" ? v.summaryEn : v.summaryNb}` : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

const PRINCIPLES = ["sourcing", "contract", "industry", "conduct", "predictability"] as const;

/** Where the principles come from, and what the portal does with each: enforces, asks for, or shows. */
function PrinciplesOrigin() {
  const { t } = useTranslation("conduct");
  return (
    <section id="principles" aria-labelledby="principles-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="principles-title" className="text-xl font-semibold">
        {t("origin.heading")}
      </h2>
      <p>{t("origin.lead")}</p>
      <dl className="space-y-3">
        {PRINCIPLES.map((key) => (
          <div key={key}>
            <dt className="font-semibold">{t(`origin.principles.${key}.name`)}</dt>
            <dd className="text-slate-700">{t(`origin.principles.${key}.portal`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
