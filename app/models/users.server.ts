/** The user columns every request needs: who is signed in, in which language, acting for which organisation. */
export const CURRENT_USER_COLUMNS = [
  "users.email",
  "users.name",
  "users.language",
  "users.isOperator",
  "users.emailVerifiedAt",
  "users.activeOrganisationId",
] as const;
