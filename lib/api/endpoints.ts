import type { ApiDialectName } from "@/lib/universal/site-map";
import { solapiEndpoints } from "./dialects/solapi";
import { talkdeskEndpoints } from "./dialects/talkdesk";
import { zeegEndpoints } from "./dialects/zeeg";
import { zohoEndpoints } from "./dialects/zoho";
import { zohoWriteEndpoints } from "./dialects/zoho-writes";

/** Each dialect's endpoints; the type asks for every dialect of the site map. */
export const ENDPOINTS_BY_DIALECT = {
  solapi: solapiEndpoints,
  talkdesk: talkdeskEndpoints,
  zoho: [...zohoWriteEndpoints, ...zohoEndpoints],
  zeeg: zeegEndpoints,
} satisfies Record<ApiDialectName, unknown[]>;

/** Every public API endpoint, in the order the OpenAPI document lists them. */
export const API_ENDPOINTS = Object.values(ENDPOINTS_BY_DIALECT).flat();
