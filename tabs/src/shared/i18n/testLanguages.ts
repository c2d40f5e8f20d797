// Vitest setup of the unit tests: the Dutch texts are loaded before any test, as the tab loads them for a Dutch host,
// so tests may switch languages with setLanguage() alone.
import { loadLanguage } from "./i18n";

await loadLanguage("nl");
