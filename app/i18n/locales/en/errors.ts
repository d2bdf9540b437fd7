import type { errors as nb } from "../nb/errors";
import type { Translation } from "../../types";

export const errors: Translation<typeof nb> = {
  notFound: {
    title: "Page not found",
    body: "The page does not exist, or you do not have access to it. Check the address, or go to the home page.",
  },
  server: {
    title: "Something went wrong",
    body: "We could not show the page. The error has been logged. Try again in a moment; if it still fails, go to the home page.",
  },
  forbidden: {
    title: "No access",
    body: "You do not have access to this.",
  },
  unavailable: {
    title: "The service is temporarily unavailable",
    body: "We cannot reach the database right now. Please try again shortly.",
  },
  badRequest: {
    title: "The request could not be handled",
    body: "What was sent was not in a form we can accept. Go back and try again from the form.",
  },
  tooMany: {
    title: "Too many attempts",
    body: "Too many requests arrived in a short time. Wait a moment and try again.",
  },
  tooLarge: {
    title: "What was sent is too large",
    body: "A form with its attachment can be at most 1 MB. Make the file or the text smaller and try again.",
  },
  tooLargeJson: "The body is too large: at most {{limit}}.",
  code: "Error code {{status}}",
  goHome: "Go to the home page",
};
