// Types i18next's t() against the English resources, so a key that does not exist fails the type check.
import "i18next";
import type { Messages } from "./en";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Messages };
  }
}
