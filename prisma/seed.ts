import { createDbHandle } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/config";
import { applyMigrations } from "@/lib/db/migrate";
import { truncateAll } from "@/lib/db/truncate";
import { isDatabaseEmpty, seedDemo } from "./seed/demo";

// npm run db:seed [-- --force]: demo data; refuses a non-empty database unless forced,
// in which case every table is emptied first.
const force = process.argv.includes("--force");
const handle = createDbHandle(resolveDatabaseTarget());
try {
  await applyMigrations(handle.runner);
  if (!(await isDatabaseEmpty(handle.client))) {
    if (!force) {
      console.error(
        "The database already has data; the seed only fills an empty one. Run `npm run db:seed -- --force` to erase everything and seed again.",
      );
      process.exitCode = 1;
    } else {
      await truncateAll(handle.runner);
    }
  }
  if (process.exitCode !== 1) {
    const ids = await seedDemo(handle.client, {
      password: process.env.DEMO_PASSWORD,
      recordCount: process.env.DEMO_RECORDS ? Number(process.env.DEMO_RECORDS) : undefined,
    });
    console.log(JSON.stringify({ seeded: true, ...ids }));
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await handle.close();
}
