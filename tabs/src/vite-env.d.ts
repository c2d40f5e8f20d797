// Build-time settings Vite puts into import.meta.env (see tabs/vite.config.ts for their defaults).
interface ImportMetaEnv {
  /** The Teams app id of the manifest, for deep links to the Invoices tab. */
  readonly VITE_TEAMS_APP_ID?: string;
  /** The Entra app (client) id the consent popup asks permissions for. */
  readonly VITE_ENTRA_CLIENT_ID?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
