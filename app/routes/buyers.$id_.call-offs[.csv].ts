import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "@db/db.server";
import { buyerCallOffRows } from "~/domain/buyer-call-offs";
import { csvDocument } from "~/domain/csv";
import { fixedT } from "~/i18n/i18n";
import { getLanguage } from "~/i18n/language.server";
import { listBuyerCallOffContracts } from "~/models/contract-reads.server";
import { getScorecardBuyer } from "~/models/scorecard.server";
import { csvResponse, notFoundUnless } from "~/http/responses.server";

// GET /buyers/{slug or id}/call-offs.csv — a buyer's call-offs as open data (issue 15): one row
// per contract and recorded quarter, with the vendor's verdict (confirmed / disputed / not
// answered) and never the buyer's note or the vendor's account, which stay with the parties
// (/contracts/{id}/call-offs.csv). Public like the scorecard it belongs to, resolved as
// /buyers/{id} is, in the portal's one CSV form, without a Cache-Control of its own like
// /demand.csv (the headings follow the reader's language).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const buyer = notFoundUnless(await getScorecardBuyer(db(), params.id ?? ""));
  const language = await getLanguage(request);
  const t = fixedT(language, "contracts");
  const contracts = await listBuyerCallOffContracts(db(), buyer.id);
  const rows = buyerCallOffRows(contracts, {
    heading: (column) => t(`buyerCallOffsCsv.${column}`),
    type: (type) => t(`types.${type}`),
    response: (response) => t(`callOffs.states.${response ?? "none"}`),
  });
  return csvResponse(csvDocument(rows), `${t("buyerCallOffsCsv.filename")}-${buyer.slug}.csv`);
}
