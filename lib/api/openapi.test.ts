import fs from "node:fs";
import path from "node:path";
import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { API_DIALECT_PREFIXES } from "@/lib/universal/site-map";
import { ENDPOINTS_BY_DIALECT } from "./endpoints";
import { openApiDocument } from "./openapi";

// Every route handler under the API's prefixes, as `METHOD /path/{param}`, read off app/.
const API_DIRS = Object.values(API_DIALECT_PREFIXES).map((prefix) => prefix.split("/")[1]!);
function publicRoutes(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const route = "/" + path.relative("app", dir).split(path.sep).join("/");
        if (route.includes("[...")) continue; // the dialects' JSON 404 for unknown paths
        const source = fs.readFileSync(full, "utf8");
        for (const [, method] of source.matchAll(/export const (GET|POST|DELETE|PUT|PATCH) =/g)) {
          found.push(`${method} ${route.replace(/\[([^\]]+)\]/g, "{$1}")}`);
        }
      }
    }
  };
  for (const dir of API_DIRS) walk(path.join("app", dir));
  return found.sort();
}

describe("the OpenAPI document", () => {
  const document = openApiDocument("http://localhost:3000");

  it("is a valid OpenAPI 3.1 document by a maintained validator", async () => {
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? [] : result.errors.map((e) => e.message)).toEqual([]);
    expect(document.openapi).toBe("3.1.0");
  });

  it("serves each dialect's endpoints under that dialect's prefix of the site map", () => {
    for (const [dialect, endpoints] of Object.entries(ENDPOINTS_BY_DIALECT)) {
      const prefix = API_DIALECT_PREFIXES[dialect as keyof typeof API_DIALECT_PREFIXES];
      for (const endpoint of endpoints) expect(endpoint.spec.path.startsWith(prefix), endpoint.spec.path).toBe(true);
    }
  });

  it("lists every public route handler, and nothing that is not one", () => {
    const documented = Object.entries(document.paths)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
    const routes = publicRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(16);
    expect(documented).toEqual(routes);
  });

  it("describes requests from the handlers' own zod schemas: limits, required fields, scopes", () => {
    const bulk = document.paths["/crm-core/v1/records/bulk/delete"]!.post as {
      requestBody: {
        content: {
          "application/json": {
            schema: { properties: { recordIds: { maxItems?: number; minItems?: number } }; required: string[] };
          };
        };
      };
      "x-scope": string;
    };
    expect(bulk.requestBody.content["application/json"].schema.required).toEqual(["recordIds"]);
    expect(bulk.requestBody.content["application/json"].schema.properties.recordIds).toMatchObject({
      minItems: 1,
      maxItems: 1000,
    });
    expect(bulk["x-scope"]).toBe("records:delete");
    const list = document.paths["/crm-core/v1/records"]!.get as {
      parameters: { name: string; schema: { maximum?: number } }[];
    };
    expect(list.parameters.find((p) => p.name === "limit")?.schema.maximum).toBe(200);
    const zoho = document.paths["/crm/v2/{module}"]!.delete as {
      parameters: { name: string; in: string }[];
      responses: Record<string, unknown>;
    };
    expect(zoho.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(["path:module", "query:ids", "query:wf_trigger"]);
    expect(Object.keys(zoho.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "403"]));
  });
});
