// A centred icon, title, hint and an optional action for lists with nothing in them.
import { Body1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalL}`,
    textAlign: "center",
    color: tokens.colorNeutralForeground2,
  },
  icon: { fontSize: "48px", color: tokens.colorBrandForeground1, display: "flex" },
});

/** Empty-list placeholder; `icon` is a Fluent icon element, `action` a button that leads on. */
export function EmptyState({ icon, title, hint, action }: { icon: ReactNode; title: string; hint?: string; action?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="status">
      <span className={styles.icon} aria-hidden>
        {icon}
      </span>
      <Subtitle2>{title}</Subtitle2>
      {hint && <Body1>{hint}</Body1>}
      {action}
    </div>
  );
}
