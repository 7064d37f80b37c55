/** What both panes (Excel and Word) show while and after they work: progress, failure, notice; and the confirmation before a report with errors is written. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from '@fluentui/react-components';
import { Dismiss16Regular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import type { Failure, Notice } from './store';

export function Status({ busy, failure, notice, onDismiss }: { busy: string | null; failure: Failure | null; notice: Notice | null; onDismiss: () => void }) {
  const close = <Button appearance="transparent" aria-label="关闭" icon={<Dismiss16Regular />} onClick={onDismiss} />;
  return (
    <div aria-live="polite">
      {busy && <Spinner size="tiny" labelPosition="after" label={busy} />}
      {failure && (
        <MessageBar layout="multiline" intent="error">
          <MessageBarBody>
            <MessageBarTitle>{failure.title}</MessageBarTitle>
            {failure.message}
          </MessageBarBody>
          <MessageBarActions containerAction={close} />
        </MessageBar>
      )}
      {notice && (
        <MessageBar layout="multiline" intent={notice.intent}>
          <MessageBarBody>{notice.text}</MessageBarBody>
          <MessageBarActions containerAction={close} />
        </MessageBar>
      )}
    </div>
  );
}

/** A question before an action that cannot simply be taken back; the safe answer can be the primary button. */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Which button is the primary one, placed first (the confirmation by default). */
  primary?: 'confirm' | 'cancel';
}) {
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

export function ConfirmErrors(props: {
  errors: number | null;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
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
