import { Body1, Button, Checkbox, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentArrowDown20Regular } from '@fluentui/react-icons';
import { useRef, useSyncExternalStore } from 'react';
import { REPORT_FILE_ACCEPT } from '../files/accept';
import { readPickedFile } from './pick';
import { ConfirmErrors, Status } from './Status';
import type { WordController } from './word-controller';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  button: { width: '100%', justifyContent: 'flex-start' },
  hidden: { display: 'none' },
});

/** The pane in Word: pick a report workbook or JSON, insert the generated report. */
export function WordPane({ controller, canInsert }: { controller: WordController; canInsert: boolean }) {
  const styles = useStyles();
  const state = useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);
  const input = useRef<HTMLInputElement>(null);
  const picked = useRef<{ name: string; bytes: Uint8Array } | null>(null);

  if (!canInsert) {
    return (
      <MessageBar layout="multiline" intent="warning">
        <MessageBarBody>
          <MessageBarTitle>此版本的 Word 不支持插入报告</MessageBarTitle>
          插入报告需要 Word 2016 或更高版本（WordApi 1.1）。也可以在 Excel 中点击“生成Word报告”下载后打开。
        </MessageBarBody>
      </MessageBar>
    );
  }

  const onFile = async (files: FileList | null) => {
    const file = files?.[0];
    if (input.current) input.current.value = '';
    if (!file) return;
    try {
      picked.current = await readPickedFile(file);
    } catch (e) {
      controller.fail({ title: `无法读取“${file.name}”`, message: e instanceof Error ? e.message : String(e) });
      return;
    }
    await controller.insertReport(picked.current);
  };

  return (
    <div className={styles.column}>
      <Body1>选择填好的报告工作簿（.xlsx）或报告 JSON（也可以是已发布的报告），生成的年度报告会插入到当前文档末尾。</Body1>
      <Button
        appearance="primary"
        className={styles.button}
        icon={<DocumentArrowDown20Regular />}
        disabled={state.busy !== null}
        onClick={() => input.current?.click()}
      >
        选择报告并插入…
      </Button>
      <Checkbox checked={state.blankAsZero} onChange={(_e, d) => controller.setBlankAsZero(d.checked === true)} label="空白单元格显示为0" />
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept={REPORT_FILE_ACCEPT}
        aria-label="选择报告文件"
        onChange={(e) => void onFile(e.target.files)}
      />
      <Status busy={state.busy} failure={state.failure} notice={state.notice} onDismiss={controller.dismiss} />
      <ConfirmErrors
        errors={state.confirm?.errors ?? null}
        confirmLabel="仍然插入"
        cancelLabel="返回修改"
        onConfirm={() => picked.current && void controller.insertReport(picked.current, true)}
        onCancel={controller.cancel}
      >
        “{state.confirm?.name}”的表格有未通过核对的数字。建议先在 Excel 中检查并改正。仍然插入吗？
      </ConfirmErrors>
    </div>
  );
}
