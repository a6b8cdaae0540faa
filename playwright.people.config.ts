import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// The empty-installation spec alone: it starts its own server (port 3210, empty PostgreSQL
// schema), so the demo server of the main config is not needed. `npm run test:e2e` runs it too.
export default defineConfig({ ...base, testMatch: "people.spec.ts", webServer: undefined });
