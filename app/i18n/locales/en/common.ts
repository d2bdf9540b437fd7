import type { common as nb } from "../nb/common";
import type { Translation } from "../../types";

export const common: Translation<typeof nb> = {
  appName: "Markedsdialog",
  tagline: "Market dialogue and upcoming demand in Norwegian health and care",
  skipToContent: "Skip to main content",
  nav: {
    label: "Main menu",
    home: "Home",
    demand: "Upcoming demand",
    organisations: "Organisations",
    accessibility: "Accessibility statement",
  },
  language: {
    label: "Language",
    switchTo: "Norsk",
    switchToLabel: "Bytt til norsk bokmål",
    nb: "Norwegian Bokmål",
    en: "English",
  },
  footer: {
    about: "Markedsdialog turns the principles for use of the market in health and care into practice: predictability, the right contract, industry development, good norms of interaction and a deliberate sourcing strategy.",
    accessibility: "Accessibility statement",
    openData: "Open data",
  },
  kinds: {
    rfi: "Request for information (RFI)",
    rfp: "Request for proposal (RFP)",
    supplier_conference: "Supplier conference",
    dialogue_meeting: "Dialogue meeting",
    pilot: "Pilot",
    rnd_partnership: "R&D / innovation partnership",
    demand_notice: "Statement of need",
  },
  effort: {
    none: "No effort",
    light: "Light effort",
    significant: "Significant effort",
    hoursPerVendor: "{{count}} hours per vendor",
  },
  expectation: {
    label: "Purchase expected",
    status: {
      committed: "funded",
      planned: "planned",
      uncertain: "uncertain",
      none: "none",
    },
    noneExpected: "No purchase expected",
    notDeclared: "No purchase expectation declared",
    tenderQuarter: "tender Q{{quarter}} {{year}}",
  },
  regions: {
    national: "Nationwide",
    oslo: "Oslo",
    rogaland: "Rogaland",
    more_og_romsdal: "Møre og Romsdal",
    nordland: "Nordland",
    ostfold: "Østfold",
    akershus: "Akershus",
    buskerud: "Buskerud",
    innlandet: "Innlandet",
    vestfold: "Vestfold",
    telemark: "Telemark",
    agder: "Agder",
    vestland: "Vestland",
    trondelag: "Trøndelag",
    troms: "Troms",
    finnmark: "Finnmark",
  },
  time: {
    at: "at",
  },
  money: {
    millionShort: "MNOK",
  },
};
