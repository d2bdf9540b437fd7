import { openDatabase } from "./db/client";
import { listInteractions } from "./app/models/interaction-reads.server";
import { listInteractions as oldList } from "./app/models/old-reads.tmp.server";
const h = openDatabase({ dataDir: process.argv[2] });
const org = "f883e2be-7c09-4b56-b1fd-fbc00e00d001", cp = "3e4794e6-5aca-411c-885c-169745129b51";
const tn: number[] = [], to: number[] = [];
for (let i = 0; i < 12; i++) {
  let t = performance.now(); await listInteractions(h.db, org, { counterpartId: cp, limit: 50 }); tn.push(performance.now() - t);
  t = performance.now(); await oldList(h.db, org, { counterpartId: cp, limit: 50 }); to.push(performance.now() - t);
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!.toFixed(1);
console.log("new median", med(tn), "old median", med(to));
await h.close();
