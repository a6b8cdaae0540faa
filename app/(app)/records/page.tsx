import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { listEntities } from "@/lib/entities";

export default async function RecordsIndex() {
  const actor = await requireActor("/records");
  const [first] = await listEntities(actor);
  redirect(first ? `/records/${first.slug}` : "/settings");
}
