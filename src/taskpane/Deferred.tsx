/**
 * A part of the pane that loads when first shown (React.lazy): a small spinner while it loads, and
 * if its file cannot be loaded (the network dropped, or the add-in was updated meanwhile), a message
 * in its place instead of an empty pane.
 */
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { Component, Suspense, type ReactNode } from 'react';
import { LOAD_FAILURE } from './action';

/** A part of the add-in's own program could not be loaded: what happened, and what to do. */
export function LoadFailure() {
  return (
    <MessageBar layout="multiline" intent="error">
      <MessageBarBody>
        <MessageBarTitle>{LOAD_FAILURE.title}</MessageBarTitle>
        {LOAD_FAILURE.message}
      </MessageBarBody>
    </MessageBar>
  );
}

class LoadBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? <LoadFailure /> : this.props.children;
  }
}

/** `loading` is what the spinner says; without it nothing shows while loading (a dialog about to open). */
export function Deferred({ loading, children }: { loading?: string; children: ReactNode }) {
  return (
    <LoadBoundary>
      <Suspense fallback={loading ? <Spinner size="tiny" label={loading} /> : null}>{children}</Suspense>
    </LoadBoundary>
  );
}
