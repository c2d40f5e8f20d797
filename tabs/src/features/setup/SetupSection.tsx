// A titled group of setup fields: a fieldset whose legend names the group for screen readers.
import { Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { DraftErrors, SetupDraft } from "./setupDraft";

/** What every group of setup fields gets: the draft, its errors, whether it is editable and the change handler. */
export interface DraftSectionProps {
  draft: SetupDraft;
  errors: DraftErrors;
  /** No role to edit, or a save in flight: inputs are read-only, switches and choices disabled. */
  readOnly: boolean;
  update: (patch: Partial<SetupDraft>) => void;
}

const useStyles = makeStyles({
  fieldset: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    margin: 0,
    padding: 0,
    border: "none",
  },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXXS },
  heading: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  description: { color: tokens.colorNeutralForeground3 },
});

/** Props: the group's title, a one-line description and its fields. */
export interface SetupSectionProps {
  title: string;
  description?: string;
  children: ReactNode;
}

/** One group of fields (Sync, Customer template, …). */
export function SetupSection({ title, description, children }: SetupSectionProps) {
  const styles = useStyles();
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>
        <span className={styles.heading}>
          <Subtitle2>{title}</Subtitle2>
          {description && <Caption1 className={styles.description}>{description}</Caption1>}
        </span>
      </legend>
      {children}
    </fieldset>
  );
}
