import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { OAuthBuilder } from "@zohocrm/nodejs-sdk-2.0/models/authenticator/oauth_builder";
import type { OAuthToken } from "@zohocrm/nodejs-sdk-2.0/models/authenticator/oauth_token";
import { TokenStore } from "@zohocrm/nodejs-sdk-2.0/models/authenticator/store/token_store";
import { ActionWrapper } from "@zohocrm/nodejs-sdk-2.0/core/com/zoho/crm/api/record/action_wrapper";
import { APIException } from "@zohocrm/nodejs-sdk-2.0/core/com/zoho/crm/api/record/api_exception";
import { BodyWrapper } from "@zohocrm/nodejs-sdk-2.0/core/com/zoho/crm/api/record/body_wrapper";
import { Record as ZohoRecord } from "@zohocrm/nodejs-sdk-2.0/core/com/zoho/crm/api/record/record";
import {
  DeleteRecordsParam,
  RecordOperations,
} from "@zohocrm/nodejs-sdk-2.0/core/com/zoho/crm/api/record/record_operations";
import { SuccessResponse } from "@zohocrm/nodejs-sdk-2.0/core/com/zoho/crm/api/record/success_response";
import type { APIResponse } from "@zohocrm/nodejs-sdk-2.0/routes/controllers/api_response";
import { Environment } from "@zohocrm/nodejs-sdk-2.0/routes/dc/environment";
import { InitializeBuilder } from "@zohocrm/nodejs-sdk-2.0/routes/initialize_builder";
import { Initializer } from "@zohocrm/nodejs-sdk-2.0/routes/initializer";
import { LogBuilder } from "@zohocrm/nodejs-sdk-2.0/routes/logger/log_builder";
import { ParameterMap } from "@zohocrm/nodejs-sdk-2.0/routes/parameter_map";
import { SDKConfigBuilder } from "@zohocrm/nodejs-sdk-2.0/routes/sdk_config_builder";
import { UserSignature } from "@zohocrm/nodejs-sdk-2.0/routes/user_signature";
import { Choice } from "@zohocrm/nodejs-sdk-2.0/utils/util/choice";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/manage";
import { db } from "@/lib/db/client";
import { onPostgres, withTestDatabase } from "@/test/db";
import { declareFields, makeWorkspace } from "@/test/fixtures";
import { startServer, type RunningServer } from "@/test/server";

// Zoho's official Node SDK, unchanged, against dialect C of the production server: insert,
// update, upsert and delete the way a Zoho integration already does, with only the host changed.
// The SDK's data center is a custom Environment at the server's base URL; its access token is
// one of our API keys (dialect C reads `Authorization: Zoho-oauthtoken <secret>`), handed out by
// a token store, so the SDK never asks Zoho's accounts server for one. What the SDK writes (its
// log, the module field cache it fills from GET /crm/v2/settings/fields) goes to a temp dir.
process.env.API_KEY_ENCRYPTION_KEY ??= "http-test-api-key-encryption";

/** A token store holding one access token, valid for an hour: the SDK never needs to refresh it. */
class ApiKeyTokenStore extends TokenStore {
  saved = 0;
  constructor(private readonly secret: string) {
    super();
  }
  private fill(token: OAuthToken) {
    token.setAccessToken(this.secret);
    token.setExpiresIn(String(Date.now() + 3_600_000));
    return token;
  }
  override getToken(_user: UserSignature, token: OAuthToken) {
    return this.fill(token);
  }
  override getTokenById(_id: string, token: OAuthToken) {
    return this.fill(token);
  }
  override saveToken() {
    this.saved++; // only after a refresh or a grant exchange, which must not happen
  }
  override deleteToken() {}
  override getTokens() {
    return [];
  }
  override deleteTokens() {}
}

