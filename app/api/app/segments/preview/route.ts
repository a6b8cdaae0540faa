import { z } from "zod";
import { sessionRoute } from "@/lib/doors/session-route";
import { previewSegment } from "@/lib/segments/preview";
import { previewSegmentSchema } from "@/lib/segments/schemas";

/** The filter travels as JSON in the query string: ?entity=leads&filter={"conditions":[...]} */
const previewQuerySchema = z
  .object({
    entity: z.unknown(),
    filter: z
      .string()
      .max(10_000)
      .default("{}")
      .transform((text, ctx) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          ctx.addIssue({ code: "custom", message: "The filter is not valid JSON." });
          return z.NEVER;
        }
      }),
  })
  .pipe(previewSegmentSchema);

/** How many live records a filter matches right now. */
export const GET = sessionRoute(previewQuerySchema, previewSegment);
