import type { standards as nb } from "../nb/standards";
import type { Translation } from "../../types";

export const standards: Translation<typeof nb> = {
  title: "Standards roadmap",
  lead: "Which standards public buyers in health and care require or plan to require, and from when – as they have declared it in published market dialogues and demand notices.",
  openEvents_one: "{{count}} open event names the standard",
  openEvents_other: "{{count}} open events name the standard",
  noEvents: "No open events name the standard yet.",
  showEvents: "Show the events",
  showEventsLabel: "Show the events that name {{name}}",
  about: "About the standard",
  aboutHidden: "{{name}}, external site",
  moreBuyers: "More buyers: see all events that name {{name}}",
  tableCaption: "Buyers that name {{name}}",
  buyer: "Buyer",
  level: "Requirement",
  from: "From",
  events: "Events",
  notDated: "not given",
  levels: {
    required: "Required",
    recommended: "Recommended",
    planned: "Planned",
  },
  categories: {
    interoperability: "Interoperability",
    terminology: "Terminology and code systems",
    messaging: "Messaging",
    security: "Security and privacy",
    imaging: "Imaging",
    accessibility: "Accessibility",
    other: "Other",
  },
};
