import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateOnBlur } from "~/components/forms/validation";

// Issue 14: the first click on "save new password" was lost. A field checked on blur was
// checked again on the blur the click causes, its message vanished, the button moved up
// under the pointer. Conform revalidates when it first validated unless told otherwise
// (shouldRevalidate defaults to shouldValidate), so every form that checks on blur must
// revalidate on input: the one setting, validateOnBlur, spread into useForm.

const APP = path.resolve(__dirname, "../../app");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("when forms check their fields in the browser", () => {
  it("the shared setting revalidates on input, never on blur", () => {
    expect(validateOnBlur).toEqual({ shouldValidate: "onBlur", shouldRevalidate: "onInput" });
  });

  it("no form sets its own blur validation or revalidation; each uses validateOnBlur", () => {
    const own = sources(APP)
      .filter((file) => !file.endsWith(path.join("forms", "validation.ts")))
      .flatMap((file) =>
        readFileSync(file, "utf8")
          .split("\n")
          .map((line, i) => ({ at: `${path.relative(APP, file)}:${i + 1}`, line }))
          .filter(({ line }) => /should(Re)?[vV]alidate\s*:\s*["']onBlur["']/.test(line)),
      )
      .map(({ at }) => at);
    expect(own).toEqual([]);
  });
});
