import { Readable } from "node:stream";
import { applyMigrations } from "@/lib/db/migrate";
import { closeDb, installDbHandle } from "@/lib/db/client";
import { importCsv } from "@/lib/imports/csv";
import { createTestDbHandle } from "@/test/ephemeral-db";
const rows = Number(process.argv[2] ?? 100000);
for (const url of [undefined, "postgresql://postgres@127.0.0.1:5432/test"]) {
  const handle = await createTestDbHandle(url);
  await applyMigrations(handle.runner);
  installDbHandle(handle);
  await handle.runner.exec(`INSERT INTO "Workspace"(id,name,slug) VALUES ('w','W','w'); INSERT INTO "User"(id,email,name,"passwordHash") VALUES ('u','u@x','U','x'); INSERT INTO "Membership"(id,"workspaceId","userId",role) VALUES ('m','w','u','ADMIN'); INSERT INTO "Entity"(id,"workspaceId",slug,name) VALUES ('e','w','leads','Leads')`);
  const actor = { userId: "u", workspaceId: "w", role: "ADMIN" as const, name: "U", email: "u@x", door: "CLI" as const };
  function* csv() {
    yield "name,phone,external_id,external_provider\n";
    for (let i = 0; i < rows; i += 1000) {
      let chunk = "";
      for (let j = i; j < Math.min(rows, i + 1000); j++) chunk += `"Imported, ${j}",+49 30 ${7000000 + j},imp-${j},bench\n`;
      yield chunk;
    }
  }
  const before = process.memoryUsage().rss;
  let peak = before;
  const probe = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  const t = performance.now();
  const r = await importCsv(actor, { entity: "leads", mode: "upsert" }, Readable.from(csv()), new Date());
  const ms = performance.now() - t;
  clearInterval(probe);
  console.log(url ? "postgresql" : "pglite", JSON.stringify({ created: r.created, failed: r.failed.length, ms: Math.round(ms), per_s: Math.round(rows / (ms / 1000)), rss_delta_mb: Math.round((peak - before) / 1048576) }));
  await closeDb();
}
