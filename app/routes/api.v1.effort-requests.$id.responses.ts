import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { db } from "@db/db.server";
import { apiRequestResponses } from "~/models/effort-request-responses.server";
import { responsesApiAction, responsesApiLoader } from "./+shared/event-responses/responses-api.server";

// GET /api/v1/effort-requests/{id}/responses — the buyer's members: every submitted response
// (business secrets for the request's team only, each read logged); a vendor the request was sent
// to: its own, drafts too; anyone else 404 (the request is not public).
export const loader = (args: LoaderFunctionArgs) => responsesApiLoader(args, (user) => apiRequestResponses(db(), user, args.params.id ?? ""));

// POST /api/v1/effort-requests/{id}/responses — a vendor the request was sent to (or its
// `organisationId`) saves its draft or submits it (`submit`), before the deadline: 201 with the version.
// An effort request has no questionnaire (ADR 0036): free text and documents.
export function action(args: ActionFunctionArgs) {
  const id = args.params.id ?? "";
  return responsesApiAction(args, { kind: "effort_request", id }, async () => [], `/effort-requests/${id}/response`);
}
