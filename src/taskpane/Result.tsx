/** 检查结果: the summary, the list of findings and what can be done with them (loaded with the first result). */
import { Badge, Body1, Caption1, Link, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { CURRENT_REVISION, summaryText } from '../core';
import { Findings } from './Findings';
import type { Controller, PaneState } from './pane-state';

const useStyles = makeStyles({
  result: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  links: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  summary: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export default function Result({ controller, state }: { controller: Controller; state: PaneState }) {
  const styles = useStyles();
  const result = state.result;
  if (!result) return null;
  const busy = state.busy !== null;
  return (
    <section aria-labelledby="result-title" className={styles.result}>
      <Subtitle2 as="h2" id="result-title">
        检查结果
      </Subtitle2>
      {state.stale && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>表格在检查后有改动，下面的结果可能已过时，请重新检查。</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.links}>
        <Link as="button" disabled={busy} onClick={() => void controller.exportProblems()}>
          导出问题清单
        </Link>
        {state.undoFill && (
          <Link as="button" disabled={busy} onClick={() => void controller.undoFillBlanks()}>
            撤销空白填0（{state.undoFill.cells.length}个单元格）
          </Link>
        )}
        {result.summary.reviewed > 0 && (
          <Link as="button" disabled={busy} onClick={() => void controller.resetReviews()}>
            重置已核实
          </Link>
        )}
      </div>
      {result.findings.length === 0 ? (
        <MessageBar layout="multiline" intent="success">
          <MessageBarBody>未发现问题：各项勾稽关系均成立。</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <div className={styles.summary} aria-label={`检查结果：${summaryText(result.summary)}`} role="status">
            <Badge appearance="filled" color="danger" aria-hidden>
              {result.summary.errors}
            </Badge>
            <Body1>个错误</Body1>
            <Badge appearance="filled" color="warning" aria-hidden>
              {result.summary.warnings}
            </Badge>
            <Body1>个警告</Body1>
            {result.summary.reviewed > 0 && (
              <>
                <Badge appearance="filled" color="success" aria-hidden>
                  {result.summary.reviewed}
                </Badge>
                <Body1>个已核实</Body1>
              </>
            )}
          </div>
          <Caption1>{result.sheet ? `已检查工作表“${result.sheet}”。` : ''}点击问题可选中对应单元格；核对无误的可标为已核实。</Caption1>
          <Findings
            findings={result.findings}
            revision={CURRENT_REVISION}
            filter={state.filter}
            actions={{
              busy,
              onSelect: (f) => void controller.select(f),
              onReview: (f, reason) => void controller.review(f, reason),
              onFillBlanks: (fs) => controller.fillBlanks(fs),
              onFilter: controller.setFilter,
            }}
          />
        </>
      )}
    </section>
  );
}
