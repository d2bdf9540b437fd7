import type { Db } from "@db/client";
import { contractTasks, type ContractTask } from "~/domain/contract-tasks";
import { osloDate } from "~/domain/zoned-time";
import { listLiveContracts, type ContractView } from "./contract-reads.server";
import { emailAdmins } from "./memberships.server";

// Reminders of the contract tasks (app/domain/contract-tasks.ts): one e-mail per organisation
// and round, to its admins, listing each task that has appeared or has passed its date since
// the last round. Each task is claimed per stage in contract_reminders in the transaction that
// queues the e-mail, so two rounds, or two processes, never remind of the same thing twice.

/** At most this many tasks are written out in one e-mail; the rest are counted and linked. */
export const REMINDER_TASKS_SHOWN = 20;

const taskKey = (task: ContractTask) => `${task.kind}:${task.kind === "decide_option" ? task.number : task.quarter}`;

interface PartyTask {
  contract: ContractView;
  task: ContractTask;
}

/** Every task of every live contract, grouped by the organisation it falls to. */
function tasksByOrganisation(contracts: readonly ContractView[], today: string): Map<string, { name: string; tasks: PartyTask[] }> {
  const byOrganisation = new Map<string, { name: string; tasks: PartyTask[] }>();
  const add = (organisation: { id: string; name: string }, contract: ContractView, tasks: ContractTask[]) => {
    if (!tasks.length) return;
    const entry = byOrganisation.get(organisation.id) ?? { name: organisation.name, tasks: [] };
    entry.tasks.push(...tasks.map((task) => ({ contract, task })));
    byOrganisation.set(organisation.id, entry);
  };
  for (const contract of contracts) {
    add(contract.buyer, contract, contractTasks(contract, "buyer", today));
    for (const vendor of contract.vendors) add(vendor, contract, contractTasks(contract, "vendor", today));
  }
  return byOrganisation;
}

/** Queues the reminders due at `now`; returns how many organisations were reminded. */
export async function sendContractReminders(db: Db, now: Date, baseUrl: string): Promise<number> {
  const today = osloDate(now);
  const byOrganisation = tasksByOrganisation(await listLiveContracts(db, { now }), today);
  let reminded = 0;
  for (const [organisationId, { name, tasks }] of byOrganisation) {
    const sent = await db.transaction().execute(async (trx) => {
      const fresh: PartyTask[] = [];
      for (const item of tasks) {
        const claimed = await trx
          .insertInto("contractReminders")
          .values({ contractId: item.contract.id, organisationId, task: taskKey(item.task), stage: item.task.overdue ? "overdue" : "due" })
          .onConflict((oc) => oc.doNothing())
          .returning("task")
          .executeTakeFirst();
        if (claimed) fresh.push(item);
      }
      if (!fresh.length) return false;
      fresh.sort((a, b) => a.task.due.localeCompare(b.task.due));
      await emailAdmins(trx, organisationId, (admin) => ({
        template: "contract-tasks",
        data: {
          name: admin.name,
          organisationName: name,
          tasks: fresh.slice(0, REMINDER_TASKS_SHOWN).map(({ contract, task }) => ({ ...task, contractTitle: contract.title, url: `${baseUrl}/contracts/${contract.id}` })),
          more: Math.max(0, fresh.length - REMINDER_TASKS_SHOWN),
          url: `${baseUrl}/workspace/contracts`,
        },
      }));
      return true;
    });
    if (sent) reminded++;
  }
  return reminded;
}
