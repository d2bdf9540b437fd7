import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "@db/db.server";
import { forbidden, requireVerifiedUser } from "~/auth/guards.server";
import { getLanguage } from "~/i18n/language.server";
import { fixedT } from "~/i18n/i18n";
import { callOffsCsv, getContractForViewer } from "~/models/contract-reads.server";
import { csvResponse, notFoundUnless } from "~/http/responses.server";

// GET /contracts/{id}/call-offs.csv — a contract's call-offs for a spreadsheet (issue 15), with
// the buyer's notes and the vendor's accounts: for members of its parties only. The figures
// without the texts are public on the contract page and in GET /api/v1/contracts/{id}.
export async function loader(args: LoaderFunctionArgs) {
  const user = requireVerifiedUser(args);
  const { contract, party } = notFoundUnless(await getContractForViewer(db(), args.params.contractId ?? "", user.id));
  if (!party) forbidden(args.request);
  const language = await getLanguage(args.request);
  const filename = `${fixedT(language, "contracts")("callOffsCsv.filename")}-${contract.id}.csv`;
  return csvResponse(await callOffsCsv(db(), contract, language), filename, { cacheControl: "private, no-store" });
}
