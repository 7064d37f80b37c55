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

export function ConfirmErrors(props: {
  errors: number | null;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog open={props.errors !== null} onOpenChange={(_e, d) => (d.open ? undefined : props.onCancel())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>报告还有 {props.errors ?? 0} 个错误</DialogTitle>
          <DialogContent>{props.children}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={props.onConfirm}>
              {props.confirmLabel}
            </Button>
            <Button onClick={props.onCancel}>{props.cancelLabel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
