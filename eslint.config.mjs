import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // Domain functions share one signature (actor, input, now); some do not need the clock.
    rules: { "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }] },
  },
  // Server, browser, both: the browser's code (components/) takes from lib/ only what is made for
  // both sides (lib/universal/) and the server actions' entry points (lib/actions/); anything
  // else of the server's domain it may import as types alone. lib/universal/ itself stays pure.
  {
    files: ["components/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/*", "!@/lib/universal", "!@/lib/actions"],
              allowTypeImports: true,
              message:
                "The browser may import lib/universal/ and lib/actions/; the rest of lib/ is the server's (types only).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/universal/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/*", "!@/lib/universal", "@/generated/*", "node:*", "@/components/*"],
              allowTypeImports: true,
              message: "lib/universal/ runs in the browser and on the server: it imports only itself (and types).",
            },
          ],
        },
      ],
    },
  },
  // Playwright fixtures call a function named `use`; it is not React's.
  { files: ["e2e/**"], rules: { "react-hooks/rules-of-hooks": "off" } },
  {
    ignores: [
      ".next/**",
      "generated/**",
      "node_modules/**",
      "data/**",
      "e2e/.data/**",
      "playwright-report/**",
      "test-results/**",
      "next-env.d.ts",
    ],
  },
];

export default config;
