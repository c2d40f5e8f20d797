// Slim top bar shown when the tab runs standalone in a browser (Teams provides its own chrome).
import { Badge, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ReceiptMoneyRegular } from "@fluentui/react-icons";
import type { Route } from "./useHashRoute";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalL,
    padding: `0 ${tokens.spacingHorizontalXXL}`,
    minHeight: "48px",
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
  const selected = route === "config" ? "setup" : route;
  return (
    <header className={styles.bar}>
      <span className={styles.brand}>
        <span className={styles.logo} aria-hidden>
          <ReceiptMoneyRegular />
        </span>
        <Text weight="semibold">Bookings Invoicing</Text>
      </span>
      <nav aria-label="Pages">
        <TabList
          size="small"
          selectedValue={selected}
          onTabSelect={(_, data) => {
            window.location.hash = `#/${String(data.value)}`;
          }}
        >
          <Tab value="invoices">Invoices</Tab>
          <Tab value="setup">Setup</Tab>
        </TabList>
      </nav>
      <span className={styles.spacer} />
      <Badge appearance="tint" color="informative">
        Local mode
      </Badge>
    </header>
  );
}
