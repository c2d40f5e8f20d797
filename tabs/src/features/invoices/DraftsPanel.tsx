// "Drafts" panel: lists draft invoices and deletes one after confirmation.
import { useState } from "react";
import { makeStyles } from "@fluentui/react-components";
import { DocumentBulletListRegular } from "@fluentui/react-icons";
import { errorMessage } from "../../shared/apiClient";
import { useApi } from "../../shared/apiContext";
import { plural } from "../../shared/format";
import type { AsyncData } from "../../shared/useAsyncData";
import { EmptyState } from "../../shared/ui/EmptyState";
import { ErrorBar } from "../../shared/ui/ErrorBar";
import { LoadingState } from "../../shared/ui/LoadingState";
import type { Notice } from "../../shared/ui/NoticeBar";
import { DeleteDraftDialog } from "./DeleteDraftDialog";
import { DraftsTable } from "./DraftsTable";
import { bookingCount } from "./bookingCount";
import type { Invoice } from "./invoice.types";
import { deleteDraftInvoice } from "./invoicesApi";

const useStyles = makeStyles({
  scroller: { overflowX: "auto" },
});

/** Props: the loaded drafts, a page-level notice sink and a refresh of both lists. */
export interface DraftsPanelProps {
  drafts: AsyncData<Invoice[]>;
  onNotice: (notice: Notice) => void;
  onChanged: () => Promise<unknown>;
}

/** Shows the drafts; deleting one returns its bookings to the To invoice list. */
export function DraftsPanel({ drafts, onNotice, onChanged }: DraftsPanelProps) {
  const styles = useStyles();
  const api = useApi();
  const [pending, setPending] = useState<Invoice | null>(null);
  const [deleting, setDeleting] = useState(false);

  async function handleConfirmDelete() {
    if (!pending) return;
    setDeleting(true);
    try {
      await deleteDraftInvoice(api, pending.id);
      onNotice({
        intent: "success",
        title: "Draft deleted",
        body: `${plural(bookingCount(pending), "booking")} returned to the To invoice list.`,
      });
    } catch (err) {
      onNotice({ intent: "error", title: "Could not delete the draft", body: errorMessage(err) });
    } finally {
      setDeleting(false);
      setPending(null);
    }
    await onChanged();
  }

  if (drafts.loading && !drafts.data) return <LoadingState label="Loading drafts…" />;
  const items = drafts.data ?? [];

  return (
    <div>
      <ErrorBar title="Could not load drafts" error={drafts.error} onRetry={() => void drafts.reload()} />
      {drafts.error && !drafts.data ? null : items.length === 0 ? (
        <EmptyState
          icon={<DocumentBulletListRegular />}
          title="No draft invoices"
          hint="Select bookings on the To invoice tab and create draft invoices."
        />
      ) : (
        <div className={styles.scroller}>
          <DraftsTable drafts={items} onDelete={setPending} />
        </div>
      )}
      <DeleteDraftDialog
        draft={pending}
        deleting={deleting}
        onConfirm={() => void handleConfirmDelete()}
        onCancel={() => setPending(null)}
      />
    </div>
  );
}
