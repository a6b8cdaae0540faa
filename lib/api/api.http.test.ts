import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { createApiKey, revokeApiKey, type CreatedApiKey } from "@/lib/api-keys/manage";
import { db } from "@/lib/db/client";
import { createSegment } from "@/lib/segments/create";
import { softDeleteRecords } from "@/lib/trash/delete";
import { apiClient, hmacAuthorization, randomSalt, sign, type ApiAnswer } from "@/test/api-client";
import { onPostgres, withTestDatabase } from "@/test/db";
import {
  declareFields,
  makeRecord,
  makeRecords,
  makeWorkspace,
  relate,
  TEST_PASSWORD,
  type TestWorkspace,
} from "@/test/fixtures";
import { signInCookie, startServer, type RunningServer } from "@/test/server";

// Every endpoint of docs/API.md over HTTP against the production build, signed the way a client
// following docs/API.md signs (test/api-client.ts). After every refused call the workspace's data
// is compared with a snapshot taken before it.
process.env.API_KEY_ENCRYPTION_KEY ??= "http-test-api-key-encryption";

describe.runIf(onPostgres)("the REST API over HTTP", () => {
  const database = withTestDatabase();
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ databaseUrl: database.databaseUrl() });
  }, 90_000);
  afterAll(() => server?.stop());

  const keyFor = (actor: Actor, scopes?: CreatedApiKey["scopes"]) =>
    createApiKey(actor, { name: `${actor.role} key`, scopes }, new Date());
  const clientFor = (key: CreatedApiKey) => apiClient(server.url, key);

  /** Everything of the workspace an API call could change (API bookkeeping — salts, last used — aside). */
  async function snapshot(ws: TestWorkspace) {
    const workspaceId = ws.id;
    return JSON.stringify({
      records: await db().record.findMany({
        where: { workspaceId },
        orderBy: { id: "asc" },
        select: { id: true, deletedAt: true, deletedById: true, heldAt: true },
      }),
      notes: await db().note.count({ where: { workspaceId } }),
      relations: await db().relation.count({ where: { workspaceId } }),
      segments: await db().segment.findMany({ where: { workspaceId }, orderBy: { id: "asc" }, select: { id: true } }),
      automations: await db().automation.findMany({
        where: { workspaceId },
        orderBy: { id: "asc" },
        select: { id: true, status: true },
      }),
      runs: await db().automationRun.count({ where: { workspaceId } }),
      audit: await db().auditLog.count({ where: { workspaceId } }),
    });
  }

  /** The call is refused with `status` and changes nothing; its body is returned for the dialect's shape. */
  async function refused(
    ws: TestWorkspace,
    call: () => Promise<ApiAnswer>,
    status: number,
  ): Promise<ApiAnswer["body"]> {
    const before = await snapshot(ws);
    const answer = await call();
    expect(answer.status, answer.text).toBe(status);
    expect(answer.body, `a JSON body: ${answer.text.slice(0, 200)}`).toBeTypeOf("object");
    expect(await snapshot(ws)).toBe(before);
    return answer.body;
  }

  it("authenticates by HMAC-SHA256 exactly as docs/API.md: a 14-minute-old date passes, 16 does not; replayed salts, wrong secrets, malformed signatures and revoked keys are 401 and change nothing", async () => {
    const ws = await makeWorkspace();
    const key = await keyFor(ws.actors.member);
    const call = clientFor(key);
    const [a, b] = await makeRecords(ws, 2);
    const del = (id: string, authorization?: string | null) =>
      call("DELETE", `/crm-core/v1/records/${id}`, { authorization });
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    const salt = randomSalt();
    const unauthorized = { errorCode: "Unauthorized", errorMessage: expect.any(String) };

    expect(await refused(ws, () => del(a!.id, hmacAuthorization(key, { date: ago(16) })), 401)).toEqual(unauthorized);
    expect(await refused(ws, () => del(a!.id, hmacAuthorization(key, { secret: "sk_wrong" })), 401)).toEqual(
      unauthorized,
    );
    const date = new Date().toISOString();
    for (const signature of ["abc", "z".repeat(64), sign(key.apiSecret, date, salt).slice(1)]) {
      await refused(
        ws,
        () => del(a!.id, `HMAC-SHA256 apiKey=${key.apiKey}, date=${date}, salt=${salt}, signature=${signature}`),
        401,
      );
    }
    await refused(ws, () => del(a!.id, hmacAuthorization(key, { date: "not a date" })), 401);
    await refused(ws, () => del(a!.id, hmacAuthorization(key, { salt: "short" })), 401);
    await refused(ws, () => del(a!.id, null), 401);
    // A session cookie is no API credential.
    const cookie = await signInCookie(server.url, ws.actors.member.email, TEST_PASSWORD);
    await refused(
      ws,
      () => call("DELETE", `/crm-core/v1/records/${a!.id}`, { authorization: null, headers: { cookie } }),
      401,
    );

    const fourteen = hmacAuthorization(key, { date: ago(14), salt });
    expect((await del(a!.id, fourteen)).status).toBe(200);
    // The same date and salt again, even on another record: a replay.
    expect(await refused(ws, () => del(b!.id, fourteen), 401)).toMatchObject({
      errorMessage: expect.stringMatching(/salt was already used/),
    });
    // Offsets and fractions of a second are ISO 8601 too.
    const tokyo = new Date(Date.now() + 9 * 3_600_000).toISOString().replace(/\.\d+Z$/, ".123456+09:00");
    expect(
      (await call("GET", "/crm-core/v1/entities", { authorization: hmacAuthorization(key, { date: tokyo }) })).status,
    ).toBe(200);

    await revokeApiKey(ws.actors.member, { id: key.id }, new Date());
    await refused(ws, () => del(b!.id), 401);
    await refused(ws, () => del(b!.id, `Bearer ${key.apiSecret}`), 401);
  });

  it("keeps the doors apart: an API key never opens the dashboard, and the dashboard's JSON routes ignore it", async () => {
    const ws = await makeWorkspace();
    const key = await keyFor(ws.actors.owner);
    const bearer = { authorization: `Bearer ${key.apiSecret}` };
    const page = await fetch(`${server.url}/records`, { headers: bearer, redirect: "manual" });
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toContain("/login");
    expect((await fetch(`${server.url}/api/app/records?entity=leads`, { headers: bearer })).status).toBe(401);
  });

  it("dialect A: entities, records, a record, delete, trash, restore and bulk calls, with each listed error", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    const call = clientFor(await keyFor(ws.actors.member));
    const adminCall = clientFor(await keyFor(ws.actors.admin));
    const x = await makeRecord(
      ws,
      { name: "Ada X", phoneNumber: "+15550001", externalProvider: "hubspot", externalId: "h-1" },
      { notes: 2, activities: 1 },
    );
    const y = await makeRecord(ws, { name: "Bob Y" });
    const gone = await makeRecord(ws, { name: "Trashed Z" });
    await relate(ws, x.id, y.id, "Colleague");
    await relate(ws, x.id, gone.id, "Old friend");
    await softDeleteRecords(ws.actors.admin, { ids: [gone.id] }, new Date());
    const foreign = await makeRecord(other, { name: "Elsewhere" });

    const entities = await call("GET", "/crm-core/v1/entities");
    expect(entities.body.items.map((e: { slug: string }) => e.slug)).toEqual(["leads", "contacts", "deals"]);

    const list = await call("GET", `/crm-core/v1/records?entityId=leads&limit=1&`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(Object.keys(list.body.items[0]).sort()).toEqual(
      [
        "createdAt",
        "entityId",
        "externalId",
        "externalProvider",
        "name",
        "phoneNumber",
        "recordId",
        "recordNumber",
      ].sort(),
    );
    const second = await call("GET", `/crm-core/v1/records?entityId=leads&limit=1&cursor=${list.body.nextCursor}`);
    expect(second.body.items[0].recordId).not.toBe(list.body.items[0].recordId);
    expect(await refused(ws, () => call("GET", "/crm-core/v1/records?cursor=garbage"), 400)).toEqual({
      errorCode: "ValidationError",
      errorMessage: expect.stringMatching(/^cursor: /),
    });
    expect((await call("GET", "/crm-core/v1/records?limit=201")).status).toBe(400);
    expect((await call("GET", "/crm-core/v1/records?entityId=nope")).body).toMatchObject({ errorCode: "NotFound" });
    expect(
      (await call("GET", `/crm-core/v1/records?q=${encodeURIComponent("Ada")}`)).body.items.map(
        (r: { name: string }) => r.name,
      ),
    ).toEqual(["Ada X"]);

    const detail = await call("GET", `/crm-core/v1/records/${x.id}`);
    expect(detail.body).toMatchObject({
      recordId: x.id,
      recordNumber: Number(x.recordNumber),
      name: "Ada X",
      notesCount: 2,
      activitiesCount: 1,
      relations: [{ recordId: y.id, label: "Colleague" }],
    });
    expect((await call("GET", `/crm-core/v1/records/${x.recordNumber}`)).body.recordId).toBe(x.id);
    for (const id of [gone.id, foreign.id, "unknown"])
      expect(await refused(ws, () => call("GET", `/crm-core/v1/records/${id}`), 404)).toMatchObject({
        errorCode: "NotFound",
      });

    expect((await call("DELETE", `/crm-core/v1/records/${y.recordNumber}`)).body).toEqual({
      recordId: y.id,
      entityId: ws.entities.leads,
    });
    for (const id of [y.id, foreign.id, "unknown"])
      await refused(ws, () => call("DELETE", `/crm-core/v1/records/${id}`), 404);
    const trash = await call("GET", "/crm-core/v1/trash?limit=50");
    expect(trash.body.items.map((r: { recordId: string }) => r.recordId)).toEqual([y.id]); // a MEMBER sees what they deleted
    expect(trash.body.items[0]).toMatchObject({ deletedBy: ws.actors.member.email, purgeAt: expect.any(String) });
    expect((await adminCall("GET", "/crm-core/v1/trash")).body.items).toHaveLength(2);

    // Restore: someone else's deletion is 403 for a MEMBER, never-deleted 404, a taken external id 409.
    expect(await refused(ws, () => call("POST", `/crm-core/v1/records/${gone.id}/restore`), 403)).toMatchObject({
      errorCode: "Forbidden",
    });
    await refused(ws, () => call("POST", `/crm-core/v1/records/${x.id}/restore`), 404);
    await refused(ws, () => call("POST", `/crm-core/v1/records/${foreign.id}/restore`), 404);
    expect(
      (await call("POST", `/crm-core/v1/records/${y.id}/restore`, { headers: { "content-type": "application/json" } }))
        .body,
    ).toEqual({ recordId: y.id, entityId: ws.entities.leads });
    await softDeleteRecords(ws.actors.member, { ids: [x.id] }, new Date());
    await makeRecord(ws, { name: "Ada again", externalProvider: "hubspot", externalId: "h-1" });
    expect(await refused(ws, () => call("POST", `/crm-core/v1/records/${x.id}/restore`), 409)).toMatchObject({
      errorCode: "Conflict",
      errorMessage: expect.stringContaining("h-1"),
    });

    // Bulk: duplicates count once; unknown and another workspace's ids fail as not found.
    const bulk = await makeRecords(ws, 3);
    const deleted = await call("POST", "/crm-core/v1/records/bulk/delete", {
      body: { recordIds: [bulk[0]!.id, bulk[0]!.id, bulk[1]!.id, foreign.id, "unknown"] },
    });
    expect(deleted.body).toEqual({
      deletedCount: 2,
      failed: [
        { recordId: foreign.id, errorCode: "NotFound", errorMessage: "Record not found." },
        { recordId: "unknown", errorCode: "NotFound", errorMessage: "Record not found." },
      ],
    });
    expect(
      (await call("POST", "/crm-core/v1/records/bulk/restore", { body: { recordIds: [bulk[0]!.id, bulk[2]!.id] } }))
        .body,
    ).toEqual({
      restoredCount: 1,
      failed: [{ recordId: bulk[2]!.id, errorCode: "NotFound", errorMessage: expect.any(String) }],
    });
    expect(
      await refused(ws, () => call("POST", "/crm-core/v1/records/bulk/delete", { body: { recordIds: [] } }), 400),
    ).toEqual({ errorCode: "ValidationError", errorMessage: expect.stringMatching(/^recordIds: /) });
    expect(
      await refused(
        ws,
        () =>
          call("POST", "/crm-core/v1/records/bulk/delete", {
            body: { recordIds: Array.from({ length: 1001 }, (_, i) => `id-${i}`) },
          }),
        400,
      ),
    ).toMatchObject({ errorCode: "TooManyIds" });
    expect(
      await refused(
        ws,
        () => call("POST", "/crm-core/v1/records/bulk/delete", { body: { recordIds: [bulk[2]!.id, 7] } }),
        400,
      ),
    ).toMatchObject({ errorMessage: expect.stringMatching(/^recordIds\.1: /) });
    expect(
      await refused(ws, () => call("POST", "/crm-core/v1/records/bulk/delete", { rawBody: '{"recordIds": [' }), 400),
    ).toMatchObject({ errorMessage: expect.stringMatching(/not valid JSON/) });
    await refused(ws, () => call("POST", "/crm-core/v1/records/bulk/delete"), 400);
    expect(
      await refused(
        ws,
        () =>
          call("POST", "/crm-core/v1/records/bulk/delete", {
            rawBody: JSON.stringify({ recordIds: ["x".repeat(1_100_000)] }),
          }),
        413,
      ),
    ).toMatchObject({ errorCode: "ValidationError" });

    // The audit log says the API did it, and with which key.
    const entry = await db().auditLog.findFirstOrThrow({
      where: { workspaceId: ws.id, action: "records.delete", door: "API" },
      orderBy: { createdAt: "asc" },
    });
    expect(entry.apiKeyId).not.toBeNull();
  });

  it("dialect A writes: create (201) and PATCH answer the record as GET does; duplicates, bad fields, scope and role refused, nothing changed", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    await declareFields(ws, "leads", [
      { name: "status", label: "Status", type: "SELECT", options: ["New", "Qualified"] },
      { name: "score", label: "Score", type: "NUMBER" },
    ]);
    const call = clientFor(await keyFor(ws.actors.member));
    const created = await call("POST", "/crm-core/v1/records", {
      body: {
        entityId: "leads",
        name: "Grace API",
        phoneNumber: "+44 20 7946 0018",
        externalProvider: "hubspot",
        externalId: "g-1",
        attributes: { status: "New", score: 7 },
      },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({
      name: "Grace API",
      phoneNumber: "+442079460018",
      externalId: "g-1",
      attributes: { status: "New", score: 7 },
      notesCount: 0,
    });
    const id = created.body.recordId as string;
    expect((await call("GET", `/crm-core/v1/records/${id}`)).body).toEqual(created.body);
    expect(
      await db().auditLog.findFirst({ where: { workspaceId: ws.id, action: { startsWith: "records.create" } } }),
    ).toMatchObject({ door: "API", apiKeyId: expect.any(String) });

    const patched = await call("PATCH", `/crm-core/v1/records/${id}`, {
      body: { name: "Grace Hopper", attributes: { score: null, status: "Qualified" } },
    });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body).toMatchObject({ name: "Grace Hopper", attributes: { status: "Qualified" } });
    expect(patched.body.attributes).not.toHaveProperty("score");

    // Refusals: each names what was wrong, and changes nothing.
    const dup = { entityId: "leads", name: "Twin", externalProvider: "hubspot", externalId: "g-1" };
    expect(await refused(ws, () => call("POST", "/crm-core/v1/records", { body: dup }), 409)).toMatchObject({
      errorCode: "Conflict",
    });
    for (const [body, field] of [
      [{ entityId: "leads", name: "X", attributes: { vip: true } }, "attributes.vip"],
      [{ entityId: "leads", name: "X", attributes: { score: "many" } }, "attributes.score"],
      [{ entityId: "leads", name: "X", phoneNumber: "030 1234" }, "phoneNumber"],
      [{ entityId: "leads" }, "name"],
    ] as const)
      expect(await refused(ws, () => call("POST", "/crm-core/v1/records", { body }), 400)).toMatchObject({
        errorCode: "ValidationError",
        errorMessage: expect.stringContaining(field.split(".").pop()!),
      });
    expect(
      (await refused(ws, () => call("POST", "/crm-core/v1/records", { body: { name: "X" } }), 400)).errorCode,
    ).toBe("ValidationError");
    const foreign = await makeRecord(other, { name: "Elsewhere" });
    await refused(ws, () => call("PATCH", `/crm-core/v1/records/${foreign.id}`, { body: { name: "Mine" } }), 404);
    await softDeleteRecords(ws.actors.admin, { ids: [id] }, new Date());
    await refused(ws, () => call("PATCH", `/crm-core/v1/records/${id}`, { body: { name: "Back?" } }), 404);
    // A trashed record's external id does not block a create.
    expect((await call("POST", "/crm-core/v1/records", { body: dup })).status).toBe(201);

    // The scope: a read-only key cannot write; a viewer's key never holds records:write.
    const readOnly = clientFor(await keyFor(ws.actors.member, ["records:read"]));
    expect(
      await refused(
        ws,
        () => readOnly("POST", "/crm-core/v1/records", { body: { entityId: "leads", name: "No" } }),
        403,
      ),
    ).toMatchObject({ errorMessage: expect.stringContaining("records:write") });
    await expect(keyFor(ws.actors.viewer, ["records:write"])).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("dialect A: segments, and the scope and role a call needs", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    await makeRecord(ws, { attributes: { status: "Hot" } });
    await makeRecord(other, { attributes: { status: "Hot" } });
    const filter = { conditions: [{ field: "status", op: "equals" as const, value: "Hot" }] };
    const own = await createSegment(ws.actors.member, { name: "Mine", entity: "leads", filter }, new Date());
    const theirs = await createSegment(ws.actors.member2, { name: "Theirs", entity: "leads", filter }, new Date());
    const foreign = await createSegment(other.actors.owner, { name: "Foreign", entity: "leads", filter }, new Date());
    const automation = await db().automation.create({
      data: { workspaceId: ws.id, name: "Welcome", trigger: "SEGMENT_ENTERED", segmentId: own.segmentId },
    });
    const call = clientFor(await keyFor(ws.actors.member));

    const segments = await call("GET", "/crm-core/v1/segments");
    expect(segments.body.items).toContainEqual({
      segmentId: own.segmentId,
      name: "Mine",
      createdBy: ws.actors.member.email,
      memberCount: 1,
      automationIds: [automation.id],
    });
    expect(await refused(ws, () => call("DELETE", `/crm-core/v1/segments/${theirs.segmentId}`), 403)).toMatchObject({
      errorCode: "Forbidden",
    });
    await refused(ws, () => call("DELETE", `/crm-core/v1/segments/${foreign.segmentId}`), 404);
    expect((await call("DELETE", `/crm-core/v1/segments/${own.segmentId}`)).body).toEqual({
      segmentId: own.segmentId,
      detachedAutomationIds: [automation.id],
    });

    // A key without the scope: 403, whatever the role.
    const readOnly = clientFor(await keyFor(ws.actors.owner, ["records:read"]));
    expect(await refused(ws, () => readOnly("DELETE", `/crm-core/v1/segments/${theirs.segmentId}`), 403)).toMatchObject(
      { errorMessage: expect.stringContaining("segments:delete") },
    );
    // A user demoted after the key was made acts with the role they have now.
    const demoted = await keyFor(ws.actors.member2);
    await db().membership.update({
      where: { workspaceId_userId: { workspaceId: ws.id, userId: ws.actors.member2.userId } },
      data: { role: "VIEWER" },
    });
    expect(
      await refused(ws, () => clientFor(demoted)("DELETE", `/crm-core/v1/segments/${theirs.segmentId}`), 403),
    ).toMatchObject({ errorCode: "Forbidden", errorMessage: expect.stringContaining("viewer") });
    expect((await clientFor(demoted)("GET", "/crm-core/v1/segments")).status).toBe(200);
  });

  it("dialect B: 100 phone numbers of which 7 are unknown delete 93 and name the 7 as given; external ids and numbers too; each listed error", async () => {
    const ws = await makeWorkspace();
    const call = clientFor(await keyFor(ws.actors.member));
    const phones = Array.from({ length: 93 }, (_, i) => `+1555${String(i).padStart(7, "0")}`);
    await makeRecords(ws, 93, {});
    const rows = await db().record.findMany({
      where: { workspaceId: ws.id },
      orderBy: { name: "asc" },
      select: { id: true },
    });
    await Promise.all(
      rows.map((r, i) => db().record.update({ where: { id: r.id }, data: { phoneNumber: phones[i] } })),
    );
    // Clients send numbers formatted any way; they are matched as E.164, the way search matches them.
    const asGiven = phones.map((p, i) =>
      i % 2 ? `${p.slice(0, 2)} (${p.slice(2, 5)}) ${p.slice(5, 8)}-${p.slice(8)}` : p,
    );
    const unknown = Array.from({ length: 7 }, (_, i) => `+1 999 000 000${i}`);
    const body = [...asGiven.slice(0, 50), ...unknown, ...asGiven.slice(50)].map((phone_number) => ({ phone_number }));

    const answer = await call("DELETE", "/record-lists/leads/records/bulk", { body });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      record_list_id: "leads",
      has_errors: true,
      total_deleted: 93,
      total_errors: 7,
      _links: { self: { href: "/record-lists/leads/records/bulk" }, record_list: { href: "/record-lists/leads" } },
    });
    expect(answer.body._embedded.failed_records.map((f: { id: string }) => f.id)).toEqual(unknown);
    expect(await db().record.count({ where: { workspaceId: ws.id, deletedAt: null } })).toBe(0);

    const byExternal = await makeRecord(ws, { externalProvider: "salesforce", externalId: "sf-1" });
    const byNumber = await makeRecord(ws, {});
    expect(
      (
        await call("DELETE", `/record-lists/${ws.entities.leads}/records/bulk`, {
          body: [
            { external_provider: "salesforce", external_id: "sf-1" },
            { external_provider: "salesforce", external_id: "sf-404" },
          ],
        })
      ).body,
    ).toMatchObject({ total_deleted: 1, total_errors: 1, _embedded: { failed_records: [{ id: "sf-404" }] } });
    expect(
      (await call("DELETE", "/record-lists/leads/records/bulk", { body: [{ id: Number(byNumber.recordNumber) }] }))
        .body,
    ).toMatchObject({ total_deleted: 1, has_errors: false });
    expect(await db().record.count({ where: { id: { in: [byExternal.id, byNumber.id] }, deletedAt: null } })).toBe(0);

    const live = await makeRecord(ws, { phoneNumber: "+15551234567" });
    const shape = {
      code: expect.any(String),
      message: expect.any(String),
      description: expect.any(String),
      fields: expect.any(Array),
    };
    expect(
      await refused(
        ws,
        () =>
          call("DELETE", "/record-lists/leads/records/bulk", {
            body: [{ id: live.id }, { phone_number: "+15551234567" }],
          }),
        400,
      ),
    ).toMatchObject({ ...shape, description: expect.stringMatching(/one kind/) });
    expect(
      await refused(
        ws,
        () =>
          call("DELETE", "/record-lists/leads/records/bulk", {
            body: Array.from({ length: 101 }, () => ({ id: live.id })),
          }),
        400,
      ),
    ).toMatchObject(shape);
    expect(
      await refused(ws, () => call("DELETE", "/record-lists/leads/records/bulk", { body: [{ phone: "+1" }] }), 400),
    ).toMatchObject({ fields: [{ name: "0" }] });
    expect(
      await refused(ws, () => call("DELETE", "/record-lists/leads/records/bulk", { body: { id: live.id } }), 400),
    ).toMatchObject(shape);
    expect(
      await refused(ws, () => call("DELETE", "/record-lists/nope/records/bulk", { body: [{ id: live.id }] }), 404),
    ).toMatchObject({ ...shape, code: "NOT_FOUND" });
    const viewerKey = await keyFor(ws.actors.admin, ["records:delete"]);
    await db().membership.update({
      where: { workspaceId_userId: { workspaceId: ws.id, userId: ws.actors.admin.userId } },
      data: { role: "VIEWER" },
    });
    expect(
      await refused(
        ws,
        () => clientFor(viewerKey)("DELETE", "/record-lists/leads/records/bulk", { body: [{ id: live.id }] }),
        403,
      ),
    ).toMatchObject({ ...shape, code: "FORBIDDEN" });
    expect(
      await refused(
        ws,
        () =>
          call("DELETE", "/record-lists/leads/records/bulk", { body: [{ id: live.id }], authorization: "Bearer nope" }),
        401,
      ),
    ).toMatchObject({ ...shape, code: "UNAUTHORIZED" });
  });

  it("dialect C: numeric ids per module, case-insensitive, wf_trigger deciding on-delete automations, and every listed error", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    const key = await keyFor(ws.actors.member);
    const zoho = (method: string, path: string) =>
      clientFor(key)(method, path, { authorization: `Zoho-oauthtoken ${key.apiSecret}` });
    await db().automation.create({
      data: { workspaceId: ws.id, name: "On delete", trigger: "RECORD_DELETED", entityId: ws.entities.leads },
    });
    const [a, b, c] = [
      await makeRecord(ws, { attributes: { score: 4, vip: true } }),
      await makeRecord(ws, {}),
      await makeRecord(ws, {}),
    ];
    const contact = await makeRecord(ws, { entityId: ws.entities.contacts });
    const foreign = await makeRecord(other, {});
    const runs = () => db().automationRun.count({ where: { workspaceId: ws.id } });

    const quiet = await zoho(
      "DELETE",
      `/crm/v2/Leads?ids=${a.recordNumber},${contact.recordNumber},${foreign.recordNumber},${b.recordNumber}&wf_trigger=false`,
    );
    expect(quiet.status).toBe(200);
    expect(quiet.text).toContain(`"id":${a.recordNumber}`); // a JSON number, as Zoho's SDK expects
    expect(quiet.body.data).toEqual([
      { code: "SUCCESS", details: { id: Number(a.recordNumber) }, message: "record deleted", status: "success" },
      {
        code: "INVALID_DATA",
        details: { id: Number(contact.recordNumber) },
        message: "record not deleted",
        status: "error",
      },
      {
        code: "INVALID_DATA",
        details: { id: Number(foreign.recordNumber) },
        message: "record not deleted",
        status: "error",
      },
      { code: "SUCCESS", details: { id: Number(b.recordNumber) }, message: "record deleted", status: "success" },
    ]);
    expect(await runs()).toBe(0);
    expect((await zoho("DELETE", `/crm/v2/LEADS/${c.recordNumber}`)).body.data[0].code).toBe("SUCCESS");
    expect(await runs()).toBe(1);

    const error = (code: string) => ({
      code,
      message: expect.any(String),
      status: "error",
      details: expect.any(Object),
    });
    expect(await refused(ws, () => zoho("DELETE", "/crm/v2/Leads"), 400)).toEqual(error("REQUIRED_PARAM_MISSING"));
    expect(await refused(ws, () => zoho("DELETE", "/crm/v2/Leads?ids=12,abc"), 400)).toEqual(
      error("UNABLE_TO_PARSE_DATA_TYPE"),
    );
    expect(await refused(ws, () => zoho("DELETE", `/crm/v2/Leads/${contact.id}`), 400)).toEqual(
      error("UNABLE_TO_PARSE_DATA_TYPE"),
    );
    expect(await refused(ws, () => zoho("DELETE", `/crm/v2/Unicorns?ids=${contact.recordNumber}`), 400)).toEqual(
      error("INVALID_MODULE"),
    );
    expect(
      await refused(
        ws,
        () => zoho("DELETE", `/crm/v2/Contacts?ids=${Array.from({ length: 101 }, (_, i) => i + 1).join(",")}`),
        400,
      ),
    ).toEqual(error("LIMIT_EXCEEDED"));
    expect(
      await refused(
        ws,
        () =>
          clientFor(key)("DELETE", `/crm/v2/Contacts?ids=${contact.recordNumber}`, {
            authorization: "Zoho-oauthtoken 1000.bogus",
          }),
        401,
      ),
    ).toEqual(error("INVALID_TOKEN"));
    const readOnly = await keyFor(ws.actors.member, ["records:read"]);
    expect(
      await refused(ws, () => clientFor(readOnly)("DELETE", `/crm/v2/Contacts?ids=${contact.recordNumber}`), 401),
    ).toEqual(error("OAUTH_SCOPE_MISMATCH"));
    await db().membership.update({
      where: { workspaceId_userId: { workspaceId: ws.id, userId: ws.actors.member.userId } },
      data: { role: "VIEWER" },
    });
    expect(await refused(ws, () => zoho("DELETE", `/crm/v2/Contacts?ids=${contact.recordNumber}`), 403)).toEqual(
      error("NO_PERMISSION"),
    );
    expect(await refused(ws, () => zoho("DELETE", `/crm/v2/Contacts/${contact.recordNumber}/extra`), 404)).toEqual(
      error("INVALID_URL_PATTERN"),
    );

    // The declared fields (lib/fields/), after the record's own columns; a retired one is not listed.
    await declareFields(ws, "leads", [
      { name: "score", label: "Score", type: "NUMBER" },
      { name: "vip", label: "VIP", type: "BOOLEAN" },
      { name: "old", label: "Old", type: "TEXT", retiredAt: new Date() },
    ]);
    const fields = await zoho("GET", "/crm/v2/settings/fields?module=leads");
    expect(fields.body.fields).toEqual([
      { api_name: "name", field_label: "Name", data_type: "text" },
      { api_name: "phone_number", field_label: "Phone number", data_type: "phone" },
      { api_name: "external_provider", field_label: "External provider", data_type: "text" },
      { api_name: "external_id", field_label: "External id", data_type: "text" },
      { api_name: "score", field_label: "Score", data_type: "double" },
      { api_name: "vip", field_label: "VIP", data_type: "boolean" },
    ]);
    expect(await refused(ws, () => zoho("GET", "/crm/v2/settings/fields"), 400)).toEqual(
      error("REQUIRED_PARAM_MISSING"),
    );
  });

  it("dialect D: a hard delete leaves nothing — then GET and a second DELETE answer 404 in the dialect's body; role, scope and hold are respected", async () => {
    const ws = await makeWorkspace();
    const other = await makeWorkspace("Other");
    const adminKey = await keyFor(ws.actors.admin);
    const call = clientFor(adminKey);
    const target = await makeRecord(ws, { name: "Erase me" }, { notes: 2, activities: 2, subformRows: 2 });
    const friend = await makeRecord(ws, { name: "Friend" });
    await relate(ws, target.id, friend.id);
    await relate(ws, friend.id, target.id, "Referred by");

    expect((await call("GET", `/v2/crm/leads/${target.id}`)).body).toMatchObject({
      success: true,
      status: 200,
      data: { id: target.id, name: "Erase me", object: "leads" },
    });
    await refused(ws, () => call("GET", `/v2/crm/contacts/${target.id}`), 404);
    const notFound = { success: false, status: 404, message: "Record not found." };
    const foreign = await makeRecord(other, {});
    expect(await refused(ws, () => call("DELETE", `/v2/crm/leads/${foreign.id}`), 404)).toEqual(notFound);

    const memberKey = await keyFor(ws.actors.member);
    expect(await refused(ws, () => clientFor(memberKey)("DELETE", `/v2/crm/leads/${target.id}`), 403)).toMatchObject({
      success: false,
      status: 403,
    });
    const noPurge = await keyFor(ws.actors.admin, ["records:read", "records:delete"]);
    expect(await refused(ws, () => clientFor(noPurge)("DELETE", `/v2/crm/leads/${target.id}`), 403)).toMatchObject({
      success: false,
      status: 403,
      message: expect.stringContaining("records:purge"),
    });
    const held = await makeRecord(ws, {
      deletedAt: new Date(),
      deletedById: ws.actors.admin.userId,
      heldAt: new Date(),
      heldById: ws.actors.admin.userId,
    });
    expect(await refused(ws, () => call("DELETE", `/v2/crm/leads/${held.id}`), 409)).toMatchObject({
      success: false,
      status: 409,
    });

    expect((await call("DELETE", `/v2/crm/leads/${target.recordNumber}`)).body).toEqual({
      success: true,
      status: 200,
      message: "Record deleted.",
    });
    expect(await refused(ws, () => call("GET", `/v2/crm/leads/${target.id}`), 404)).toEqual(notFound);
    expect(await refused(ws, () => call("DELETE", `/v2/crm/leads/${target.id}`), 404)).toEqual(notFound);
    const remains = await Promise.all([
      db().record.count({ where: { id: target.id } }),
      db().note.count({ where: { recordId: target.id } }),
      db().activity.count({ where: { recordId: target.id } }),
      db().subformRow.count({ where: { recordId: target.id } }),
      db().relation.count({ where: { OR: [{ fromRecordId: target.id }, { toRecordId: target.id }] } }),
    ]);
    expect(remains).toEqual([0, 0, 0, 0, 0]);
    expect(await db().record.count({ where: { id: friend.id, deletedAt: null } })).toBe(1);
    expect(
      await db().auditLog.count({
        where: {
          workspaceId: ws.id,
          door: "API",
          apiKeyId: adminKey.id,
          action: { in: ["records.delete", "records.destroy"] },
        },
      }),
    ).toBeGreaterThanOrEqual(1);
  });

  it("serves the OpenAPI document publicly, and answers unknown API paths in the dialect's JSON", async () => {
    const document = await (await fetch(`${server.url}/api/openapi.json`)).json();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toContain("/record-lists/{recordListId}/records/bulk");
    const unknown = await fetch(`${server.url}/crm-core/v1/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ errorCode: "NotFound" });
  });

  it("answers a method a path does not take with the dialect's JSON 405 and an Allow header, changing nothing", async () => {
    const ws = await makeWorkspace();
    const record = await makeRecord(ws);
    const before = await snapshot(ws);
    const cases: [string, string, string, Record<string, unknown>][] = [
      ["PUT", `/crm-core/v1/records/${record.id}`, "GET, PATCH, DELETE", { errorCode: "MethodNotAllowed" }],
      ["GET", "/crm-core/v1/records/bulk/delete", "POST", { errorCode: "MethodNotAllowed" }],
      [
        "PUT",
        `/record-lists/${ws.entities.leads}/records/bulk`,
        "DELETE, POST",
        { code: "METHOD_NOT_ALLOWED", message: "Method not allowed" },
      ],
      ["PATCH", `/crm/v2/Leads/${record.recordNumber}`, "DELETE", { code: "INVALID_REQUEST_METHOD", status: "error" }],
      ["PATCH", "/crm/v2/Leads", "POST, PUT, DELETE", { code: "INVALID_REQUEST_METHOD", status: "error" }],
      ["DELETE", "/crm/v2/Leads/upsert", "POST", { code: "INVALID_REQUEST_METHOD", status: "error" }],
      ["POST", `/v2/crm/leads/${record.id}`, "GET, DELETE", { success: false, status: 405 }],
    ];
    for (const [method, path, allow, body] of cases) {
      const answer = await fetch(`${server.url}${path}`, {
        method,
        headers: { "content-type": "application/json" },
        body: method === "GET" ? undefined : "{}",
      });
      expect(answer.status, `${method} ${path}`).toBe(405);
      expect(answer.headers.get("allow")).toBe(allow);
      expect(await answer.json()).toMatchObject(body);
    }
    expect(await snapshot(ws)).toBe(before);
  });
});
