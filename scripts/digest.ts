import { sendDailyDigests } from "@/lib/webhooks/deliver";
import { printLine, runCli } from "./cli";

// npm run digest
// Sends today's purge digest to every workspace's webhook that has not had it yet, as the
// server's scheduled job does after each purge: for installations that purge from cron
// (PURGE_INTERVAL_MINUTES=0). The day is claimed in the database, so running it beside the
// server or another cron sends each digest once. Prints one JSON line per digest sent.
await runCli(async () => {
  const sent = await sendDailyDigests(new Date());
  for (const d of sent) printLine({ id: d.id, status: d.status, records: d.recordCount, attempts: d.attempts.length });
  if (sent.some((d) => d.status === "FAILED")) process.exitCode = 1;
});
