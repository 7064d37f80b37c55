/**
 * The one way a pane runs a user action (both the Excel and the Word pane): one at a time, progress
 * while it runs, its outcome or one failure message after. Expected failures (`UserError`) show
 * their own message; a host error its host's explanation; anything else is labelled unexpected.
 */
import { UserError, errorCode, errorText, sentence } from '../errors';
import { describeOfficeError } from '../excel/errors';
import type { Failure, Notice, Store } from './store';

/** What the pane shows when a part of the add-in could not be loaded (the network dropped, or the add-in was updated meanwhile). */
export const LOAD_FAILURE = {
  title: '未能载入加载项的程序文件',
  message: '网络中断或加载项已更新。请检查网络，关闭并重新打开任务窗格后重试；工作簿没有被改动。',
};

export type ActionState = { busy: string | null; failure: Failure | null; notice: Notice | null };

export type Host = 'Excel' | 'Word';

export function describeFailure(e: unknown, host: Host): string {
  if (e instanceof UserError) return sentence(e.message);
  if (errorCode(e) !== undefined) return host === 'Excel' ? describeOfficeError(e) : `Word 操作失败（${errorCode(e)}），请重试。`;
  return `发生意外错误（${errorText(e)}）。请重试；如果问题持续，请联系管理员。`;
}

export function failureOf(title: string, e: unknown, host: Host): Failure {
  return { title, message: describeFailure(e, host) };
}

export type Action<S> = (label: string, failureTitle: string, work: () => Promise<Partial<S>>) => Promise<void>;

/** `reset` is what every action clears when it starts (besides the failure and the notice). */
export function actionRunner<S extends ActionState>(store: Store<S>, host: Host, reset: Partial<S>): Action<S> {
  return async (label, failureTitle, work) => {
    if (store.get().busy) return; // one action at a time: a second click while working does nothing
    store.set({ ...reset, busy: label, failure: null, notice: null } as Partial<S>);
    try {
      store.set({ ...(await work()), busy: null } as Partial<S>);
    } catch (e) {
      store.set({ busy: null, failure: failureOf(failureTitle, e, host) } as Partial<S>);
    }
  };
}

/** What both panes let the user do besides their actions: the blank-as-zero choice, dismissing a message, showing a failure. */
export function paneSetters<S extends ActionState & { blankAsZero: boolean }>(store: Store<S>) {
  return {
    setBlankAsZero(value: boolean): void {
      store.set({ blankAsZero: value } as Partial<S>);
    },
    dismiss(): void {
      store.set({ failure: null, notice: null } as Partial<S>);
    },
    fail(failure: Failure): void {
      store.set({ failure, notice: null } as Partial<S>);
    },
  };
}
