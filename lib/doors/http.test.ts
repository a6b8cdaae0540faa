import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onPostgres, withTestDatabase } from "@/test/db";
import { makeRecords, makeWorkspace, TEST_PASSWORD } from "@/test/fixtures";
import { signInCookie, startServer, type RunningServer } from "@/test/server";

// Over HTTP against the production build, on this file's own PostgreSQL schema (the embedded
// database belongs to one process, so the server and the test cannot share it).
describe.runIf(onPostgres)("the dashboard's JSON routes over HTTP", () => {
  const db = withTestDatabase();
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ databaseUrl: db.databaseUrl() });
  }, 90_000);
  afterAll(() => server?.stop());

  it("answer JSON: 401 without a session, the page with one, 400 naming the field for a bad cursor", async () => {
    const ws = await makeWorkspace();
    await makeRecords(ws, 3);
    const anonymous = await fetch(`${server.url}/api/app/records?entity=leads`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });

    const cookie = await signInCookie(server.url, ws.actors.member.email, TEST_PASSWORD);
    const page = await fetch(`${server.url}/api/app/records?entity=leads`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect((await page.json()).items).toHaveLength(3);

    const bad = await fetch(`${server.url}/api/app/records?entity=leads&cursor=garbage`, { headers: { cookie } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "VALIDATION", field: "cursor" } });
  });
});
