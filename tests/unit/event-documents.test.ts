import { describe, expect, it } from "vitest";
import { EventDocumentSchema, documentAmendment, documentVersionProblems } from "~/domain/event-documents";
import { formatFileSize } from "~/i18n/format";

describe("event documents", () => {
  it("asks a new version, and only a new version, to say what changed", () => {
    expect(documentVersionProblems({ changeNote: null })).toEqual([]);
    expect(documentVersionProblems({ replaces: "9b1f0a52-7c0e-4c55-9d59-0d7b7a1f0c11", changeNote: " \u200b" })).toEqual([{ path: "changeNote", code: "change_note_required" }]);
    expect(documentVersionProblems({ replaces: "9b1f0a52-7c0e-4c55-9d59-0d7b7a1f0c11", changeNote: "Nytt spørsmål" })).toEqual([]);
  });

  it("names the change by the document's kind, with the versions before and after", () => {
    expect(documentAmendment("minutes", { title: "Referat", version: 1, fileName: "a.pdf" }, { title: "Referat", version: 2, fileName: "b.pdf" })).toEqual({
      field: "documents.minutes",
      before: "Referat · v1 · a.pdf",
      after: "Referat · v2 · b.pdf",
    });
  });

  it("takes a kind from the list, a visible title and an optional note", () => {
    expect(EventDocumentSchema.safeParse({ documentType: "questionnaire", title: "Skjema", changeNote: "" }).data).toEqual({ documentType: "questionnaire", title: "Skjema", changeNote: null });
    const bad = EventDocumentSchema.safeParse({ documentType: "exe", title: "\u200b", replaces: "../x" });
    expect(bad.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["documentType", "invalid_choice"],
      ["title", "required"],
      ["replaces", "invalid_value"],
    ]);
  });

  it("shows a file's size as people read it", () => {
    expect(formatFileSize(812, "nb")).toBe("812 B");
    expect(formatFileSize(34 * 1024, "en")).toBe("34 kB");
    expect(formatFileSize(2.44 * 1024 * 1024, "nb")).toBe("2,4 MB");
  });
});
