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
  Subtitle1,
  Subtitle2,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import {
  CheckmarkCircle20Regular,
  ChevronDown16Regular,
  ChevronRight16Regular,
  DocumentTable20Regular,
  DocumentText20Regular,
  Eraser20Regular,
} from '@fluentui/react-icons';
import { lazy, useState, useSyncExternalStore } from 'react';
import type { Controller } from './pane-state';
import { Deferred, LoadFailure } from './Deferred';
import { ConfirmDialog, ConfirmErrors, Status } from './Status';
import { CONFIG_FILE_ACCEPT, REPORT_FILE_ACCEPT } from '../files/accept';
import { FileLink } from './FileLink';
import type { HostStatus } from './host';
import type { WordController } from './word-controller';

// What the first screen does not show loads when it is first shown: the result (after the first
// check, with the rules), the list of rules (when opened), the pane in Word.
const Result = lazy(() => import(/* webpackChunkName: "result" */ './Result'));
const RulesList = lazy(() => import(/* webpackChunkName: "result" */ './RulesList'));
const WordPane = lazy(() => import(/* webpackChunkName: "word-pane" */ './WordPane').then((m) => ({ default: m.WordPane })));

const useStyles = makeStyles({
  command: { whiteSpace: 'nowrap', fontSize: tokens.fontSizeBase200 },
  collected: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalM },
  collectList: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  collectError: { color: tokens.colorPaletteRedForeground1 },
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { margin: 0 },
  logo: { width: '32px', height: '32px', flexShrink: 0 },
  actions: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  button: { width: '100%', justifyContent: 'flex-start' },
  secondary: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  rules: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  // Lined up with the help link above it.
  rulesToggle: { paddingLeft: 0, minWidth: 0 },
  rulesPanel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, paddingTop: tokens.spacingVerticalXS },
  footer: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  localRules: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
});

function StatusBar({ status }: { status: HostStatus }) {
  const styles = useStyles();
  switch (status.kind) {
    case 'ready':
    case 'word':
      return null;
    case 'no-office':
      return (
        <MessageBar layout="multiline" intent="warning">
          <MessageBarBody>
            <MessageBarTitle>未连接到 Excel</MessageBarTitle>
            请在 Excel 中通过“信息公开年报”选项卡打开本加载项。
          </MessageBarBody>
        </MessageBar>
      );
    case 'unsupported':
      return (
        <MessageBar layout="multiline" intent="error">
          <MessageBarBody>
            <MessageBarTitle>Excel 版本过旧</MessageBarTitle>
            本加载项需要 Excel 2019 或更新版本（ExcelApi 1.7）：Excel 2019/2021/2024、Microsoft 365 或网页版
            Excel。暂时无法升级时，可照常填写报告工作簿：模板的“核对”工作表用公式核对合计；也可以在浏览器中打开{' '}
            <Link href="checker.html" target="_blank" rel="noopener">
              网页版检查
            </Link>
            （不需要 Office），或交主管部门用命令行检查（<code className={styles.command}>npm run cli -- check 报告.xlsx</code>）。
          </MessageBarBody>
        </MessageBar>
      );
    case 'load-failed':
      return <LoadFailure />;
    case 'other-host':
      return (
        <MessageBar layout="multiline" intent="warning">
          <MessageBarBody>
            <MessageBarTitle>请在 Excel 中使用</MessageBarTitle>
            当前应用（{status.host}）暂不支持本加载项的功能。
          </MessageBarBody>
        </MessageBar>
      );
  }
}