async function initializeSdk(baseUrl: string, email: string, store: TokenStore, dir: string) {
  const environment = new Environment(baseUrl, `${baseUrl}/no-accounts-server`, baseUrl, "trash-bin-crm");
  (await new InitializeBuilder())
    .user(new UserSignature(email))
    .environment(environment)
    .token(new OAuthBuilder().id("api-key").build())
    .store(store)
    .SDKConfig(new SDKConfigBuilder().autoRefreshFields(false).pickListValidation(false).build())
    .resourcePath(dir)
    .logger(new LogBuilder().level("info").filePath(path.join(dir, "sdk.log")).build())
    .initialize();
  // initialize() does not return its promise; the SDK is ready once it has an initializer.
  while (!(await Initializer.getInitializer())) await new Promise((r) => setTimeout(r, 10));
}

function record(values: Record<string, unknown>, id?: bigint) {
  const r = new ZohoRecord();
  if (id !== undefined) r.setId(id);
  for (const [apiName, value] of Object.entries(values)) r.addKeyValue(apiName, value);
  return r;
}

function body(records: ZohoRecord[], options: { trigger?: string[]; duplicateCheck?: string[] } = {}) {
  const wrapper = new BodyWrapper();
  wrapper.setData(records);
  if (options.trigger) wrapper.setTrigger(options.trigger);
  if (options.duplicateCheck) wrapper.setDuplicateCheckFields(options.duplicateCheck);
  return wrapper;
}

/** Each entry of an action answer as the SDK parsed it, in plain values. */
function entries(response: APIResponse) {
  const wrapper = response.getObject();
  expect(wrapper).toBeInstanceOf(ActionWrapper);
  return (wrapper as ActionWrapper).getData().map((entry) => ({
    kind: entry instanceof SuccessResponse ? "success" : entry instanceof APIException ? "error" : "other",
    code: entry.getCode().getValue(),
    message: entry.getMessage().getValue(),
    details: entry.getDetails(),
    ...(entry instanceof SuccessResponse
      ? { action: entry.getAction()?.getValue() ?? null, duplicateField: entry.getDuplicateField() ?? null }
      : {}),
  }));
}

