import { searchParamsOf, sessionRoute } from "@/lib/actions/session-route";
import { AppError } from "@/lib/errors";
import { previewSegment } from "@/lib/segments/preview";

function parseFilter(raw: string | undefined): unknown {
  try {
    return JSON.parse(raw ?? "{}");
  } catch {
    throw new AppError("VALIDATION", "The filter is not valid JSON.", "filter");
  }
}

/** ?entity=leads&filter={"conditions":[...]} → how many live records match right now. */
export const GET = sessionRoute((actor, request) => {
  const { entity, filter } = searchParamsOf(request);
  return previewSegment(actor, { entity, filter: parseFilter(filter) });
});
