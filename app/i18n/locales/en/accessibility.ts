import type { accessibility as nb } from "../nb/accessibility";
import type { Translation } from "../../types";

export const accessibility: Translation<typeof nb> = {
  title: "Accessibility statement",
  intro: "Markedsdialog is meant to be usable by everyone. It is built to meet the Norwegian regulation on universal design of ICT solutions, which refers to WCAG 2.1 level AA.",
  statusHeading: "Status",
  status: "Every page is tested automatically with axe-core in a real browser, and pages must be usable with the keyboard alone and without JavaScript. We know of no breaches of the requirements as of {{date}}.",
  measuresHeading: "What we do",
  measures: [
    "All forms work without JavaScript, and errors are shown by the field they concern.",
    "Times are shown in Norwegian time with the time zone named.",
    "Content is available in Norwegian Bokmål and English.",
    "Charts always come with a table of the same figures.",
  ],
  feedbackHeading: "Feedback",
  feedback: "If you run into accessibility problems, write to tilgjengelighet@markedsdialog.example. You can also complain to the Authority for Universal Design of ICT (the Norwegian Digitalisation Agency).",
  supervisoryLink: "Authority for Universal Design of ICT",
};
