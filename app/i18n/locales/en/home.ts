import type { home as nb } from "../nb/home";
import type { Translation } from "../../types";

export const home: Translation<typeof nb> = {
  title: "Market dialogue in health and care",
  lead: "Public buyers in Norwegian health and care announce market dialogues and upcoming demand here – with budget frames, expected purchase volume and the standards that apply. Vendors see the demand and register to take part.",
  ruleHeading: "The predictability rule",
  rule: "A buyer cannot ask vendors for real effort without declaring what purchase they can expect.",
  figures: {
    heading: "Key figures",
    openEvents: "Open market dialogues",
    buyers: "Buyers",
    vendors: "Vendors",
    declaredBudget: "Declared budget frame (upper)",
  },
  upcoming: {
    heading: "Current market dialogues",
    empty: "No published market dialogues yet.",
    buyer: "Buyer",
    deadline: "Registration deadline",
    responseDeadline: "Response deadline",
    effort: "Effort asked",
  },
};
