import {
  Body1,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Subtitle1,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { RULE_DEFINITIONS, RULE_IDS } from '../core/rules';
import type { HostStatus } from './host';

const useStyles = makeStyles({
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
  rules: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  ruleId: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace },
});

function StatusBar({ status }: { status: HostStatus }) {
  switch (status.kind) {
    case 'ready':
      return null;
    case 'no-office':
      return (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>未连接到 Excel</MessageBarTitle>
            请在 Excel 中通过“信息公开年报”选项卡打开本加载项。
          </MessageBarBody>
        </MessageBar>
      );
    case 'unsupported':
      return (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Excel 版本过旧</MessageBarTitle>
            本加载项需要 Excel 2016 或更高版本（ExcelApi 1.4）。请升级 Office，或使用网页版 Excel。
          </MessageBarBody>
        </MessageBar>
      );
    case 'other-host':
      return (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>请在 Excel 中使用</MessageBarTitle>
            当前应用（{status.host}）暂不支持本加载项的功能。
          </MessageBarBody>
        </MessageBar>
      );
  }
}

export function App({ status }: { status: HostStatus }) {
  const styles = useStyles();
  const theme = status.kind !== 'no-office' && status.theme === 'dark' ? webDarkTheme : webLightTheme;
  return (
    <FluentProvider theme={theme}>
      <main className={styles.root}>
        <header className={styles.header}>
          <img className={styles.logo} src="assets/icon-32.png" alt="" />
          <Subtitle1 as="h1" className={styles.title}>政府信息公开年报助手</Subtitle1>
        </header>
        <StatusBar status={status} />
        <Body1>按2021年格式（国办公开办函〔2021〕30号）核对政府信息公开工作年度报告，每个问题都指明单元格并给出数字。</Body1>
        <section aria-labelledby="rules-title">
          <Subtitle2 as="h2" id="rules-title">
            核对规则
          </Subtitle2>
          <ul className={styles.rules}>
            {RULE_IDS.map((id) => (
              <li key={id}>
                <Body1>{RULE_DEFINITIONS[id].title}</Body1>
                <br />
                <Caption1 className={styles.ruleId}>{id}</Caption1>
              </li>
            ))}
          </ul>
        </section>
      </main>
    </FluentProvider>
  );
}
