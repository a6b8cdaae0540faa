import type { Prisma } from "@/generated/prisma/client";
import type { FieldType } from "@/lib/universal/fields";
import { labelFromName } from "@/lib/universal/fields";
import * as w from "./words";

type Spec = [name: string, type: FieldType, options?: readonly string[]];

/** The demo entities' declared fields: exactly what attributesFor() in demo.ts fills in. */
const FIELDS: Record<"leads" | "contacts" | "deals", Spec[]> = {
  leads: [
    ["email", "EMAIL"],
    ["company", "TEXT"],
    ["title", "TEXT"],
    ["status", "SELECT", w.LEAD_STATUSES],
    ["source", "SELECT", w.LEAD_SOURCES],
    ["city", "TEXT"],
    ["score", "NUMBER"],
  ],
  contacts: [
    ["email", "EMAIL"],
    ["company", "TEXT"],
    ["title", "TEXT"],
    ["lifecycle", "SELECT", w.LIFECYCLES],
    ["city", "TEXT"],
  ],
  deals: [
    ["company", "TEXT"],
    ["stage", "SELECT", w.DEAL_STAGES],
    ["amount", "NUMBER"],
    ["currency", "SELECT", ["EUR", "USD", "GBP"]],
    ["closeDate", "DATE"],
  ],
};

export function demoFields(
  workspaceId: string,
  entityId: string,
  slug: keyof typeof FIELDS,
): Prisma.EntityFieldCreateManyInput[] {
  return FIELDS[slug].map(([name, type, options], i) => ({
    workspaceId,
    entityId,
    name,
    label: labelFromName(name),
    type,
    options: options ? [...options] : [],
    position: i + 1,
  }));
}
