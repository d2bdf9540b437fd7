import { describe, expect, it } from "vitest";
import { RemoveRoadmapEntrySchema, RoadmapEntrySchema, roadmapDateRequired } from "~/domain/roadmap";

describe("roadmap forms", () => {
  it("refuse a standard code with control characters, which PostgreSQL text cannot hold", () => {
    const removal = RemoveRoadmapEntrySchema.safeParse({ intent: "remove", standard: "a\u0000b" });
    expect(removal.success).toBe(false);
    expect(removal.error?.issues[0]?.message).toBe("invalid_choice");
    expect(RemoveRoadmapEntrySchema.safeParse({ intent: "remove", standard: "HL7-FHIR" }).success).toBe(true);
    const save = RoadmapEntrySchema.safeParse({ intent: "save", standard: "x\u0001", status: "implemented" });
    expect(save.success).toBe(false);
  });

  it("ask for a date when a standard is required or planned", () => {
    expect(roadmapDateRequired("implemented")).toBe(false);
    expect(roadmapDateRequired("required")).toBe(true);
    expect(roadmapDateRequired("planned")).toBe(true);
  });
});
