// Norwegian organisation numbers (Enhetsregisteret): 9 digits, the last a
// mod-11 check digit over the first 8 with weights 3 2 7 6 5 4 3 2.
const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

export type OrgNumberProblem = "format" | "check_digit";

/** The check digit for the first 8 digits, or null when no valid digit exists. */
export function orgNumberCheckDigit(first8: string): number | null {
  if (!/^\d{8}$/.test(first8)) return null;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first8[i]), 0);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

/** Strips the spaces people type ("974 760 673") and checks the number. */
export function checkOrgNumber(input: string): { ok: true; value: string } | { ok: false; problem: OrgNumberProblem } {
  const value = input.replace(/[\s\u00a0]/g, "");
  if (!/^\d{9}$/.test(value)) return { ok: false, problem: "format" };
  const expected = orgNumberCheckDigit(value.slice(0, 8));
  if (expected === null || expected !== Number(value[8])) return { ok: false, problem: "check_digit" };
  return { ok: true, value };
}

export function isValidOrgNumber(input: string): boolean {
  return checkOrgNumber(input).ok;
}

/** "974760673" → "974 760 673", as Brønnøysundregistrene prints it. */
export function formatOrgNumber(value: string): string {
  return /^\d{9}$/.test(value) ? `${value.slice(0, 3)} ${value.slice(3, 6)} ${value.slice(6)}` : value;
}
