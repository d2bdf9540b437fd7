import { accessibility as accessibilityNb } from "./locales/nb/accessibility";
import { auth as authNb } from "./locales/nb/auth";
import { forms as formsNb } from "./locales/nb/forms";
import { admin as adminNb } from "./locales/nb/admin";
import { common as commonNb } from "./locales/nb/common";
import { demand as demandNb } from "./locales/nb/demand";
import { emails as emailsNb } from "./locales/nb/emails";
import { errors as errorsNb } from "./locales/nb/errors";
import { eventForm as eventFormNb } from "./locales/nb/eventForm";
import { eventPage as eventPageNb } from "./locales/nb/eventPage";
import { events as eventsNb } from "./locales/nb/events";
import { home as homeNb } from "./locales/nb/home";
import { organisations as organisationsNb } from "./locales/nb/organisations";
import { conduct as conductNb } from "./locales/nb/conduct";
import { consultations as consultationsNb } from "./locales/nb/consultations";
import { contracts as contractsNb } from "./locales/nb/contracts";
import { pilots as pilotsNb } from "./locales/nb/pilots";
import { responses as responsesNb } from "./locales/nb/responses";
import { questionnaire as questionnaireNb } from "./locales/nb/questionnaire";
import { effort as effortNb } from "./locales/nb/effort";
import { participation as participationNb } from "./locales/nb/participation";
import { relationships as relationshipsNb } from "./locales/nb/relationships";
import { reports as reportsNb } from "./locales/nb/reports";
import { requests as requestsNb } from "./locales/nb/requests";
import { scorecard as scorecardNb } from "./locales/nb/scorecard";
import { standards as standardsNb } from "./locales/nb/standards";
import { watches as watchesNb } from "./locales/nb/watches";
import { accessibility as accessibilityEn } from "./locales/en/accessibility";
import { auth as authEn } from "./locales/en/auth";
import { forms as formsEn } from "./locales/en/forms";
import { admin as adminEn } from "./locales/en/admin";
import { common as commonEn } from "./locales/en/common";
import { demand as demandEn } from "./locales/en/demand";
import { emails as emailsEn } from "./locales/en/emails";
import { errors as errorsEn } from "./locales/en/errors";
import { eventForm as eventFormEn } from "./locales/en/eventForm";
import { eventPage as eventPageEn } from "./locales/en/eventPage";
import { events as eventsEn } from "./locales/en/events";
import { home as homeEn } from "./locales/en/home";
import { organisations as organisationsEn } from "./locales/en/organisations";
import { conduct as conductEn } from "./locales/en/conduct";
import { consultations as consultationsEn } from "./locales/en/consultations";
import { contracts as contractsEn } from "./locales/en/contracts";
import { pilots as pilotsEn } from "./locales/en/pilots";
import { responses as responsesEn } from "./locales/en/responses";
import { questionnaire as questionnaireEn } from "./locales/en/questionnaire";
import { effort as effortEn } from "./locales/en/effort";
import { participation as participationEn } from "./locales/en/participation";
import { relationships as relationshipsEn } from "./locales/en/relationships";
import { reports as reportsEn } from "./locales/en/reports";
import { requests as requestsEn } from "./locales/en/requests";
import { scorecard as scorecardEn } from "./locales/en/scorecard";
import { standards as standardsEn } from "./locales/en/standards";
import { watches as watchesEn } from "./locales/en/watches";

export const LANGUAGES = ["nb", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "nb";

export const resources = {
  nb: {
    accessibility: accessibilityNb,
    admin: adminNb,
    auth: authNb,
    common: commonNb,
    conduct: conductNb,
    consultations: consultationsNb,
    contracts: contractsNb,
    demand: demandNb,
    effort: effortNb,
    emails: emailsNb,
    errors: errorsNb,
    eventForm: eventFormNb,
    eventPage: eventPageNb,
    events: eventsNb,
    forms: formsNb,
    home: homeNb,
    organisations: organisationsNb,
    participation: participationNb,
    pilots: pilotsNb,
    responses: responsesNb,
    questionnaire: questionnaireNb,
    relationships: relationshipsNb,
    reports: reportsNb,
    requests: requestsNb,
    scorecard: scorecardNb,
    standards: standardsNb,
    watches: watchesNb,
  },
  en: {
    accessibility: accessibilityEn,
    admin: adminEn,
    auth: authEn,
    common: commonEn,
    conduct: conductEn,
    consultations: consultationsEn,
    contracts: contractsEn,
    demand: demandEn,
    effort: effortEn,
    emails: emailsEn,
    errors: errorsEn,
    eventForm: eventFormEn,
    eventPage: eventPageEn,
    events: eventsEn,
    forms: formsEn,
    home: homeEn,
    organisations: organisationsEn,
    participation: participationEn,
    pilots: pilotsEn,
    responses: responsesEn,
    questionnaire: questionnaireEn,
    relationships: relationshipsEn,
    reports: reportsEn,
    requests: requestsEn,
    scorecard: scorecardEn,
    standards: standardsEn,
    watches: watchesEn,
  },
} as const;

// Only names and types are computed here: the browser build, which imports this module for
// them, must be able to leave the translations out (entry.client fetches one language).
export type Namespace = keyof (typeof resources)["nb"];

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}
