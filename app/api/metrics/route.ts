import { metricsResponse } from "@/lib/ops/metrics-route";

export const dynamic = "force-dynamic";
export const GET = (request: Request) => metricsResponse(request);
