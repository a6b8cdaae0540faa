import { createApiKey } from "@/lib/api-keys/manage";
import { restoreRecords } from "@/lib/trash/restore";
import { apiClient } from "@/test/api-client";
import { unmeasurableBuild } from "@/scripts/build-state";
import { startServer } from "@/test/server";
import { BENCH_ADMIN } from "./seed";
import { liveLeads, sample, stats, time, type ScenarioResult } from "./stats";

/**
 * http_bulk_delete_1000: one signed REST call (POST /crm-core/v1/records/bulk/delete with 1000
 * ids) through `next start` on the production build, pointed at the bench's own PostgreSQL
 * schema: HMAC check, nonce, parsing, the domain call and the JSON answer, end to end. Each
 * round's records are restored afterwards, untimed. Returns a line saying why when it cannot run.
 */
export async function httpBulkDelete(databaseUrl: string, n: number): Promise<ScenarioResult | string> {
  const unmeasurable = unmeasurableBuild();
  if (unmeasurable) return `skipped: ${unmeasurable}`;
  // The bench and the server must share the key that encrypts API secrets.
  process.env.API_KEY_ENCRYPTION_KEY ??= "bench-only-api-key-encryption";
  const admin = BENCH_ADMIN;
  const key = await createApiKey(admin, { name: "Bench" }, new Date());
  const server = await startServer({ databaseUrl });
  try {
    const call = apiClient(server.url, key);
    const xs = await sample(8, async (r) => {
      const ids = liveLeads(n, 1 + (((r + 2) * 7300 + 1100) % n), 1000);
      const took = await time(async () => {
        const answer = await call("POST", "/crm-core/v1/records/bulk/delete", { body: { recordIds: ids } });
        if (answer.body?.deletedCount !== ids.length)
          throw new Error(`http_bulk_delete_1000: ${answer.status} ${answer.text.slice(0, 200)}`);
      });
      await restoreRecords(admin, { ids }, new Date());
      return took;
    });
    return { ...stats(xs), rows: 1000 };
  } finally {
    await server.stop();
  }
}
