import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Choices, FormErrors, Notice, SubmitButton, conformField, validateOnBlur } from "~/components/forms";
import { ACTIVITY_NOTICE_MODES, ActivityNoticeSchema, type ActivityNoticeMode } from "~/domain/vendor-activity";

// How this member hears of vendors' activity: at once, each morning, or not at all. Until
// they choose, the page says what they get by default and why.

interface Props {
  organisationId: string;
  notices: { chosen: ActivityNoticeMode | null; mode: ActivityNoticeMode };
  lastResult: SubmissionResult<string[]> | undefined;
  saved: boolean;
}

export function NoticeForm({ organisationId, notices, lastResult, saved }: Props) {
  const { t } = useTranslation(["participation", "forms"]);
  const [form, fields] = useForm({
    id: "activity-notices",
    lastResult,
    defaultValue: { mode: notices.mode },
    ...validateOnBlur,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ActivityNoticeSchema }),
  });
  return (
    <section aria-labelledby="notices-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="notices-title" className="text-xl font-semibold">
        {t("buyerActivity.notices.heading")}
      </h2>
      {saved ? <Notice>{t(`buyerActivity.notices.saved.${notices.mode}`)}</Notice> : null}
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <input type="hidden" name="organisationId" value={organisationId} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <Choices
          field={conformField(fields.mode)}
          type="radio"
          legend={t("buyerActivity.notices.legend")}
          hint={notices.chosen === null ? t(`buyerActivity.notices.default.${notices.mode}`) : undefined}
          options={ACTIVITY_NOTICE_MODES.map((mode) => ({ value: mode, label: t(`buyerActivity.notices.modes.${mode}`) }))}
        />
        <SubmitButton variant="secondary">{t("buyerActivity.notices.submit")}</SubmitButton>
      </Form>
    </section>
  );
}
