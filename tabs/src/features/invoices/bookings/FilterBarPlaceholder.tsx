// Where the filter bar goes while its code is on its way: the bar's frame and height, so nothing below it moves.
import { makeStyles, tokens } from "@fluentui/react-components";
import { NARROW_MEDIA } from "../../../shared/narrow";

// The filter bar's heights measured in Chromium, padding and border included: the fields and the search row on a desktop
// (a pane too narrow for the fields in one row wraps them and grows once), the search and Filters button on a phone.
const FILTER_BAR_HEIGHT = { wide: 103, narrow: 49 };

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    height: `${FILTER_BAR_HEIGHT.wide}px`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    [NARROW_MEDIA]: { height: `${FILTER_BAR_HEIGHT.narrow}px` },
  },
});

/** An empty frame of the filter bar's size (the bar itself follows the first page of bookings). */
export function FilterBarPlaceholder() {
  return <div className={useStyles().root} data-testid="filter-bar-placeholder" aria-hidden="true" />;
}