function Workspace({ controller }: { controller: Controller }) {
  const styles = useStyles();
  const state = useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);
  const busy = state.busy !== null;

  return (
    <>
      <div className={styles.actions} role="group" aria-label="操作">
        <Button appearance="primary" className={styles.button} icon={<CheckmarkCircle20Regular />} disabled={busy} onClick={() => void controller.check()}>
          检查报告
        </Button>
        <Button className={styles.button} icon={<DocumentTable20Regular />} disabled={busy} onClick={() => void controller.generateTemplate()}>
          生成模板
        </Button>
        <Button className={styles.button} icon={<Eraser20Regular />} disabled={busy} onClick={() => void controller.clearMarks()}>
          清除标记
        </Button>
        <Button className={styles.button} icon={<DocumentText20Regular />} disabled={busy} onClick={() => void controller.generateWord()}>
          生成Word报告
        </Button>
        <Checkbox
          checked={state.blankAsZero}
          disabled={busy}
          onChange={(_e, d) => controller.setBlankAsZero(d.checked === true)}
          label="Word报告中空白单元格显示为0"
        />
        <Checkbox
          checked={state.withRegister}
          disabled={busy}
          onChange={(_e, d) => controller.setWithRegister(d.checked === true)}
          label="生成模板时加入申请台账（表三、表四由台账自动计算）"
        />
        <div className={styles.secondary}>
          <FileLink
            inputLabel="选择用于生成模板的报告文件"
            accept={REPORT_FILE_ACCEPT}
            disabled={busy}
            onPick={(f) => controller.generateTemplate(f)}
            onFail={controller.fail}
          >
            用已有报告生成模板…
          </FileLink>
          <FileLink
            inputLabel="选择上年报告文件"
            accept={REPORT_FILE_ACCEPT}
            disabled={busy}
            onPick={(f) => controller.setPrevious(f)}
            onFail={controller.fail}
          >
            对比上年报告…
          </FileLink>
          <FileLink
            inputLabel="选择本地规则文件"
            accept={CONFIG_FILE_ACCEPT}
            disabled={busy}
            onPick={(f) => controller.setLocalRules(f)}
            onFail={controller.fail}
          >
            载入本地规则…
          </FileLink>
          <FileLink
            inputLabel="选择要汇总的各单位报告"
            accept={`${REPORT_FILE_ACCEPT},.csv`}
            disabled={busy}
            onPickMany={(files) => controller.collect(files)}
            onFail={controller.fail}
          >
            汇总多个报告…
          </FileLink>
        </div>
        {state.collected && (
          <section aria-label="汇总结果" className={styles.collected}>
            <Subtitle2>{state.collected.year ? `${state.collected.year}年度` : ''}汇总结果</Subtitle2>
            <Caption1>已写入工作表“{state.collected.sheets.join('”“')}”。</Caption1>
            {state.collected.findings.length > 0 && (
              <ul className={styles.collectList}>
                {state.collected.findings.map((f, i) => (
                  <li key={i}>
                    <Body1 className={f.severity === 'error' ? styles.collectError : undefined}>{f.message}</Body1>
                  </li>
                ))}
              </ul>
            )}
            <ul className={styles.collectList} aria-label="各单位">
              {state.collected.units.map((u, i) => (
                <li key={i}>
                  <Body1>
                    {u.name}：{u.statusText}
                    {u.status === 'included' ? `，${u.errors} 个错误，${u.warnings} 个警告` : ''}
                  </Body1>
                </li>
              ))}
            </ul>
          </section>
        )}
        {state.localRules && (
          <div className={styles.localRules} role="note" aria-label="本地规则">
            <Caption1>
              <strong>按本工作簿携带的本地规则检查：</strong>
            </Caption1>
            <ul className={styles.rules}>
              {state.localRules.map((line) => (
                <li key={line}>
                  <Caption1>{line}</Caption1>
                </li>
              ))}
            </ul>
            <Link as="button" disabled={busy} onClick={() => void controller.removeLocalRules()}>
              改用全国规则
            </Link>
          </div>
        )}
        {state.previous && (
          <div className={styles.secondary}>
            <Caption1>
              上年报告：{state.previous.name}
              {state.previous.year ? `（${state.previous.year}年度）` : ''}
            </Caption1>
            <Link as="button" disabled={busy} onClick={() => void controller.setPrevious(null)}>
              不再对比
            </Link>
          </div>
        )}
      </div>

      <Status busy={state.busy} failure={state.failure} notice={state.notice} onDismiss={controller.dismiss} />

      <ConfirmErrors
        errors={state.confirmWord?.errors ?? null}
        confirmLabel="仍然生成"
        cancelLabel="返回修改"
        onConfirm={() => void controller.generateWord(true)}
        onCancel={controller.cancelWord}
      >
        这些错误会出现在发布的报告里（问题已列在任务窗格中）。建议先改正再生成。仍然生成Word报告吗？
      </ConfirmErrors>

      <ConfirmDialog
        open={state.confirmRemoveRules}
        title="删除本地规则？"
        confirmLabel="删除，改用全国规则"
        cancelLabel="保留"
        primary="cancel"
        onConfirm={() => void controller.removeLocalRules(true)}
        onCancel={controller.cancelRemoveRules}
      >
        本工作簿携带的本地规则（通常由下发模板的单位设定）将被删除，此后按全国规则检查。需要时可以再用“载入本地规则…”存入。
      </ConfirmDialog>

      <ConfirmDialog
        open={state.confirmFill !== null}
        title={`在 ${state.confirmFill?.cells.length ?? 0} 个空白单元格中填入0？`}
        confirmLabel="填入0"
        cancelLabel="取消"
        onConfirm={() => void controller.confirmFillBlanks()}
        onCancel={controller.cancelFill}
      >
        只在仍为空白的这些单元格中写入0（按格式要求，没有的数量填0），不改动其他任何单元格；完成后重新检查，并可撤销。
      </ConfirmDialog>

      <ConfirmDialog
        open={state.confirmResetReviews}
        title="删除全部核实记录？"
        confirmLabel="删除核实记录"
        cancelLabel="保留"
        primary="cancel"
        onConfirm={() => void controller.resetReviews(true)}
        onCancel={controller.cancelResetReviews}
      >
        已核实的问题将重新按错误和警告列出，“核实记录”工作表将被删除。
      </ConfirmDialog>

      {!state.result && state.workbook === 'empty' && (
        <MessageBar layout="multiline" intent="info">
          <MessageBarBody>
            <MessageBarTitle>第一步：生成模板</MessageBarTitle>
            本工作簿还没有年度报告的表格。点击“生成模板”，在新工作表中生成国务院规定格式的三张表和正文页（不改动已有内容）；已有往年报告的，可用“用已有报告生成模板…”预先填好。
          </MessageBarBody>
        </MessageBar>
      )}
      {!state.result && state.workbook === 'template' && <Caption1>在“报告数据”和“报告正文”工作表的黄色单元格中填写，然后点击“检查报告”。</Caption1>}

      {state.result && (
        <Deferred loading="正在载入检查结果…">
          <Result controller={controller} state={state} />
        </Deferred>
      )}
    </>
  );
}

