/** The checker page: the same findings list as the task pane, the three tables beside it, downloads. No Office. */
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  FluentProvider,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Title3,
  makeStyles,
  mergeClasses,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { useState, useSyncExternalStore, type DragEvent } from 'react';
import { CURRENT_REVISION, revisionOf, summaryText } from '../core';
import { Findings } from '../taskpane/Findings';
import { FileLink } from '../taskpane/FileLink';
import { readPickedFile } from '../taskpane/pick';
import { CHECKER_ACCEPT, type Checker } from './session';
import { Tables } from './Tables';

const useStyles = makeStyles({
  page: { maxWidth: '1400px', margin: '0 auto', padding: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  dropping: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  body: { display: 'grid', gridTemplateColumns: 'minmax(300px, 420px) 1fr', gap: tokens.spacingHorizontalXL, alignItems: 'start' },
  findings: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, position: 'sticky', top: 0, maxHeight: '100vh', overflowY: 'auto' },
  tables: { minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export function CheckerApp({ checker }: { checker: Checker }) {
  const styles = useStyles();
  const state = useSyncExternalStore(checker.subscribe, checker.getState, checker.getState);
  const [dropping, setDropping] = useState(false);
  const busy = state.busy !== null;
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDropping(false);
    const file = e.dataTransfer.files[0];
    if (!file || busy) return;
    readPickedFile(file).then(
      (f) => checker.open(f),
      (err: unknown) => checker.fail({ title: `无法读取“${file.name}”`, message: err instanceof Error ? err.message : String(err) }),
    );
  };
  const current = state.current;
  const revision = current ? (revisionOf(current.source.report.format) ?? CURRENT_REVISION) : CURRENT_REVISION;

  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.page}>
        <header className={styles.header}>
          <Title3 as="h1">政府信息公开年报检查</Title3>
          <Body1 className={styles.muted}>
            不需要 Office 或加载项：打开或拖入报告文件即检查（WPS、LibreOffice 填写的工作簿也可以）。文件只在本机浏览器中读取，不会上传。
          </Body1>
        </header>
        <section
          className={mergeClasses(styles.drop, dropping && styles.dropping)}
          aria-label="打开报告"
          onDragOver={(e) => {
            e.preventDefault();
            setDropping(true);
          }}
          onDragLeave={() => setDropping(false)}
          onDrop={onDrop}
        >
          <FileLink
            button="primary"
            inputLabel="选择要检查的报告文件"
            accept={CHECKER_ACCEPT}
            disabled={busy}
            onPick={(f) => checker.open(f)}
            onFail={checker.fail}
          >
            打开报告文件…
          </FileLink>
          <Caption1>或把文件拖到这里：报告工作簿（.xlsx）、报告 JSON、Word（.docx）、网页（.html）或文本（.txt）。</Caption1>
          <FileLink
            button="secondary"
            inputLabel="选择上年报告文件"
            accept={CHECKER_ACCEPT}
            disabled={busy}
            onPick={(f) => checker.openPrevious(f)}
            onFail={checker.fail}
          >
            {state.previous ? '换一份上年报告…' : '对比上年…'}
          </FileLink>
          {state.previous && (
            <Caption1>
              上年报告：{state.previous.name}{' '}
              <Link as="button" onClick={() => checker.clearPrevious()}>
                不再对比
              </Link>
            </Caption1>
          )}
        </section>
        {state.busy && <Spinner size="tiny" label={state.busy} />}
        {state.failure && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{state.failure.title}</MessageBarTitle>
              {state.failure.message}
            </MessageBarBody>
          </MessageBar>
        )}
        {state.notice && (
          <MessageBar intent={state.notice.intent} layout="multiline">
            <MessageBarBody>{state.notice.text}</MessageBarBody>
          </MessageBar>
        )}
        {current && state.summary && (
          <>
            <div className={styles.row} role="group" aria-label="下载">
              <Subtitle2 as="h2" aria-live="polite">
                {current.source.report.meta.agency ?? current.name}：{summaryText(state.summary)}
              </Subtitle2>
              <Button disabled={busy} onClick={() => void checker.downloadWord()}>
                下载Word报告
              </Button>
              <Checkbox checked={state.blankAsZero} label="空白按0写入" onChange={(_e, d) => checker.setBlankAsZero(d.checked === true)} />
              <Button disabled={busy} onClick={() => void checker.downloadWorkbook()}>
                下载标出问题的工作簿
              </Button>
              <Button disabled={busy} onClick={() => void checker.downloadList()}>
                下载问题清单
              </Button>
            </div>
            <div className={styles.body}>
              <section className={styles.findings} aria-label="问题">
                <Findings
                  findings={state.findings}
                  revision={revision}
                  filter={state.filter}
                  actions={{
                    onSelect: (f) => checker.select(f),
                    onReview: (f, reason) => void checker.review(f, reason),
                    onFillBlanks: (fs) => void checker.fillBlanks(fs),
                    onFilter: (f) => checker.setFilter(f),
                    busy,
                  }}
                />
              </section>
              <section className={styles.tables} aria-label="报告表格">
                <Tables revision={revision} values={current.source.report.values} findings={state.findings} selected={state.selected} />
              </section>
            </div>
          </>
        )}
        <footer>
          <Caption1 className={styles.muted}>
            <Link href="help.html" target="_blank">
              使用指南
            </Link>
            · 检查规则与 Excel 加载项、命令行相同。
          </Caption1>
        </footer>
      </main>
    </FluentProvider>
  );
}
