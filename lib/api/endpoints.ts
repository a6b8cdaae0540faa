import { crmCoreEndpoints } from "./crm-core";
import { hardDeleteEndpoints } from "./hard-delete";
import { recordListsEndpoints } from "./record-lists";
import { zohoEndpoints } from "./zoho";

/** Every public API endpoint, in the order the OpenAPI document lists them. */
export const API_ENDPOINTS = [...crmCoreEndpoints, ...recordListsEndpoints, ...zohoEndpoints, ...hardDeleteEndpoints];
