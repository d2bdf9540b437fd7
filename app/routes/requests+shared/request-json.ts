import type { getVendorRequest } from "~/models/vendor-requests.server";

type View = NonNullable<Awaited<ReturnType<typeof getVendorRequest>>>;

/** The request as the API answers it: the same facts and history the page shows. */
export function vendorRequestJson({ request: r, steps, viewer }: View) {
  return {
    id: r.id,
    url: `/requests/${r.id}`,
    viewer,
    vendor: { id: r.vendorId, name: r.vendorName },
    buyer: { id: r.buyerId, name: r.buyerName, hasCommercialContact: r.buyerContactId !== null },
    addressedTo: r.addressedTo,
    type: r.type,
    topic: r.topic,
    subject: r.subject,
    body: r.body,
    event: r.eventId ? { id: r.eventId, title: r.eventTitle } : null,
    contract: r.contractId ? { id: r.contractId, title: r.contractTitle } : null,
    status: r.status,
    owner: r.ownerId ? { id: r.ownerId, name: r.ownerName } : null,
    decisionMakerRole: r.decisionMakerRole,
    decisionMandate: r.decisionMandate,
    dueOn: r.dueOn,
    answer: r.answer,
    declineReason: r.declineReason,
    closedAt: r.closedAt,
    referrals: r.referrals,
    createdAt: r.createdAt,
    history: steps.map((s) => ({ kind: s.kind, at: s.at, by: s.byName, organisation: s.organisationName, toOrganisation: s.toOrganisationName, toPerson: s.toUserName, reason: s.reason })),
  };
}
