// Covers wording sync problems, skipped records and their kinds from codes in English and Dutch, with the server's text for unknown codes.
import { afterEach, describe, expect, it } from "vitest";
import { setLanguage } from "../../shared/i18n/i18n";
import { skipReasonText, syncErrorText, syncKindLabel } from "./syncProblemText";

const skipped = { kind: "customer" as const, itemId: "c-1", name: "Anna", reason: "no e-mail address in Bookings", reasonCode: "noEmail" as const };

afterEach(() => setLanguage("en"));

describe("sync problem texts", () => {
  it("words codes in English", () => {
    expect(skipReasonText(skipped)).toBe("No e-mail address in Bookings");
    expect(syncKindLabel("customer")).toBe("Customer");
    expect(syncErrorText({ code: "graphFailed", message: "Internal", status: 503 })).toBe("Microsoft Graph answered with an error (HTTP 503).");
    expect(syncErrorText({ code: "unexpected", message: "boom" })).toBe("Unexpected error: boom");
  });

  it("words codes in Dutch", () => {
    setLanguage("nl");
    expect(skipReasonText(skipped)).toBe("Geen e-mailadres in Bookings");
    expect([syncKindLabel("customer"), syncKindLabel("appointment"), syncKindLabel("run")]).toEqual(["Klant", "Afspraak", "Synchronisatie"]);
    expect(syncErrorText({ code: "graphNotFound", message: "Not found", status: 404 })).toBe("Microsoft Graph vindt dit item niet meer (HTTP 404).");
    expect(syncErrorText({ code: "graphDenied", message: "Forbidden", status: 403 })).toBe("Microsoft Graph weigerde de toegang (HTTP 403).");
    expect(syncErrorText({ code: "abandoned", message: "The sync stopped before it finished (…)." })).toBe(
      "De synchronisatie stopte voordat ze klaar was (de server is herstart of verloor de verbinding met de database).",
    );
    expect(syncErrorText({ code: "consentRequired", message: "consent" })).toBe("Een beheerder van je organisatie moet deze app toestemming geven om Microsoft Bookings te lezen.");
  });

  it("shows the server's English text for unknown or missing codes and kinds", () => {
    setLanguage("nl");
    expect(skipReasonText({ reason: "a future reason", reasonCode: "somethingNew" })).toBe("a future reason");
    expect(skipReasonText({ reason: "stored before codes" })).toBe("stored before codes");
    expect(syncErrorText({ code: "newCode", message: "Graph said no" })).toBe("Graph said no");
    expect(syncErrorText({ message: "stored before codes" })).toBe("stored before codes");
    expect(syncKindLabel("staff")).toBe("staff");
  });
});
