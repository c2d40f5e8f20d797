// Slim top bar shown when the tab runs standalone in a browser (Teams provides its own chrome).
import { Badge, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ReceiptMoneyRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import type { Route } from "./useHashRoute";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalL,
    padding: `0 ${tokens.spacingHorizontalXXL}`,
    minHeight: "48px",
    // On a phone-width window the badge goes to a line of its own instead of over the page links.
    flexWrap: "wrap",
    rowGap: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  logo: { fontSize: "22px", color: tokens.colorBrandForeground1, display: "flex" },
  spacer: { flex: 1 },
});

/** Brand, page links and a "local mode" badge. */
export function AppBar({ route }: { route: Route }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const selected = route === "config" ? "setup" : route;
  return (
    <header className={styles.bar}>
      <span className={styles.brand}>
        <span className={styles.logo} aria-hidden>
          <ReceiptMoneyRegular />
        </span>
        <Text weight="semibold">{t("app.brand")}</Text>
      </span>
      <nav aria-label={t("app.pages")}>
        <TabList
          size="small"
          selectedValue={selected}
          onTabSelect={(_, data) => {
            window.location.hash = `#/${String(data.value)}`;
          }}
        >
          <Tab value="invoices">{t("app.invoices")}</Tab>
          <Tab value="overview">{t("app.overview")}</Tab>
          <Tab value="setup">{t("app.setup")}</Tab>
        </TabList>
      </nav>
      <span className={styles.spacer} />
      <Badge appearance="tint" color="informative">
        {t("app.localMode")}
      </Badge>
    </header>
  );
}
