import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/actor";
import { authenticateApiCall } from "@/lib/api-keys/authenticate";
import type { Scope } from "@/lib/universal/scopes";
import { AppError } from "@/lib/errors";
import { countApiCall } from "@/lib/ops/metrics";
import { MAX_BODY_BYTES } from "@/lib/request-limits";
import { parseInput } from "@/lib/validation";
import { searchParamsOf } from "./session-route";
import { runDoor } from "./steps";

/** How one public API dialect answers an error: its own status and body shape. */
export interface ApiDialect {
  /** Its name, as the OpenAPI document tags its endpoints. */
  tag: string;
  description: string;
  error(error: AppError, why: { scopeMissing: boolean }): ApiResponse;
  /** Its error body, for the OpenAPI document. */
  errorSchema: z.ZodType;
}

export interface ApiResponse {
  status: number;
  body: unknown;
}

export interface ApiInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

const NONE = z.object({});
type Part = z.ZodType;
type Out<S extends Part | undefined> = S extends Part ? z.output<S> : Record<string, never>;

export interface EndpointSpec<
  P extends Part | undefined,
  Q extends Part | undefined,
  B extends Part | undefined,
  R extends Part = Part,
> {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** The success status (201 for a create); 200 unless given. */
  successStatus?: 200 | 201;
  /** A batch whose every item failed is answered 400 with the same body (Zoho's way); this says when. */
  everyItemFailed?(body: z.input<R>): boolean;
  /** The path as OpenAPI writes it, e.g. /crm-core/v1/records/{recordId}. */
  path: string;
  summary: string;
  description?: string;
  dialect: ApiDialect;
  scope: Scope;
  params?: P;
  query?: Q;
  body?: B;
  /** The success body: the OpenAPI document describes it, and `handle` must return it. */
  response: R;
  /** The error statuses this endpoint can answer, for the OpenAPI document. */
  errors: number[];
  /** Maps the parsed request to one domain call and its result to the dialect's 200 body. */
  handle(actor: Actor, input: ApiInput<Out<P>, Out<Q>, Out<B>>, now: Date): Promise<z.input<R>>;
}

export type AnyEndpointSpec = EndpointSpec<Part | undefined, Part | undefined, Part | undefined>;

export interface ApiEndpoint {
  spec: AnyEndpointSpec;
  handler(
    request: Request,
    context: { params: Promise<Record<string, string | string[] | undefined>> },
  ): Promise<Response>;
}

/** JSON whose bigints (record numbers) are written as plain numbers, never rounded. */
export function jsonResponse({ status, body }: ApiResponse): Response {
  const text = JSON.stringify(body, (_key, value) =>
    typeof value === "bigint" ? `\u0000bigint:${value}` : value,
  ).replace(/"\\u0000bigint:(\d+)"/g, "$1");
  return new Response(text, {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}

const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", "The request body is over 1 MB.");

/** An empty body is no body (clients send Content-Type: application/json on every call); otherwise JSON. */
function parseBody(text: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError("VALIDATION", `The request body is not valid JSON: ${(error as Error).message}`, "body");
  }
}

/**
 * The one way in for the public API: credentials → the key's user with membership and role
 * re-read → the key's scope → zod parse of path, query and body → one domain call → the
 * dialect's response. Session cookies play no part. Every failure on the way is an AppError
 * the dialect answers in its own shape; nothing escapes as HTML.
 */
export function apiEndpoint<
  P extends Part | undefined = undefined,
  Q extends Part | undefined = undefined,
  B extends Part | undefined = undefined,
  R extends Part = Part,
>(spec: EndpointSpec<P, Q, B, R>): ApiEndpoint {
  const handler: ApiEndpoint["handler"] = async (request, context) => {
    let scopeMissing = false;
    const whoIsAsking = async () => {
      if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw tooLarge();
      const caller = await authenticateApiCall(request.headers.get("authorization"), new Date());
      if (!caller.scopes.includes(spec.scope)) {
        scopeMissing = true;
        throw new AppError("FORBIDDEN", `This API key lacks the scope ${spec.scope}.`, "scope");
      }
      return caller.actor;
    };
    const raw = async () => {
      const text = spec.body ? await request.text() : "";
      if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw tooLarge();
      return { params: (await context?.params) ?? {}, query: searchParamsOf(request), body: parseBody(text) };
    };
    const result = await runDoor(whoIsAsking, z.unknown(), null, async (actor, _none, now) => {
      const { params, query, body } = await raw();
      const input = {
        params: parseInput(spec.params ?? NONE, params),
        query: parseInput(spec.query ?? NONE, query),
        body: spec.body ? parseInput(spec.body, body) : {},
      } as ApiInput<Out<P>, Out<Q>, Out<B>>;
      return spec.handle(actor, input, now);
    });
    countApiCall(spec.dialect.tag, result.ok ? "ok" : result.error.code);
    const status = result.ok && spec.everyItemFailed?.(result.data) ? 400 : (spec.successStatus ?? 200);
    return jsonResponse(result.ok ? { status, body: result.data } : spec.dialect.error(result.error, { scopeMissing }));
  };
  return { spec: spec as unknown as AnyEndpointSpec, handler };
}

/** Any other path under a dialect's prefix: the dialect's own 404, in JSON, whatever the method. */
export function unknownPathHandler(dialect: ApiDialect) {
  return async (request: Request) => {
    const path = new URL(request.url).pathname;
    return jsonResponse(
      dialect.error(
        new AppError("NOT_FOUND", `No endpoint ${request.method} ${path.slice(0, 200)}; see /api/openapi.json.`),
        { scopeMissing: false },
      ),
    );
  };
}

type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type RouteHandler = (request: Request) => Promise<Response>;

/**
 * The other methods of a path that has endpoints: the dialect's own 405 in JSON, with the
 * Allow header, rather than Next's empty 405. A route file exports these beside its endpoints.
 */
export function methodNotAllowed(...endpoints: [ApiEndpoint, ...ApiEndpoint[]]): Record<HttpMethod, RouteHandler> {
  const allowed = endpoints.map((e) => e.spec.method);
  const dialect = endpoints[0].spec.dialect;
  const handler: RouteHandler = async (request) => {
    const response = jsonResponse(
      dialect.error(
        new AppError(
          "METHOD_NOT_ALLOWED",
          `${request.method} is not allowed on this path; use ${allowed.join(" or ")}.`,
        ),
        { scopeMissing: false },
      ),
    );
    response.headers.set("allow", allowed.join(", "));
    return response;
  };
  return { GET: handler, POST: handler, PUT: handler, PATCH: handler, DELETE: handler };
}
