import { createDbHandle } from "@/lib/db/client";
import { describeTarget, resolveDatabaseTarget } from "@/lib/db/config";
import { applyMigrations } from "@/lib/db/migrate";
import { isDatabaseEmpty, seedDemo } from "@/prisma/seed/demo";

/** Migrations, then demo data when the database is empty. Run before the server, never beside it. */
export async function prepareDatabase(): Promise<void> {
  const target = resolveDatabaseTarget();
  console.log(`Database: ${describeTarget(target)}`);
  const handle = createDbHandle(target);
  try {
    const ran = await applyMigrations(handle.runner);
    console.log(ran.length ? `Applied migrations: ${ran.join(", ")}` : "Migrations: up to date");
    if (await isDatabaseEmpty(handle.client)) {
      const started = Date.now();
      const recordCount = process.env.DEMO_RECORDS ? Number(process.env.DEMO_RECORDS) : undefined;
      await seedDemo(handle.client, { password: process.env.DEMO_PASSWORD, recordCount });
      console.log(`Seeded demo data in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await handle.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  prepareDatabase().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
