// Loaded into the portal's process by the bench (`node --import tsx --import ./bench/gc-probe.ts
// server.ts`); nothing else loads it. It answers the bench, over the IPC channel the bench
// opened, with two running totals of this process:
//
// - `gcMs`: the summed duration of V8's garbage collections, from the 'gc' performance
//   entries Node reports (PerformanceObserver, entryTypes ['gc']). Each entry is a collection's
//   pause on the main thread, i.e. time the event loop could not serve a request.
// - `cpuMs`: user + system CPU time of the whole process (process.cpuUsage()).
//
// The bench takes both before and after a measured URL; gcMs / cpuMs of the difference is the
// GC share of the portal's CPU for that URL. It is a lower bound: V8 also marks and sweeps
// concurrently on helper threads, which counts in cpuMs but not in the pauses.
import { PerformanceObserver } from "node:perf_hooks";

let gcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
}).observe({ entryTypes: ["gc"] });

if (process.send) {
  process.on("message", (message) => {
    if (message !== "gc-probe") return;
    const cpu = process.cpuUsage();
    process.send?.({ gcProbe: { gcMs, cpuMs: (cpu.user + cpu.system) / 1000 } });
  });
  // The channel must not keep the portal alive when it is told to stop.
  process.channel?.unref();
}