/**
 * 核对规则: a disclosure whose list (with the rules' texts) loads when it is first opened. Not an
 * Accordion: that component brings arrow-key navigation and motion code the first screen needs nowhere else.
 */
function RulesSection() {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  return (
    <section aria-label="核对规则">
      <Button
        appearance="subtle"
        size="small"
        className={styles.rulesToggle}
        icon={open ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
        aria-expanded={open}
        aria-controls="rules-list"
        onClick={() => setOpen(!open)}
      >
        核对规则
      </Button>
      {open && (
        <div id="rules-list" className={styles.rulesPanel}>
          <Deferred loading="正在载入规则…">
            <RulesList />
          </Deferred>
        </div>
      )}
    </section>
  );
}

export function App({ status, controller, wordController }: { status: HostStatus; controller?: Controller; wordController?: WordController }) {
  const styles = useStyles();
  const theme = status.kind !== 'no-office' && status.theme === 'dark' ? webDarkTheme : webLightTheme;
  return (
    <FluentProvider theme={theme}>
      <main className={styles.root}>
        <header className={styles.header}>
          <img className={styles.logo} src="assets/icon-32.png" alt="" />
          <Subtitle1 as="h1" className={styles.title}>
            政府信息公开年报助手
          </Subtitle1>
        </header>
        <StatusBar status={status} />
        {status.kind === 'ready' && controller ? <Workspace controller={controller} /> : null}
        {status.kind === 'word' && wordController ? (
          <Deferred loading="正在载入…">
            <WordPane controller={wordController} canInsert={status.canInsert} />
          </Deferred>
        ) : null}
        <div className={styles.footer}>
          <Link href="help.html" target="_blank" rel="noopener">
            帮助：使用指南和核对规则
          </Link>
        </div>
        <RulesSection />
      </main>
    </FluentProvider>
  );
}
