import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { carriesQuestionnaire, type QuestionnaireItem } from "~/domain/questionnaire";
import { QuestionList } from "../+shared/questionnaire/question-list";
import { Section, type EventView } from "./presentation";

// The questions vendors answer in their response (issue 17): for everyone who may read the
// event, so a vendor sees the work before it registers; the buyer's members get the way to set them.
export function QuestionnaireSection({ event, questions }: { event: EventView; questions: SerializeFrom<QuestionnaireItem>[] }) {
  const { t } = useTranslation("questionnaire");
  const mayManage = event.viewer.isLead && carriesQuestionnaire(event.kind) && (event.status === "draft" || event.status === "published");
  if (questions.length === 0 && !mayManage) return null;
  return (
    <Section id="questionnaire" title={t("section.heading")}>
      <p className="max-w-prose text-sm text-slate-700">{t("section.lead")}</p>
      <QuestionList questions={questions} />
      {mayManage ? (
        <p>
          <Link to={`/events/${event.id}/questionnaire`} className="text-brand-700 underline hover:text-brand-800">
            {t("section.manage")}
          </Link>
        </p>
      ) : null}
    </Section>
  );
}
