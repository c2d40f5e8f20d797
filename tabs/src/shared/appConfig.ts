// Ids fixed when the tab is built (Vite env variables), with empty strings when the build did not set them.

/** The Teams app id deep links point at: VITE_TEAMS_APP_ID, by default the manifest's TEAMS_APP_ID. */
export const TEAMS_APP_ID: string = import.meta.env.VITE_TEAMS_APP_ID ?? "";

/** The Entra app (client) id the consent page asks for: VITE_ENTRA_CLIENT_ID, by default AAD_APP_CLIENT_ID. */
export const ENTRA_CLIENT_ID: string = import.meta.env.VITE_ENTRA_CLIENT_ID ?? "";
