// The bar above a list in the Invoices tab (selection summary and actions; drafts' export): one look for both.
import { tokens, type GriffelStyle } from "@fluentui/react-components";
import { NARROW_MEDIA } from "../../shared/narrow";

/** Style of a panel's toolbar row, for makeStyles. */
export const panelToolbar: GriffelStyle = {
  display: "flex",
  alignItems: "center",
  justifyContent: "space-between",
  flexWrap: "wrap",
  gap: tokens.spacingHorizontalM,
  padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
  [NARROW_MEDIA]: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
  borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
};