describe.runIf(onPostgres)("Zoho's official SDK (@zohocrm/nodejs-sdk-2.0) against dialect C", () => {
  const database = withTestDatabase();
  let server: RunningServer;
  let dir: string;
  beforeAll(async () => {
    server = await startServer({ databaseUrl: database.databaseUrl() });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "zoho-sdk-"));
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("createRecords, updateRecords, upsertRecords and deleteRecords work unchanged, per record, with an API key as the access token", async () => {
    const ws = await makeWorkspace();
    await declareFields(ws, "leads", [
      { name: "score", label: "Score", type: "NUMBER" },
      { name: "status", label: "Status", type: "SELECT", options: ["New", "Qualified"] },
    ]);
    for (const trigger of ["RECORD_CREATED", "RECORD_DELETED"] as const)
      await db().automation.create({
        data: { workspaceId: ws.id, name: trigger, trigger, entityId: ws.entities.leads },
      });
    const runs = (trigger: "RECORD_CREATED" | "RECORD_DELETED") =>
      db().automationRun.count({ where: { workspaceId: ws.id, automation: { trigger } } });
    const key = await createApiKey(ws.actors.member, { name: "Zoho SDK" }, new Date());
    const store = new ApiKeyTokenStore(key.apiSecret);
    await initializeSdk(server.url, ws.actors.member.email, store, dir);
    const operations = new RecordOperations();
    const numberOf = async (name: string) =>
      (await db().record.findFirstOrThrow({ where: { workspaceId: ws.id, name } })).recordNumber;

    // Insert: one good record, one without a name.
    const inserted = await operations.createRecords(
      "Leads",
      body([
        record({
          name: "Ada",
          phone_number: "+44 20 7946 0018",
          external_provider: "crm",
          external_id: "ada-1",
          score: 7.5,
          status: new Choice("New"),
        }),
        record({ score: 1 }),
      ]),
    );
    expect(inserted.getStatusCode()).toBe(201);
    const [added, nameless] = entries(inserted);
    const ada = await numberOf("Ada");
    expect(added).toMatchObject({ kind: "success", code: "SUCCESS", message: "record added" });
    expect(String(added!.details.get("id"))).toBe(String(ada));
    expect(added!.details.get("Created_Time")).toBeInstanceOf(Date);
    const createdBy = added!.details.get("Created_By") as ZohoRecord;
    expect(createdBy.getKeyValue("name")).toBe(ws.actors.member.name);
    expect(typeof createdBy.getKeyValue("id")).toBe("bigint");
    expect(nameless).toMatchObject({ kind: "error", code: "MANDATORY_NOT_FOUND" });
    expect(nameless!.details.get("api_name")).toBe("name");
    expect(await db().record.findFirstOrThrow({ where: { recordNumber: ada } })).toMatchObject({
      phoneNumber: "+442079460018",
      attributes: { score: 7.5, status: "New" },
    });
    expect(await runs("RECORD_CREATED")).toBe(1);

    // Update by id (the SDK sends it as a string of digits); an unknown id fails alone.
    const updated = await operations.updateRecords(
      "Leads",
      body([record({ score: 9 }, ada), record({ name: "Nobody" }, 987_654_321n)]),
    );
    expect(updated.getStatusCode()).toBe(200);
    const [changed, unknown] = entries(updated);
    expect(changed).toMatchObject({ kind: "success", message: "record updated" });
    expect(unknown).toMatchObject({ kind: "error", code: "INVALID_DATA" });
    expect(unknown!.details.get("id")).toBe(987_654_321n);
    expect(await db().record.findFirstOrThrow({ where: { recordNumber: ada } })).toMatchObject({
      attributes: { score: 9, status: "New" },
    });

    // Upsert by external id, without workflows: one update, one insert.
    const upserted = await operations.upsertRecords(
      "Leads",
      body(
        [
          record({ name: "Ada Lovelace", external_provider: "crm", external_id: "ada-1" }),
          record({ name: "Grace", external_provider: "crm", external_id: "grace-1" }),
        ],
        { duplicateCheck: ["external_id"], trigger: [] },
      ),
    );
    expect(upserted.getStatusCode()).toBe(201);
    expect(entries(upserted).map((e) => [e.code, e.action, e.duplicateField, e.message])).toEqual([
      ["SUCCESS", "update", "external_id", "record updated"],
      ["SUCCESS", "insert", null, "record added"],
    ]);
    const grace = await numberOf("Grace");
    expect(await numberOf("Ada Lovelace")).toBe(ada);
    expect(await runs("RECORD_CREATED")).toBe(1);

    // Delete both, without workflows: to the trash.
    const params = new ParameterMap();
    await params.add(DeleteRecordsParam.IDS, String(ada)); // the SDK takes ids as text here
    await params.add(DeleteRecordsParam.IDS, String(grace));
    await params.add(DeleteRecordsParam.WF_TRIGGER, false);
    const deleted = await operations.deleteRecords("Leads", params);
    expect(deleted.getStatusCode()).toBe(200);
    expect(entries(deleted).map((e) => [e.code, e.message, String(e.details.get("id"))])).toEqual([
      ["SUCCESS", "record deleted", String(ada)],
      ["SUCCESS", "record deleted", String(grace)],
    ]);
    expect(
      await db().record.count({ where: { workspaceId: ws.id, recordNumber: { in: [ada, grace] }, deletedAt: null } }),
    ).toBe(0);
    expect(await runs("RECORD_DELETED")).toBe(0);

    // The key was the only credential; the SDK never refreshed a token, and wrote only into its temp dir.
    expect(store.saved).toBe(0);
    expect(
      await db().auditLog.count({ where: { workspaceId: ws.id, door: "API", apiKeyId: key.id } }),
    ).toBeGreaterThanOrEqual(4);
    expect(fs.readdirSync(dir).sort()).toEqual(["resources", "sdk.log"]);
  }, 60_000);
});
