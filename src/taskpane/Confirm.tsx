/** The pane's questions before an action that cannot simply be taken back (loaded when one is first asked). */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import type { ReactNode } from 'react';

/** A question before an action that cannot simply be taken back; the safe answer can be the primary button. */
export type ConfirmDialogProps = {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Which button is the primary one, placed first (the confirmation by default). */
  primary?: 'confirm' | 'cancel';
};

export function ConfirmDialog(props: ConfirmDialogProps) {
  const cancelFirst = props.primary === 'cancel';
  return (
    <Dialog open={props.open} onOpenChange={(_e, d) => (d.open ? undefined : props.onCancel())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent>{props.children}</DialogContent>
          <DialogActions>
            {cancelFirst ? (
              <>
                <Button appearance="primary" onClick={props.onCancel}>
                  {props.cancelLabel}
                </Button>
                <Button onClick={props.onConfirm}>{props.confirmLabel}</Button>
              </>
            ) : (
              <>
                <Button appearance="primary" onClick={props.onConfirm}>
                  {props.confirmLabel}
                </Button>
                <Button onClick={props.onCancel}>{props.cancelLabel}</Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export type ConfirmErrorsProps = {
  errors: number | null;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
};

/** The question before a report with errors is written: going back to fix them is the primary answer. */
export function ConfirmErrors(props: ConfirmErrorsProps) {
  return (
    <ConfirmDialog
      open={props.errors !== null}
      title={`报告还有 ${props.errors ?? 0} 个错误`}
      confirmLabel={props.confirmLabel}
      cancelLabel={props.cancelLabel}
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
      // Going back to fix the errors is the safe answer, so it is the primary button.
      primary="cancel"
    >
      {props.children}
    </ConfirmDialog>
  );
}
