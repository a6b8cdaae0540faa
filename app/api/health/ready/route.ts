import { readinessResponse } from "@/lib/ops/health-route";

export const dynamic = "force-dynamic";
export const GET = readinessResponse;
