import { Link, Text } from "@react-email/components";
import { formatDate, formatQuarter } from "~/i18n/format";
import { Action, EmailLayout, Paragraph, type EmailDefinition } from "./layout";

// To the admins of a party to a contract: the tasks that have appeared or passed their date
// since the last reminder (app/models/contract-reminders.server.ts), earliest due first.

const item = { fontSize: 16, lineHeight: "24px", margin: "0 0 12px" };
const overdue = { color: "#991b1b", fontWeight: 700 };
const link = { color: "#0b6b77", fontWeight: 700, textDecoration: "underline" };

export const contractTasks: EmailDefinition<"contract-tasks"> = {
  subject: ({ t, data }) => t("contract-tasks.subject", { count: data.tasks.length + data.more }),
  Component: ({ t, language, data }) => (
    <EmailLayout
      t={t}
      language={language}
      preview={t("contract-tasks.preview", { count: data.tasks.length + data.more })}
      heading={t("contract-tasks.heading")}
      reason={t("contract-tasks.reason", { organisationName: data.organisationName })}
    >
      <Paragraph>{t("contract-tasks.greeting", { name: data.name })}</Paragraph>
      {data.tasks.map((task) => (
        <Text key={`${task.url}-${task.kind}-${task.kind === "decide_option" ? task.number : task.quarter}`} style={item}>
          <Link href={task.url} style={link}>
            {task.contractTitle}
          </Link>
          <br />
          {task.kind === "decide_option"
            ? t("contract-tasks.decide_option", { number: task.number, due: formatDate(task.due, language) })
            : t(`contract-tasks.${task.kind}`, { quarter: formatQuarter(task.quarter, language), due: formatDate(task.due, language) })}
          {task.overdue ? (
            <>
              {" "}
              <span style={overdue}>{t("contract-tasks.overdue")}</span>
            </>
          ) : null}
        </Text>
      ))}
      {data.more > 0 ? <Paragraph>{t("contract-tasks.more", { count: data.more })}</Paragraph> : null}
      <Action t={t} href={data.url} label={t("contract-tasks.action")} />
    </EmailLayout>
  ),
};
