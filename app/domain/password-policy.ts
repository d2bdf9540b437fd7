// Account security: long passwords, and none of the passwords attackers try first.
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export type PasswordProblem = "too_short" | "too_long" | "too_common" | "contains_email";

// The most used passwords of at least the minimum length (from public breach
// corpora such as the SecLists top lists), plus Norwegian favourites. Compared
// case-insensitively and with a trailing digit/symbol run removed.
const COMMON = new Set([
  "1234567890", "12345678910", "123456789a", "0123456789", "0987654321", "1111111111", "0000000000", "1234512345",
  "1q2w3e4r5t", "1q2w3e4r5t6y", "qwertyuiop", "qwerty1234", "qwerty12345", "asdfghjkl", "asdfghjkl1", "zxcvbnm123",
  "password", "password1", "password12", "password123", "password1234", "passw0rd", "p@ssw0rd", "passwordpassword",
  "iloveyou", "iloveyou1", "iloveyou12", "sunshine", "princess", "football", "baseball", "basketball", "superman",
  "starwars", "pokemon", "liverpool", "chelsea", "arsenal", "manchester", "whatever", "trustno1", "letmein",
  "welcome", "welcome1", "welcome123", "administrator", "changeme", "default", "computer", "internet", "michelle",
  "jennifer", "jordan23", "charlie", "dragon", "monkey", "shadow", "master", "freedom", "mustang", "qazwsxedc",
  "1qaz2wsx", "1qaz2wsx3edc", "zaq12wsx", "abcdefghij", "abcd1234", "abc123456", "aa123456", "qwe123qwe",
  "passord", "passord1", "passord123", "passordet", "hemmelig", "hemmelig123", "sommer", "sommeren", "vinter",
  "fotball", "rosenborg", "brann", "norge", "norge123", "heiheihei", "hallohallo", "kjempebra", "sykehus",
  "helse", "kommune", "markedsdialog", "leverandor", "leverandør", "innkjop", "innkjøp", "oslo", "bergen",
  "trondheim", "stavanger", "tromso", "tromsø", "admin", "administrator", "test", "testtest", "demo",
]);

function core(password: string): string {
  return password.toLowerCase().replace(/[\d!?.@#$%&*_\-\s]+$/u, "");
}

export function checkPassword(password: string, email?: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return "too_short";
  if (password.length > PASSWORD_MAX_LENGTH) return "too_long";
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || COMMON.has(core(password)) || /^(.)\1+$/.test(password)) return "too_common";
  const local = email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return "contains_email";
  return null;
}
