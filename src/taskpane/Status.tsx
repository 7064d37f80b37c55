/** What both panes (Excel and Word) show while and after they work: progress, failure, notice; and the confirmation before a report with errors is written. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { Dismiss16Regular } from '@fluentui/react-icons';
import { lazy, useRef } from 'react';
import type { ConfirmDialogProps, ConfirmErrorsProps } from './Confirm';
import { Deferred } from './Deferred';
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

// The dialogs load when one is first needed (most sessions never ask a question); once shown, a
// dialog stays mounted so that it closes with its animation.
const LazyConfirmDialog = lazy(() => import(/* webpackChunkName: "confirm" */ './Confirm').then((m) => ({ default: m.ConfirmDialog })));
const LazyConfirmErrors = lazy(() => import(/* webpackChunkName: "confirm" */ './Confirm').then((m) => ({ default: m.ConfirmErrors })));

function useShown(open: boolean): boolean {
  const shown = useRef(false);
  if (open) shown.current = true;
  return shown.current;
}

/** A question before an action that cannot simply be taken back (see Confirm.tsx). */
export function ConfirmDialog(props: ConfirmDialogProps) {
  if (!useShown(props.open)) return null;
  return (
    <Deferred>
      <LazyConfirmDialog {...props} />
    </Deferred>
  );
}

/** The question before a report with errors is written (see Confirm.tsx). */
export function ConfirmErrors(props: ConfirmErrorsProps) {
  if (!useShown(props.errors !== null)) return null;
  return (
    <Deferred>
      <LazyConfirmErrors {...props} />
    </Deferred>
  );
}
