// How long the single-use links in e-mails stay valid. The pages and the e-mails that name
// the time read it from here, so they cannot say two different things.

export const VERIFY_EMAIL_LINK_HOURS = 48;
export const RESET_PASSWORD_LINK_HOURS = 1;
