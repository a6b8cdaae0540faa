import { createDbHandle } from "@/lib/db/client";
import { describeTarget, isDefaultEmbedded, resolveDatabaseTarget } from "@/lib/db/config";
import { applyMigrations } from "@/lib/db/migrate";
import type { Logger } from "pino";
import { log } from "@/lib/ops/logger";
import { isDatabaseEmpty, seedDemo } from "@/prisma/seed/demo";

/** Migrations, then demo data when the database is empty. Run before the server, never beside it. */
export async function prepareDatabase(logger: Logger = log("prepare-db")): Promise<void> {
  const target = resolveDatabaseTarget();
  logger.info(`Database: ${describeTarget(target)}`);
  const handle = createDbHandle(target);
  try {
    const ran = await applyMigrations(handle.runner);
    logger.info({ applied: ran }, ran.length ? `Applied migrations: ${ran.join(", ")}` : "Migrations: up to date");
    const decision = demoSeedDecision();
    if (await isDatabaseEmpty(handle.client)) {
      if (!decision.seed) {
        logger.info(
          `Empty database: no demo data (${decision.reason}). Set SEED_DEMO=1 to seed demo users with a known password.\n` +
            "Create the first owner at /setup once the server is up (the setup code is printed then), or with npm run user -- create.",
        );
        return;
      }
      logger.warn(
        "*** DEMO DATA *** " +
          `Seeding demo users with a known password (DEMO_PASSWORD, or the README's default) (${decision.reason}). ` +
          "Anyone who can reach this server can sign in as them. Never do this on a database that holds real data.",
      );
      const started = Date.now();
      const recordCount = process.env.DEMO_RECORDS ? Number(process.env.DEMO_RECORDS) : undefined;
      await seedDemo(handle.client, { password: process.env.DEMO_PASSWORD, recordCount });
      logger.info(
        { durationMs: Date.now() - started },
        `Seeded demo data in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    }
  } finally {
    await handle.close();
  }
}

/**
 * Demo users have a known password, so they are seeded only into the embedded database in its
 * default folder, or when SEED_DEMO=1 says so explicitly (SEED_DEMO=0 turns it off everywhere).
 */
export function demoSeedDecision(env: Record<string, string | undefined> = process.env): {
  seed: boolean;
  reason: string;
} {
  if (env.SEED_DEMO === "1") return { seed: true, reason: "SEED_DEMO=1" };
  if (env.SEED_DEMO === "0") return { seed: false, reason: "SEED_DEMO=0" };
  if (isDefaultEmbedded(env)) return { seed: true, reason: "the default embedded database" };
  return { seed: false, reason: "DATABASE_URL or PGLITE_DATA_DIR is set and SEED_DEMO is not 1" };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  prepareDatabase().catch((error: Error) => {
    log("prepare-db").error({ err: error }, error.message);
    process.exit(1);
  });
}
