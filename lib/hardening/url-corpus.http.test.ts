import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { createApiKey } from "@/lib/api-keys/manage";
import { createSegment } from "@/lib/segments/create";
import { softDeleteRecords } from "@/lib/trash/delete";
import { apiClient } from "@/test/api-client";
import { onPostgres, withTestDatabase } from "@/test/db";
import { makeRecord, makeWorkspace, NOW, TEST_PASSWORD } from "@/test/fixtures";
import { BAD_ENCODINGS, REDIRECT_SHAPES } from "@/test/hostile-urls";
import { signInCookie, startServer, type RunningServer } from "@/test/server";

// The hostile URL corpus (issue 26's "Done when") over HTTP against the production server: every
// page with every query parameter it reads, and every REST endpoint with every path and query
// parameter it declares, get malformed percent-encoding, an encoded NUL and the open-redirect
// shapes, and bad encodings as extra path segments. Not one answer may be a 5xx.
process.env.API_KEY_ENCRYPTION_KEY ??= "http-test-api-key-encryption";

/** Each page, and the query parameters its page component reads. */
const PAGES: [path: string, params: string[]][] = [
  ["/records", []],
  ["/records/leads", ["q", "cursor", "dir"]],
  ["/records/leads/{record}", []],
  ["/trash", ["scope", "entity", "deletedBy", "expiring", "q", "batch", "from", "to", "sort", "cursor", "dir"]],
  ["/trash/{trashed}", []],
  ["/segments", ["entity", "new", "q"]],
  ["/segments/{segment}", ["cursor", "dir"]],
  ["/automations", []],
  ["/audit", ["actor", "action", "door", "from", "to", "q", "cursor", "dir"]],
  ["/settings", []],
  ["/settings/members", []],
  ["/settings/api-keys", []],
  ["/settings/api", []],
  ["/settings/webhooks", []],
  ["/settings/fields", ["entity"]],
  ["/account", []],
  ["/login", ["callbackUrl", "error"]],
];

/** What goes into each parameter: the raw (already encoded) text of the query value. */
const HOSTILE_QUERY_VALUES = [
  ...BAD_ENCODINGS,
  "a%00b",
  ...REDIRECT_SHAPES.map(encodeURIComponent),
  ...REDIRECT_SHAPES,
];

const keysOf = (schema: z.ZodType | undefined) =>
  schema && "shape" in schema ? Object.keys((schema as z.ZodObject).shape) : [];

describe.runIf(onPostgres)("the hostile URL corpus over every page and every API endpoint", () => {
  const test = withTestDatabase();
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ databaseUrl: test.databaseUrl() });
  }, 90_000);
  afterAll(() => server?.stop());

  async function world() {
    const ws = await makeWorkspace();
    const record = await makeRecord(ws, { name: "Live one" });
    const trashed = await makeRecord(ws, { name: "Trashed one" });
    await softDeleteRecords(ws.actors.owner, { ids: [trashed.id] }, NOW);
    const { segmentId } = await createSegment(
      ws.actors.owner,
      { name: "Corpus", entity: "leads", filter: { conditions: [{ field: "name", op: "contains", value: "one" }] } },
      NOW,
    );
    const ids: Record<string, string> = { record: record.id, trashed: trashed.id, segment: segmentId };
    const fill = (path: string) => path.replace(/\{(\w+)\}/g, (_m, name: string) => ids[name] ?? name);
    return { ws, fill };
  }

  it("pages: every query parameter and a trailing path segment, hostile, as the OWNER — never a 5xx", async () => {
    const { ws, fill } = await world();
    const cookie = await signInCookie(server.url, ws.actors.owner.email, TEST_PASSWORD);
    const urls: string[] = [];
    for (const [template, params] of PAGES) {
      const path = fill(template);
      for (const param of params) for (const value of HOSTILE_QUERY_VALUES) urls.push(`${path}?${param}=${value}`);
      for (const bad of BAD_ENCODINGS) urls.push(`${path}/${bad}`);
      // A NUL in every parameter at once, and in one the page does not read.
      urls.push(`${path}?${[...params, "unknown"].map((p) => `${p}=%00`).join("&")}`);
    }
    const failures: string[] = [];
    for (const url of urls) {
      const response = await fetch(`${server.url}${url}`, { headers: { cookie }, redirect: "manual" });
      await response.arrayBuffer();
      if (response.status >= 500) failures.push(`${response.status} ${url}`);
    }
    expect(urls.length).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  }, 600_000);

  it("REST API: every path and query parameter of every endpoint, hostile, with a valid key — never a 5xx", async () => {
    const { ws } = await world();
    const key = await createApiKey(ws.actors.owner, { name: "Corpus key" }, new Date());
    const call = apiClient(server.url, key);
    const failures: string[] = [];
    let calls = 0;
    for (const { spec } of API_ENDPOINTS) {
      const pathParams = keysOf(spec.params);
      const queryParams = keysOf(spec.query);
      const valid = spec.path.replace(/\{(\w+)\}/g, "x");
      const paths: string[] = [];
      for (const param of pathParams)
        for (const bad of BAD_ENCODINGS) paths.push(spec.path.replace(`{${param}}`, bad).replace(/\{(\w+)\}/g, "x"));
      for (const param of queryParams)
        for (const value of HOSTILE_QUERY_VALUES) paths.push(`${valid}?${param}=${value}`);
      for (const bad of BAD_ENCODINGS) paths.push(`${valid}/${bad}`, `${valid}?unknown=${bad}`);
      for (const path of paths) {
        calls++;
        const answer = await call(spec.method, path, spec.body ? { body: {} } : {});
        if (answer.status >= 500) failures.push(`${answer.status} ${spec.method} ${path}: ${answer.text.slice(0, 80)}`);
      }
    }
    expect(calls).toBeGreaterThan(200);
    expect(failures).toEqual([]);
  }, 600_000);
});
