import type { Migration } from "kysely";
import * as foundation from "./2026-11-24-0001-foundation";
import * as accounts from "./2026-11-24-0002-accounts";
import * as outbox from "./2026-11-24-0003-outbox";
import * as events from "./2026-11-24-0005-events";
import * as conduct from "./2026-11-24-0006-conduct";
import * as demand from "./2026-11-24-0007-demand";
import * as participation from "./2026-11-24-0008-participation";
import * as participationFollowups from "./2026-11-24-0009-participation-followups";
import * as relationships from "./2026-11-24-0011-relationships";
import * as watches from "./2026-11-24-0010-watches";
import * as demandPerformance from "./2026-11-24-0012-demand-performance";
import * as gateLoopholes from "./2026-12-04-0013-gate-loopholes";
import * as contracts from "./2026-12-04-0014-contracts";
import * as norwegianSearch from "./2026-12-04-0016-norwegian-search";
import * as contractReminders from "./2026-12-05-0022-contract-reminders";
import * as watchUnsubscribe from "./2026-12-05-0023-watch-unsubscribe";
import * as pilotTerms from "./2026-12-05-0024-pilot-terms";
import * as hashChainV2 from "./2026-12-05-0025-hash-chain-v2";
import * as pilotExits from "./2026-12-05-0026-pilot-exits";
import * as twoFactor from "./2026-12-05-0027-two-factor";
import * as vendorActivity from "./2026-12-05-0029-vendor-activity";
import * as functionSearchPath from "./2026-12-05-0030-function-search-path";
import * as finalAnswers from "./2026-12-05-0039-final-answers";
import * as consultations from "./2026-12-06-0040-consultations";
import * as vendorRequests from "./2026-12-06-0041-vendor-requests";
import * as protectedReports from "./2026-12-06-0057-protected-reports";
import * as documentStorage from "./2026-12-06-0061-document-storage";
import * as singleSignOn from "./2026-12-06-0058-single-sign-on";
import * as duplicatePilots from "./2026-12-06-0060-duplicate-pilots";
import * as contractChoice from "./2026-12-06-0059-contract-choice";
import * as ipTerms from "./2026-12-06-0042-ip-terms";
import * as sessionHandles from "./2026-12-06-0043-session-handles";
import * as pilotFunding from "./2026-12-06-0044-pilot-funding";
import * as changeNotifications from "./2026-12-06-0049-change-notifications";
import * as coBuyerConsent from "./2026-12-06-0046-co-buyer-consent";
import * as ownDelivery from "./2026-12-06-0045-own-delivery";
import * as passkeys from "./2026-12-06-0051-passkeys";
import * as scopeAndDataProtection from "./2026-12-06-0047-scope-and-data-protection";
import * as standardsReadinessCostBenefit from "./2026-12-06-0048-standards-readiness-cost-benefit";
import * as effortReportCorrections from "./2026-12-06-0063-effort-report-corrections";
import * as totpKeyBox from "./2026-12-06-0065-totp-key-box";
import * as eventResponses from "./2026-12-06-0067-event-responses";
import * as effortRequestResponses from "./2026-12-07-0071-effort-request-responses";
import * as ssoReauthentication from "./2026-12-06-0070-sso-reauthentication";
import * as interactionReadIndexes from "./2026-12-07-0076-interaction-read-indexes";
import * as pilotVendorInvestment from "./2026-12-06-0064-pilot-vendor-investment";
import * as questionnaires from "./2026-12-06-0066-questionnaires";
import * as consultationSearchAndWatches from "./2026-12-06-0068-consultation-search-and-watches";
import * as strategicAllianceContracts from "./2026-12-06-0069-strategic-alliance-contracts";
import * as pilotRegisterOrder from "./2026-12-07-0075-pilot-register-order";
import * as changeScopes from "./2026-12-07-0077-change-scopes";
import * as responseActivity from "./2026-12-07-0078-response-activity";

// Append-only, in order. Names sort by date so Kysely applies them in sequence.
export const migrations: Record<string, Migration> = {
  "2026-11-24-0001-foundation": foundation,
  "2026-11-24-0002-accounts": accounts,
  "2026-11-24-0003-outbox": outbox,
  "2026-11-24-0005-events": events,
  "2026-11-24-0006-conduct": conduct,
  "2026-11-24-0007-demand": demand,
  "2026-11-24-0008-participation": participation,
  "2026-11-24-0009-participation-followups": participationFollowups,
  "2026-11-24-0010-watches": watches,
  "2026-11-24-0011-relationships": relationships,
  "2026-11-24-0012-demand-performance": demandPerformance,
  "2026-12-04-0013-gate-loopholes": gateLoopholes,
  "2026-12-04-0014-contracts": contracts,
  "2026-12-04-0016-norwegian-search": norwegianSearch,
  "2026-12-05-0022-contract-reminders": contractReminders,
  "2026-12-05-0023-watch-unsubscribe": watchUnsubscribe,
  "2026-12-05-0024-pilot-terms": pilotTerms,
  "2026-12-05-0025-hash-chain-v2": hashChainV2,
  "2026-12-05-0026-pilot-exits": pilotExits,
  "2026-12-05-0027-two-factor": twoFactor,
  "2026-12-05-0029-vendor-activity": vendorActivity,
  "2026-12-05-0030-function-search-path": functionSearchPath,
  "2026-12-05-0039-final-answers": finalAnswers,
  "2026-12-06-0040-consultations": consultations,
  "2026-12-06-0041-vendor-requests": vendorRequests,
  "2026-12-06-0042-ip-terms": ipTerms,
  "2026-12-06-0043-session-handles": sessionHandles,
  "2026-12-06-0044-pilot-funding": pilotFunding,
  "2026-12-06-0045-own-delivery": ownDelivery,
  "2026-12-06-0046-co-buyer-consent": coBuyerConsent,
  "2026-12-06-0047-scope-and-data-protection": scopeAndDataProtection,
  "2026-12-06-0048-standards-readiness-cost-benefit": standardsReadinessCostBenefit,
  "2026-12-06-0049-change-notifications": changeNotifications,
  "2026-12-06-0051-passkeys": passkeys,
  "2026-12-06-0057-protected-reports": protectedReports,
  "2026-12-06-0061-document-storage": documentStorage,
  "2026-12-06-0063-effort-report-corrections": effortReportCorrections,
  "2026-12-06-0058-single-sign-on": singleSignOn,
  "2026-12-06-0060-duplicate-pilots": duplicatePilots,
  "2026-12-06-0059-contract-choice": contractChoice,
  "2026-12-06-0065-totp-key-box": totpKeyBox,
  "2026-12-06-0064-pilot-vendor-investment": pilotVendorInvestment,
  "2026-12-06-0066-questionnaires": questionnaires,
  "2026-12-06-0067-event-responses": eventResponses,
  "2026-12-06-0068-consultation-search-and-watches": consultationSearchAndWatches,
  "2026-12-06-0069-strategic-alliance-contracts": strategicAllianceContracts,
  "2026-12-06-0070-sso-reauthentication": ssoReauthentication,
  "2026-12-07-0076-interaction-read-indexes": interactionReadIndexes,
  "2026-12-07-0075-pilot-register-order": pilotRegisterOrder,
  "2026-12-07-0071-effort-request-responses": effortRequestResponses,
  "2026-12-07-0077-change-scopes": changeScopes,
  "2026-12-07-0078-response-activity": responseActivity,
};
