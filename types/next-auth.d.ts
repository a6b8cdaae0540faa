import type { Role } from "@/generated/prisma/enums";

declare module "next-auth" {
  interface User {
    workspaceId: string;
    role: Role;
    sessionVersion: number;
  }
  interface Session {
    user: {
      id: string;
      workspaceId: string;
      role: Role;
      sessionVersion?: number;
      name?: string | null;
      email?: string | null;
    };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId: string;
    workspaceId: string;
    role: Role;
    sessionVersion?: number;
  }
}
