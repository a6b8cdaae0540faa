"use client";

import { toast } from "sonner";
import { runAction } from "@/components/mutations/use-action-mutation";
import { Select } from "@/components/ui/select";
import { switchWorkspaceAction } from "@/lib/actions/account";

export interface WorkspaceOption {
  id: string;
  name: string;
  current: boolean;
}

/** Shown when the person belongs to more than one workspace; every rule stays per workspace. */
export function WorkspaceSwitcher({ workspaces }: { workspaces: WorkspaceOption[] }) {
  if (workspaces.length < 2) return null;
  return (
    <div className="px-3 pt-3">
      <Select
        aria-label="Workspace"
        className="w-full"
        defaultValue={workspaces.find((w) => w.current)?.id}
        onChange={async (e) => {
          try {
            await runAction(switchWorkspaceAction({ workspaceId: e.target.value }));
            // A full navigation: every page re-renders in the other workspace.
            window.location.assign(new URL("/records", window.location.origin));
          } catch (error) {
            toast.error((error as Error).message);
          }
        }}
      >
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </Select>
    </div>
  );
}
