import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { createApiKey, type CreatedApiKey } from "@/lib/api-keys/manage";
import { db } from "@/lib/db/client";
import { softDeleteRecords } from "@/lib/trash/delete";
import { apiClient, type ApiAnswer, type CallOptions } from "@/test/api-client";
import { onPostgres, withTestDatabase } from "@/test/db";
import { declareFields, makeRecord, makeWorkspace, TEST_PASSWORD, type TestWorkspace } from "@/test/fixtures";
import { signInCookie, startServer, type RunningServer } from "@/test/server";

// Dialect B's bulk create and dialect C's insert, update and upsert over HTTP against the
// production build: per-record outcomes in request order, the duplicate rules, the limits, the
// workflow switch, and the refusals that change nothing.
process.env.API_KEY_ENCRYPTION_KEY ??= "http-test-api-key-encryption";

describe.runIf(onPostgres)("API writes of dialects B (Talkdesk) and C (Zoho) over HTTP", () => {
  const database = withTestDatabase();
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ databaseUrl: database.databaseUrl() });
  }, 90_000);
  afterAll(() => server?.stop());

  const keyFor = (actor: Actor, scopes?: CreatedApiKey["scopes"]) =>
    createApiKey(actor, { name: `${actor.role} key`, scopes }, new Date());

  /** A workspace whose leads declare two fields and one on-create automation, with a holder of a live and a trashed external id. */
  async function world() {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    await declareFields(ws, "leads", [
      { name: "status", label: "Status", type: "SELECT", options: ["New", "Qualified"] },
      { name: "score", label: "Score", type: "NUMBER" },
    ]);
    await db().automation.create({
      data: { workspaceId: ws.id, name: "Welcome", trigger: "RECORD_CREATED", entityId: ws.entities.leads },
    });
    const holder = await makeRecord(ws, { name: "Holder", externalProvider: "crm", externalId: "live-1" });
    const trashed = await makeRecord(ws, { name: "Trashed", externalProvider: "crm", externalId: "gone-1" });
    await softDeleteRecords(ws.actors.admin, { ids: [trashed.id] }, new Date());
    const key = await keyFor(ws.actors.member);
    const call = (method: string, path: string, options: CallOptions = {}) =>
      apiClient(server.url, key)(method, path, { authorization: `Bearer ${key.apiSecret}`, ...options });
    return { ws, other, key, call, holder, trashed };
  }

  const runs = (ws: TestWorkspace) => db().automationRun.count({ where: { workspaceId: ws.id } });
  const snapshot = async (ws: TestWorkspace) =>
    JSON.stringify(
      {
        records: await db().record.findMany({ where: { workspaceId: ws.id }, orderBy: { id: "asc" } }),
        runs: await runs(ws),
        audit: await db().auditLog.count({ where: { workspaceId: ws.id } }),
      },
      (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value),
    );

  /** The call is refused with `status` and changes nothing; its body is returned. */
  async function refused(ws: TestWorkspace, call: () => Promise<ApiAnswer>, status: number) {
    const before = await snapshot(ws);
    const answer = await call();
    expect(answer.status, answer.text).toBe(status);
    expect(answer.body, answer.text).toBeTypeOf("object");
    expect(await snapshot(ws)).toBe(before);
    return answer.body;
  }

  const byName = (ws: TestWorkspace, name: string) =>
    db().record.findFirstOrThrow({ where: { workspaceId: ws.id, name, deletedAt: null } });

  it("dialect B: POST /record-lists/{list}/records/bulk creates the valid records, lists each failing one by index with the field named, and fires on-create automations unless wf_trigger=false", async () => {
    const { ws, call } = await world();
    const body = [
      {
        name: "Ada",
        phone_number: "+44 20 7946 0018",
        external_provider: "crm",
        external_id: "a-1",
        extra_fields: { status: "new", score: 7 },
      },
      { name: "Twin", external_provider: "crm", external_id: "live-1" },
      { name: "Over the trash", external_provider: "crm", external_id: "gone-1" },
      { name: "Bad score", extra_fields: { score: "many" } },
      { name: "Unknown field", extra_fields: { vip: true } },
      { phone_number: "+1 555 000 1234" },
      { name: "Odd key", nickname: "x" },
      { name: 42 },
    ];
    const answer = await call("POST", "/record-lists/leads/records/bulk", { body });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({
      record_list_id: "leads",
      has_errors: true,
      total_created: 2,
      total_errors: 6,
      _links: { self: { href: "/record-lists/leads/records/bulk" }, record_list: { href: "/record-lists/leads" } },
    });
    expect(answer.body._embedded.failed_records).toEqual([
      { index: 1, code: "CONFLICT", description: expect.stringMatching(/^external_id: Already used by “Holder”/) },
      { index: 3, code: "BAD_REQUEST", description: expect.stringMatching(/^extra_fields\.score: Give a number/) },
      { index: 4, code: "BAD_REQUEST", description: 'extra_fields.vip: There is no field "vip"' },
      { index: 5, code: "BAD_REQUEST", description: "name: Give the record a name" },
      { index: 6, code: "BAD_REQUEST", description: 'nickname: There is no field "nickname"' },
      { index: 7, code: "BAD_REQUEST", description: expect.stringMatching(/^name: .*expected string/) },
    ]);
    const ada = await byName(ws, "Ada");
    const overTrash = await byName(ws, "Over the trash");
    expect(answer.body._embedded.created_records).toEqual(
      [ada, overTrash].map((r) => ({ id: r.id, _links: { self: { href: `/record-lists/leads/records/${r.id}` } } })),
    );
    expect(ada).toMatchObject({ phoneNumber: "+442079460018", attributes: { status: "New", score: 7 } });
    // The trashed holder keeps its external id; the new record holds the same one, live.
    expect(await db().record.count({ where: { workspaceId: ws.id, externalId: "gone-1" } })).toBe(2);
    expect(await runs(ws)).toBe(2);
    expect(await db().auditLog.findFirst({ where: { workspaceId: ws.id, action: "records.create" } })).toMatchObject({
      door: "API",
      apiKeyId: expect.any(String),
      targetIds: [ada.id, overTrash.id],
    });

    const quiet = await call("POST", `/record-lists/${ws.entities.leads}/records/bulk?wf_trigger=false`, {
      body: [{ name: "Quiet" }],
    });
    expect(quiet.body).toMatchObject({ has_errors: false, total_created: 1, total_errors: 0 });
    expect(await runs(ws)).toBe(2);
  });

  it("dialect B: more than 100 records, bad JSON, wrong shapes, another workspace's list, a viewer and a read-only key are refused in the dialect's shape, changing nothing", async () => {
    const { ws, other, key, call } = await world();
    const shape = { code: expect.any(String), message: expect.any(String), description: expect.any(String) };
    const post = (body: CallOptions) => () => call("POST", "/record-lists/leads/records/bulk", body);
    expect(
      await refused(ws, post({ body: Array.from({ length: 101 }, (_, i) => ({ name: `R${i}` })) }), 400),
    ).toMatchObject({ ...shape, code: "BAD_REQUEST", description: "At most 100 records per request" });
    expect(await refused(ws, post({ rawBody: '[{"name": "Ada"' }), 400)).toMatchObject({
      ...shape,
      description: expect.stringContaining("not valid JSON"),
    });
    expect(await refused(ws, post({ body: { name: "Not a list" } }), 400)).toMatchObject(shape);
    expect(await refused(ws, post({ body: [] }), 400)).toMatchObject(shape);
    expect(await refused(ws, post({ body: ["Ada"] }), 400)).toMatchObject({ fields: [{ name: "0" }] });
    expect(
      await refused(
        ws,
        () => call("POST", `/record-lists/${other.entities.leads}/records/bulk`, { body: [{ name: "Mine" }] }),
        404,
      ),
    ).toMatchObject({ ...shape, code: "NOT_FOUND" });
    expect(await db().record.count({ where: { workspaceId: other.id } })).toBe(0);

    const readOnly = await keyFor(ws.actors.member, ["records:read"]);
    expect(
      await refused(
        ws,
        () => apiClient(server.url, readOnly)("POST", "/record-lists/leads/records/bulk", { body: [{ name: "No" }] }),
        403,
      ),
    ).toMatchObject({ code: "FORBIDDEN", description: expect.stringContaining("records:write") });
    await db().membership.update({
      where: { workspaceId_userId: { workspaceId: ws.id, userId: ws.actors.member.userId } },
      data: { role: "VIEWER" },
    });
    expect(await refused(ws, post({ body: [{ name: "Viewer" }] }), 403)).toMatchObject({ code: "FORBIDDEN" });
    expect(key.scopes).toContain("records:write");
  });

  it("dialect C: POST /crm/v2/{module} inserts in Zoho's per-record shape, in request order: SUCCESS with numeric ids and times, MANDATORY_NOT_FOUND, INVALID_DATA, DUPLICATE_DATA with the holder's id; every record failing is a 400 with the same data", async () => {
    const { ws, call, holder } = await world();
    const zoho = (path: string, body: unknown) => call("POST", path, { body });
    const answer = await zoho("/crm/v2/Leads", {
      data: [
        {
          name: "Grace",
          phone_number: "+1 (555) 010-0001",
          external_provider: "crm",
          external_id: "sf-1",
          status: "Qualified",
          score: 9,
        },
        { phone_number: "+15550100002" },
        { name: "Wrong type", score: "lots" },
        { name: "Unknown field", vip: true },
        { name: "Duplicate", external_provider: "crm", external_id: "live-1" },
        { name: "Over the trash", external_provider: "crm", external_id: "gone-1" },
        { name: "No provider", external_id: "x-9" },
      ],
    });
    expect(answer.status, answer.text).toBe(201);
    const grace = await byName(ws, "Grace");
    expect(answer.text).toContain(`"id":${grace.recordNumber}`); // a JSON number, as Zoho's SDK expects
    const me = { id: expect.any(Number), name: ws.actors.member.name };
    const time = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    const error = (code: string, api_name: string, message: RegExp | string, id?: bigint) => ({
      code,
      details: { api_name, ...(id ? { id: Number(id) } : {}) },
      message: typeof message === "string" ? message : expect.stringMatching(message),
      status: "error",
    });
    expect(answer.body.data).toEqual([
      {
        code: "SUCCESS",
        details: {
          id: Number(grace.recordNumber),
          Created_Time: time,
          Modified_Time: time,
          Created_By: me,
          Modified_By: me,
        },
        message: "record added",
        status: "success",
      },
      error("MANDATORY_NOT_FOUND", "name", "name: Give the record a name"),
      error("INVALID_DATA", "score", /^score: Give a number/),
      error("INVALID_DATA", "vip", 'vip: There is no field "vip"'),
      error("DUPLICATE_DATA", "external_id", /^external_id: Already used by “Holder”/, holder.recordNumber),
      expect.objectContaining({ code: "SUCCESS", message: "record added" }),
      error("MANDATORY_NOT_FOUND", "external_provider", /^external_provider: /),
    ]);
    expect(answer.body.data[0].details.Created_By.id).toBe(answer.body.data[5].details.Modified_By.id);
    expect(grace).toMatchObject({ phoneNumber: "+15550100001", attributes: { status: "Qualified", score: 9 } });
    expect(await runs(ws)).toBe(2);

    const allFailed = await refused(
      ws,
      () => zoho("/crm/v2/leads", { data: [{ score: 1 }, { name: "X", vip: 1 }] }),
      400,
    );
    expect(allFailed.data.map((d: { code: string }) => d.code)).toEqual(["MANDATORY_NOT_FOUND", "INVALID_DATA"]);
  });

  it("dialect C: PUT /crm/v2/{module} updates by record number; unknown, foreign, other-module, trashed and non-numeric ids are INVALID_DATA, a missing id MANDATORY_NOT_FOUND; updates fire no on-create automation", async () => {
    const { ws, other, call, trashed } = await world();
    const grace = await makeRecord(ws, {
      name: "Grace",
      createdById: ws.actors.owner.userId,
      attributes: { status: "New", score: 3 },
    });
    const foreign = await makeRecord(other, { name: "Elsewhere" });
    const contact = await makeRecord(ws, { entityId: ws.entities.contacts, name: "A contact" });
    const answer = await call("PUT", "/crm/v2/LEADS", {
      body: {
        data: [
          { id: String(grace.recordNumber), score: 10, status: null }, // Zoho's SDK sends ids as strings
          { id: Number(foreign.recordNumber), name: "Mine?" },
          { id: Number(contact.recordNumber), name: "Wrong module" },
          { id: Number(trashed.recordNumber), name: "From the trash?" },
          { name: "No id" },
          { id: grace.id, name: "A string id" },
        ],
        trigger: ["workflow"],
      },
    });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.data[0]).toMatchObject({
      code: "SUCCESS",
      message: "record updated",
      details: {
        id: Number(grace.recordNumber),
        Created_By: { name: ws.actors.owner.name },
        Modified_By: { name: ws.actors.member.name },
      },
    });
    expect(answer.body.data.slice(1).map((d: { code: string; details: object }) => [d.code, d.details])).toEqual([
      ["INVALID_DATA", { api_name: "id", id: Number(foreign.recordNumber) }],
      ["INVALID_DATA", { api_name: "id", id: Number(contact.recordNumber) }],
      ["INVALID_DATA", { api_name: "id", id: Number(trashed.recordNumber) }],
      ["MANDATORY_NOT_FOUND", { api_name: "id" }],
      ["INVALID_DATA", { api_name: "id" }],
    ]);
    expect((await db().record.findUniqueOrThrow({ where: { id: grace.id } })).attributes).toEqual({ score: 10 });
    expect(await db().record.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({ name: "Elsewhere" });
    expect(await db().record.findUniqueOrThrow({ where: { id: contact.id } })).toMatchObject({ name: "A contact" });
    expect(await runs(ws)).toBe(0);
    expect(await db().auditLog.findFirst({ where: { workspaceId: ws.id, action: "records.update" } })).toMatchObject({
      door: "API",
      apiKeyId: expect.any(String),
      targetIds: [grace.id],
    });

    // Another workspace's record alone: every record failed, a 400 with the per-record data.
    const foreignOnly = await refused(
      ws,
      () => call("PUT", "/crm/v2/Leads", { body: { data: [{ id: Number(foreign.recordNumber), name: "Mine" }] } }),
      400,
    );
    expect(foreignOnly.data).toEqual([
      expect.objectContaining({ code: "INVALID_DATA", details: { api_name: "id", id: Number(foreign.recordNumber) } }),
    ]);
  });

  it("dialect C: POST /crm/v2/{module}/upsert updates the record its duplicate check field matches and inserts the rest, saying which", async () => {
    const { ws, call, trashed } = await world();
    const grace = await makeRecord(ws, {
      name: "Grace",
      phoneNumber: "+15550100001",
      externalProvider: "crm",
      externalId: "sf-1",
    });
    const answer = await call("POST", "/crm/v2/Leads/upsert", {
      body: {
        data: [
          { name: "Grace Hopper", external_provider: "crm", external_id: "sf-1", score: 11 },
          { name: "Brand new", external_provider: "crm", external_id: "sf-new" },
          { name: "Over the trash", external_provider: "crm", external_id: "gone-1" },
          { name: "No provider", external_id: "sf-x" },
        ],
      },
    });
    expect(answer.status, answer.text).toBe(201);
    expect(
      answer.body.data.map((d: { code: string; action?: string; duplicate_field?: string | null; message: string }) => [
        d.code,
        d.action,
        d.duplicate_field,
        d.message,
      ]),
    ).toEqual([
      ["SUCCESS", "update", "external_id", "record updated"],
      ["SUCCESS", "insert", null, "record added"],
      ["SUCCESS", "insert", null, "record added"],
      ["MANDATORY_NOT_FOUND", undefined, undefined, expect.stringMatching(/^external_provider: /)],
    ]);
    expect(answer.body.data[0].details.id).toBe(Number(grace.recordNumber));
    expect(await db().record.findUniqueOrThrow({ where: { id: grace.id } })).toMatchObject({
      name: "Grace Hopper",
      attributes: { score: 11 },
    });
    expect(await db().record.findUniqueOrThrow({ where: { id: trashed.id } })).toMatchObject({
      deletedAt: expect.any(Date),
    });
    expect(await runs(ws)).toBe(2); // the two inserts

    const byPhone = await call("POST", "/crm/v2/leads/upsert?wf_trigger=false", {
      body: {
        duplicate_check_fields: ["phone_number"],
        data: [{ name: "Grace by phone", phone_number: "+1 555 010 0001" }],
      },
    });
    expect(byPhone.body.data[0]).toMatchObject({
      action: "update",
      duplicate_field: "phone_number",
      details: { id: Number(grace.recordNumber) },
    });
    expect(await runs(ws)).toBe(2);
    expect(
      await refused(
        ws,
        () =>
          call("POST", "/crm/v2/Leads/upsert", { body: { duplicate_check_fields: ["email"], data: [{ name: "X" }] } }),
        400,
      ),
    ).toMatchObject({ code: "UNABLE_TO_PARSE_DATA_TYPE", details: { param_name: "duplicate_check_fields.0" } });
  });

  it('dialect C: "trigger": [] or wf_trigger=false means no on-create automation; over 100 records is LIMIT_EXCEEDED; bad JSON, wrong shapes, unknown modules, scopes and roles are refused in Zoho\'s shape, changing nothing', async () => {
    const { ws, other, call } = await world();
    const insert = (path: string, body: unknown) => call("POST", path, { body });
    expect((await insert("/crm/v2/Leads", { data: [{ name: "Quiet" }], trigger: [] })).status).toBe(201);
    expect((await insert("/crm/v2/Leads?wf_trigger=false", { data: [{ name: "Quiet too" }] })).status).toBe(201);
    expect(await runs(ws)).toBe(0);
    expect((await insert("/crm/v2/Leads", { data: [{ name: "Loud" }], trigger: ["workflow"] })).status).toBe(201);
    expect(await runs(ws)).toBe(1);

    const error = (code: string) => ({
      code,
      message: expect.any(String),
      status: "error",
      details: expect.any(Object),
    });
    const hundredAndOne = { data: Array.from({ length: 101 }, (_, i) => ({ name: `R${i}` })) };
    for (const [method, path] of [
      ["POST", "/crm/v2/Leads"],
      ["PUT", "/crm/v2/Leads"],
      ["POST", "/crm/v2/Leads/upsert"],
    ] as const) {
      expect(await refused(ws, () => call(method, path, { body: hundredAndOne }), 400)).toEqual(
        error("LIMIT_EXCEEDED"),
      );
      expect(await refused(ws, () => call(method, path, { rawBody: '{"data": [' }), 400)).toEqual(
        error("UNABLE_TO_PARSE_DATA_TYPE"),
      );
      expect(await refused(ws, () => call(method, path, { body: { data: [] } }), 400)).toEqual(
        error("REQUIRED_PARAM_MISSING"),
      );
      expect(await refused(ws, () => call(method, path, { body: { data: ["Ada"] } }), 400)).toMatchObject({
        ...error("UNABLE_TO_PARSE_DATA_TYPE"),
        details: { param_name: "data.0" },
      });
    }
    expect(await refused(ws, () => insert("/crm/v2/Leads", {}), 400)).toMatchObject({
      details: { param_name: "data" },
    });
    expect(await refused(ws, () => insert("/crm/v2/Unicorns", { data: [{ name: "X" }] }), 400)).toEqual(
      error("INVALID_MODULE"),
    );
    expect(await refused(ws, () => insert(`/crm/v2/${other.entities.leads}`, { data: [{ name: "X" }] }), 400)).toEqual(
      error("INVALID_MODULE"),
    );
    expect(await db().record.count({ where: { workspaceId: other.id } })).toBe(0);

    const readOnly = await keyFor(ws.actors.member, ["records:read"]);
    expect(
      await refused(
        ws,
        () =>
          apiClient(server.url, readOnly)("POST", "/crm/v2/Leads", {
            body: { data: [{ name: "No" }] },
            authorization: `Zoho-oauthtoken ${readOnly.apiSecret}`,
          }),
        401,
      ),
    ).toEqual(error("OAUTH_SCOPE_MISMATCH"));
    await db().membership.update({
      where: { workspaceId_userId: { workspaceId: ws.id, userId: ws.actors.member.userId } },
      data: { role: "VIEWER" },
    });
    expect(await refused(ws, () => insert("/crm/v2/Leads", { data: [{ name: "Viewer" }] }), 403)).toEqual(
      error("NO_PERMISSION"),
    );
  });

  it("lists the new endpoints in the OpenAPI document and on Settings → API reference, with a create's 201 as its success", async () => {
    const document = await (await fetch(`${server.url}/api/openapi.json`)).json();
    expect(Object.keys(document.paths["/record-lists/{recordListId}/records/bulk"])).toEqual(["delete", "post"]);
    expect(Object.keys(document.paths["/crm/v2/{module}"]).sort()).toEqual(["delete", "post", "put"]);
    expect(document.paths["/crm/v2/{module}/upsert"].post["x-scope"]).toBe("records:write");
    expect(Object.keys(document.paths["/crm/v2/{module}"].post.responses)).toEqual(
      expect.arrayContaining(["201", "400", "401", "403"]),
    );

    const ws = await makeWorkspace();
    const cookie = await signInCookie(server.url, ws.actors.viewer.email, TEST_PASSWORD);
    const page = await (await fetch(`${server.url}/settings/api`, { headers: { cookie } })).text();
    for (const id of [
      "postRecordListsRecordListIdRecordsBulk",
      "postCrmV2Module",
      "putCrmV2Module",
      "postCrmV2ModuleUpsert",
    ])
      expect(page).toContain(`id="${id}"`);
    expect(page).toContain("201 response");
  });
});
