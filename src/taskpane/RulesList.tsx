/** The pane's list of the rules it checks (loaded when the list is opened). */
import { Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { CURRENT_REVISION, RULES, RULE_IDS } from '../core';

const useStyles = makeStyles({
  rules: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  ruleId: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace },
});

export default function RulesList() {
  const styles = useStyles();
  return (
    <>
      <Caption1>
        共{RULE_IDS.length}条，{CURRENT_REVISION.name}
      </Caption1>
      <ul className={styles.rules} aria-label="核对规则">
        {RULE_IDS.map((id) => (
          <li key={id}>
            <Body1>{RULES[id].title}</Body1>
            <br />
            <Caption1>{RULES[id].description}</Caption1>
            <br />
            <Caption1 className={styles.ruleId}>
              依据：{RULES[id].source} · {id}
            </Caption1>
          </li>
        ))}
      </ul>
    </>
  );
}
