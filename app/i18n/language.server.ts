import { createCookie } from "@remix-run/node";
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "./resources";

// The visitor's chosen language, kept for a year. Not a secret and read by no
// script, so a plain (unsigned) cookie is enough.
export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
  secure: process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "true",
});

export async function getLanguage(request: Request): Promise<Language> {
  const value: unknown = await languageCookie.parse(request.headers.get("Cookie"));
  return isLanguage(value) ? value : DEFAULT_LANGUAGE;
}
