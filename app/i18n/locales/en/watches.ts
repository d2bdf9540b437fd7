import type { watches as nb } from "../nb/watches";
import type { Translation } from "../../types";

export const watches: Translation<typeof nb> = {
  title: "My watches",
  unsubscribe: {
    title: "Stop e-mails from a watch",
    confirm: "Delete the watch “{{name}}”? No more e-mails will come from it, and its feed addresses stop working.",
    submit: "Delete the watch and stop the e-mails",
    done: "The watch “{{name}}” is deleted. You will get no more e-mails from it.",
    invalid: "This link no longer works: the watch is already deleted, or the link is incomplete.",
    manage: "See your watches (requires signing in)",
  },
  lead: "Saved searches of upcoming demand. New matching events, and amendments to them, arrive by e-mail, in an Atom feed and in a calendar.",
  empty: "You have no watches yet. Filter the upcoming demand list and choose “Save as watch”.",
  toDemand: "Go to upcoming demand",
  created: "The watch “{{name}}” is saved.",
  updated: "Your changes are saved.",
  deleted: "The watch is deleted.",
  renewed: "New feed addresses were made. The old ones no longer work.",
  filter: "Filter",
  allEvents: "All published events (no filters)",
  showMatches: "Show the matches in upcoming demand",
  latest: "Latest matches",
  noMatches: "No published events match the filter now.",
  fields: {
    name: "Name",
    nameHint: "So you recognise it, e.g. “Welfare technology in Vestland”.",
    frequency: "E-mail alerts",
  },
  frequency: {
    immediate: "As it happens (within minutes)",
    daily: "Daily digest (in the morning)",
  },
  save: "Save changes",
  delete: "Delete the watch",
  deleteConsequence: "The watch and its private feeds are deleted. You get no more alerts or digests from it, and the feed addresses stop working.",
  feeds: {
    heading: "Private feeds",
    lead: "The addresses contain a secret key and are shown only when made. Keep them, and do not share them.",
    atom: "Atom feed (feed reader)",
    ics: "Calendar (iCalendar)",
    shownOnce: "The feed addresses were made {{date}}. They are shown only once; if you lost them, make new ones.",
    renew: "Revoke and make new addresses",
    renewConsequence: "The old addresses stop working at once, also in feed readers and calendars where you added them. The new ones are shown this one time only.",
  },
  create: {
    heading: "Save as watch",
    submit: "Save watch",
    signIn: "Sign in to save the filter as a watch",
    lead: "Get an e-mail when new events match these filters, or when they are amended.",
  },
  publicFeeds: "Atom feed for this selection",
};
