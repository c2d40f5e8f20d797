// Confirmation dialog before deleting a draft invoice.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
} from "@fluentui/react-components";
import { formatMoney, plural } from "../../shared/format";
import type { Invoice } from "./invoice.types";
import { bookingCount } from "./bookingCount";

/** Props: the draft to confirm (null closes the dialog) and the two outcomes. */
export interface DeleteDraftDialogProps {
  draft: Invoice | null;
  deleting: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before a draft is deleted and says what happens to its bookings. */
export function DeleteDraftDialog({ draft, deleting, onConfirm, onCancel }: DeleteDraftDialogProps) {
  return (
    <Dialog
      open={draft !== null}
      modalType="alert"
      onOpenChange={(_, data) => {
        if (!data.open && !deleting) onCancel();
      }}
    >
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>Delete draft invoice?</DialogTitle>
          <DialogContent>
            {draft &&
              `The draft for ${draft.customer.name} (${formatMoney(draft.total, draft.currency)}) will be deleted. ` +
                `Its ${plural(bookingCount(draft), "booking")} will return to the To invoice list.`}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel} disabled={deleting}>
              Cancel
            </Button>
            <Button
              appearance="primary"
              onClick={onConfirm}
              disabled={deleting}
              icon={deleting ? <Spinner size="tiny" /> : undefined}
            >
              Delete draft
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
