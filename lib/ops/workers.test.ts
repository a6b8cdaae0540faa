import { describe, expect, it } from "vitest";
import { runsScheduledJobs } from "./worker-slot";
import { workerCount } from "./workers";

const postgres = { kind: "postgres", url: "postgresql://db/crm", schema: "public" } as const;
const pglite = { kind: "pglite", dataDir: "/var/lib/crm" } as const;

describe("workerCount (WEB_CONCURRENCY)", () => {
  it("is one process unless asked", () => {
    expect(workerCount({}, postgres)).toEqual({ ok: true, count: 1 });
    expect(workerCount({ WEB_CONCURRENCY: " " }, postgres)).toEqual({ ok: true, count: 1 });
  });

  it("takes a count, or one per core for auto", () => {
    expect(workerCount({ WEB_CONCURRENCY: "3" }, postgres)).toEqual({ ok: true, count: 3 });
    expect(workerCount({ WEB_CONCURRENCY: "auto" }, postgres, 4)).toEqual({ ok: true, count: 4 });
    expect(workerCount({ WEB_CONCURRENCY: "256" }, postgres)).toEqual({ ok: true, count: 256 });
  });

  it.each(["0", "-1", "1.5", "two", "1e2", "257", "0x2", "02"])("refuses %j with what it accepts", (given) => {
    expect(workerCount({ WEB_CONCURRENCY: given }, postgres)).toEqual({
      ok: false,
      message: `WEB_CONCURRENCY must be a whole number from 1 to 256, or "auto"; it is "${given}".`,
    });
  });

  it("keeps the embedded database to one process, and says why", () => {
    const counted = workerCount({ WEB_CONCURRENCY: "auto" }, pglite, 2);
    expect(counted).toMatchObject({ ok: true, count: 1 });
    expect(counted.ok && counted.note).toMatch(/needs PostgreSQL/);
    expect(workerCount({ WEB_CONCURRENCY: "1" }, pglite)).toEqual({ ok: true, count: 1 });
  });
});

describe("runsScheduledJobs", () => {
  it("is the one server, or worker slot 0 alone", () => {
    expect(runsScheduledJobs({})).toBe(true);
    expect(runsScheduledJobs({ CRM_WORKER_SLOT: "0" })).toBe(true);
    expect(runsScheduledJobs({ CRM_WORKER_SLOT: "1" })).toBe(false);
  });
});
