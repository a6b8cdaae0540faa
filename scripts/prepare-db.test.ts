import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { Writable } from "node:stream";
import { createLogger } from "@/lib/ops/logger";
import { demoSignIn, DEMO_OWNER_EMAIL } from "@/lib/auth/demo";
import { DEMO_USERS } from "@/prisma/seed/demo";
import { onPostgres, withTestDatabase } from "@/test/db";
import { demoSeedDecision, prepareDatabase } from "./prepare-db";

const test = withTestDatabase();

/** A logger at info level whose lines this test reads. */
function captureLog() {
  let written = "";
  const sink = new Writable({
    write(chunk, _encoding, done) {
      written += String(chunk);
      done();
    },
  });
  return { logger: createLogger({ LOG_LEVEL: "info" }, sink), written: () => written };
}
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("#12 demo data only on the embedded default database or with SEED_DEMO=1", () => {
  it("#12 decides: default embedded yes; PostgreSQL, another folder, or SEED_DEMO=0 no; SEED_DEMO=1 yes anywhere", () => {
    expect(demoSeedDecision({})).toMatchObject({ seed: true });
    expect(demoSeedDecision({ DATABASE_URL: "postgresql://u@h/db" })).toMatchObject({ seed: false });
    expect(demoSeedDecision({ DATABASE_URL: "file:/srv/crm" })).toMatchObject({ seed: false });
    expect(demoSeedDecision({ PGLITE_DATA_DIR: "/srv/crm" })).toMatchObject({ seed: false });
    expect(demoSeedDecision({ SEED_DEMO: "0" })).toMatchObject({ seed: false });
    expect(demoSeedDecision({ DATABASE_URL: "postgresql://u@h/db", SEED_DEMO: "1" })).toMatchObject({
      seed: true,
      reason: "SEED_DEMO=1",
    });
  });

  it.runIf(onPostgres)(
    "#12 npm start's prepare step leaves an empty PostgreSQL empty, and says how to seed",
    async () => {
      vi.stubEnv("DATABASE_URL", test.databaseUrl());
      vi.stubEnv("SEED_DEMO", "");
      const log = captureLog();
      await prepareDatabase(log.logger);
      expect(await db().user.count()).toBe(0);
      expect(log.written()).toMatch(/no demo data .*SEED_DEMO=1/);
    },
  );

  it.runIf(!onPostgres)(
    "#12 npm start's prepare step leaves an empty embedded database in another folder empty",
    async () => {
      const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "crm-seed-")), "pglite");
      vi.stubEnv("DATABASE_URL", `file:${dir}`);
      vi.stubEnv("SEED_DEMO", "");
      const log = captureLog();
      await prepareDatabase(log.logger);
      expect(log.written()).toMatch(/Empty database: no demo data/);
    },
  );

  it("#12 the login page shows demo credentials only when demo data was seeded", async () => {
    expect(DEMO_USERS.map((u) => u.email)).toContain(DEMO_OWNER_EMAIL);
    expect(await demoSignIn()).toBeNull();
    await db().user.create({ data: { email: DEMO_OWNER_EMAIL, name: "Demo", passwordHash: "x" } });
    vi.stubEnv("DEMO_PASSWORD", "");
    expect(await demoSignIn()).toEqual({ email: DEMO_OWNER_EMAIL, password: "demo-password" });
    vi.stubEnv("DEMO_PASSWORD", "chosen");
    expect(await demoSignIn()).toEqual({ email: DEMO_OWNER_EMAIL, password: null });
  });
});
