import type { SqlRunner } from "./sql-runner";

/** Empties every application table (tests between cases, a forced re-seed). */
export async function truncateAll(runner: SqlRunner): Promise<void> {
  const tables = await runner.rows<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
  );
  if (tables.length === 0) return;
  await runner.exec(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} CASCADE`);
}
