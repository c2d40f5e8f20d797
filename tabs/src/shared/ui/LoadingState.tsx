// A centred Spinner with a label, for the first load of a list.
import { Spinner, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", justifyContent: "center", padding: tokens.spacingVerticalXXXL },
});

/** Spinner shown while a list loads for the first time. */
export function LoadingState({ label }: { label: string }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Spinner label={label} />
    </div>
  );
}
