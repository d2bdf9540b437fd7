import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// The layers (docs/decisions/0016-layers-and-how-lint-enforces-them.md), top to bottom:
//   tools      server.ts, db/seed/, db/*cli.ts, scripts/, bench/, tests/   may import anything
//   routes     app/routes/, app/root.tsx, app/entry.*                       everything below
//   components app/components/                                              domain, i18n
//   jobs, http, auth (guards, sessions)                                     models and below
//   models     app/models/                                                  emails, db, domain, i18n, auth's crypto
//   emails     emails/                                                      db, domain, i18n
//   db         db/ (client, schema, migrations)                             domain, i18n
//   i18n       app/i18n/                                                    domain
//   domain     app/domain/                                                  nothing of ours
// Each folder lists what it may not import; madge (npm run lint:cycles) catches cycles.
const layer = (name) => [`~/${name}`, `~/${name}/**`, `**/app/${name}`, `**/app/${name}/**`, `../${name}/**`];
const LAYERS = {
  routes: [...layer("routes"), "~/root", "**/app/root", "~/entry.*"],
  components: layer("components"),
  jobs: layer("jobs"),
  http: layer("http"),
  auth: layer("auth"),
  models: layer("models"),
  i18n: layer("i18n"),
  emails: ["@emails/**", "**/emails/**"],
  db: ["@db/**", "**/db/**", "../*.server", "../client", "../schema"],
  tools: ["@db/seed/**", "**/db/seed/**", "@db/cli", "**/db/cli", "@db/backup-cli", "**/db/backup-cli", "**/scripts/**", "**/bench/**", "**/tests/**", "../server", "../../server", "./seed/**", "./cli", "./backup-cli"],
};
// Models use the token and password hashing and the secret box of app/auth; nothing else of it.
const AUTH_BUT_CRYPTO = ["~/auth/**", "**/app/auth/**", "!**/auth/tokens.server", "!**/auth/password.server", "!**/auth/secret-box.server"];
// react-i18next's hook costs a copy of the i18next instance and a new translate function per
// component per render; ours hands out one shared function (app/i18n/use-translation.ts, issue 20).
const REACT_I18NEXT_HOOK = {
  name: "react-i18next",
  importNames: ["useTranslation"],
  message: "Use useTranslation from ~/i18n/use-translation: one shared translate function per language and namespace.",
};
const forbid = (above, message) => ({
  "no-restricted-imports": ["error", { paths: [REACT_I18NEXT_HOOK], patterns: [{ group: above.flatMap((name) => LAYERS[name]), message }] }],
});

export default tseslint.config(
  { ignores: ["build/", "public/build/", ".cache/", "data/", "node_modules/", "test-results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { react, "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    settings: { react: { version: "detect" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
      "react/prop-types": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  // Layers: a lower one never imports a higher one (order and reasons in ADR 0016).
  {
    files: ["app/components/**"],
    rules: forbid(["routes", "jobs", "http", "auth", "models", "emails", "db", "tools"], "Components render what they are given: data comes from the route's loader; use domain and i18n only."),
  },
  {
    files: ["app/jobs/**"],
    rules: forbid(["routes", "components", "auth", "tools"], "A job calls models (and takes the base URL from app/http/public-url.server.ts); it knows no page."),
  },
  {
    files: ["app/http/**"],
    rules: forbid(["routes", "components", "jobs", "tools"], "HTTP helpers sit below the routes and jobs that use them."),
  },
  {
    files: ["app/auth/**"],
    rules: forbid(["routes", "components", "jobs", "http", "emails", "tools"], "Guards and sessions read models and the database, nothing above them."),
  },
  {
    files: ["app/auth/tokens.server.ts", "app/auth/password.server.ts", "app/auth/secret-box.server.ts"],
    rules: forbid(["routes", "components", "jobs", "http", "auth", "models", "emails", "db", "tools"], "Hashing and secrets are imported by models: they import nothing of ours above the domain."),
  },
  {
    files: ["app/models/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [REACT_I18NEXT_HOOK],
          patterns: [
            {
              group: [...["routes", "components", "jobs", "http", "tools"].flatMap((name) => LAYERS[name]), ...AUTH_BUT_CRYPTO],
              message: "Models take what they need as arguments (the base URL, the acting user): never a route, component, job, HTTP helper or guard.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["emails/**"],
    rules: forbid(["routes", "components", "jobs", "http", "auth", "models", "tools"], "Templates and the outbox get their data from models; they import db, domain and i18n only."),
  },
  {
    files: ["db/**"],
    ignores: ["db/seed/**", "db/cli.ts", "db/backup-cli.ts"],
    rules: forbid(["routes", "components", "jobs", "http", "auth", "models", "emails", "tools"], "db/ is below the application: seeds and CLIs that need models live in db/seed/ or a *cli.ts."),
  },
  {
    files: ["app/i18n/**"],
    rules: forbid(["routes", "components", "jobs", "http", "auth", "models", "emails", "db", "tools"], "Texts take plain inputs (domain types or local interfaces), never a model's row."),
  },
  {
    files: ["app/domain/**"],
    rules: forbid(["routes", "components", "jobs", "http", "auth", "models", "emails", "db", "i18n", "tools"], "The domain is plain functions: it imports nothing of ours outside app/domain."),
  },
  {
    files: ["app/routes/**", "app/root.tsx", "app/entry.*"],
    rules: forbid(["tools"], "Seeds, scripts and tests are not part of the running application."),
  },
);
