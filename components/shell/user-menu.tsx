"use client";

import { LogOut, UserCog } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { Role } from "@/generated/prisma/enums";

/** The signed-in person as the shell shows them. */
export interface ShellUser {
  name: string;
  email: string;
  role: Role;
}

const ROLE_TONE = { OWNER: "brand", ADMIN: "blue", MEMBER: "green", VIEWER: "zinc" } as const;

export function UserMenu({ user }: { user: ShellUser }) {
  const initials = user.name
    .split(" ")
    .map((p) => p[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <div className="border-t border-zinc-100 p-3">
      <div className="flex items-center gap-2.5 rounded-lg px-1.5 py-1.5">
        <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-zinc-200 text-xs font-semibold text-zinc-700">
          {initials}
        </span>
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-medium" data-testid="user-name">
            {user.name}
          </p>
          <Badge tone={ROLE_TONE[user.role]} className="mt-0.5">
            <span data-testid="user-role">{user.role.charAt(0) + user.role.slice(1).toLowerCase()}</span>
          </Badge>
        </div>
        <Link
          href="/account"
          // Seldom visited: not worth a server render on every page load.
          prefetch={false}
          className="rounded-md p-1.5 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900"
          aria-label="Your account"
          title="Your account"
        >
          <UserCog className="size-4" aria-hidden />
        </Link>
        <button
          type="button"
          // next-auth's client loads on click: every page would otherwise ship it for this button.
          onClick={async () => (await import("next-auth/react")).signOut({ callbackUrl: "/login" })}
          className="rounded-md p-1.5 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900"
          aria-label="Sign out"
          title="Sign out"
        >
          <LogOut className="size-4" aria-hidden />
        </button>
      </div>
    </div>
  );
}
