// Vite build for the Teams tab: React, relative asset paths, the consent popup pages, ids from the environment, and a dev proxy to the local API.
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const root = fileURLToPath(new URL(".", import.meta.url));

/** A variable of the Teams Toolkit environment file env/.env.<TEAMSFX_ENV or dev>, when the file has it. */
function fromEnvFile(name: string): string | undefined {
  const file = fileURLToPath(new URL(`../env/.env.${process.env.TEAMSFX_ENV ?? "dev"}`, import.meta.url));
  if (!fs.existsSync(file)) return undefined;
  const line = fs.readFileSync(file, "utf8").split(/\r?\n/).find((l) => l.startsWith(`${name}=`));
  return line?.slice(name.length + 1).trim() || undefined;
}

/** The first real id: the all-zero placeholder of env/.env.dev counts as unset. */
function firstId(...candidates: (string | undefined)[]): string {
  return candidates.find((id) => id && !/^0{8}-0{4}-0{4}-0{4}-0{12}$/.test(id)) ?? "";
}

// The ids the tab needs at run time. The toolkit's build step has TEAMS_APP_ID and AAD_APP_CLIENT_ID in its
// environment; VITE_TEAMS_APP_ID / VITE_ENTRA_CLIENT_ID override them, and env/.env.<env> is the last resort.
const teamsAppId = firstId(process.env.VITE_TEAMS_APP_ID, process.env.TEAMS_APP_ID, fromEnvFile("TEAMS_APP_ID"));
const entraClientId = firstId(process.env.VITE_ENTRA_CLIENT_ID, process.env.AAD_APP_CLIENT_ID, process.env.ENTRA_CLIENT_ID, fromEnvFile("AAD_APP_CLIENT_ID"));

export default defineConfig({
  root,
  base: "./",
  plugins: [react()],
  define: {
    "import.meta.env.VITE_TEAMS_APP_ID": JSON.stringify(teamsAppId),
    "import.meta.env.VITE_ENTRA_CLIENT_ID": JSON.stringify(entraClientId),
  },
  build: {
    outDir: fileURLToPath(new URL("./dist", import.meta.url)),
    emptyOutDir: true,
    // Fluent UI is one large vendor chunk; the default 500 kB warning is noise here.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // The consent popup (authentication.authenticate) opens auth-start.html; Entra redirects to auth-end.html.
      input: {
        main: fileURLToPath(new URL("./index.html", import.meta.url)),
        authStart: fileURLToPath(new URL("./auth-start.html", import.meta.url)),
        authEnd: fileURLToPath(new URL("./auth-end.html", import.meta.url)),
      },
    },
  },
  server: {
    port: 5173,
    proxy: { "/api": "http://localhost:53000" },
  },
});
