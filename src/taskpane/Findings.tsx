import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Body1, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ErrorCircle16Filled, Warning16Filled } from '@fluentui/react-icons';
import { RULES, SEVERITY_LABELS, type Finding, type FormatRevision } from '../core';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    width: '100%',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    fontFamily: tokens.fontFamilyBase,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  icon: { flexShrink: 0, marginTop: '2px' },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteMarigoldForeground1 },
  text: { overflowWrap: 'anywhere' },
  rule: { display: 'block', color: tokens.colorNeutralForeground3 },
});

function SeverityIcon({ severity }: { severity: Finding['severity'] }) {
  const styles = useStyles();
  const cls = mergeClasses(styles.icon, styles[severity]);
  return severity === 'error' ? <ErrorCircle16Filled className={cls} aria-hidden /> : <Warning16Filled className={cls} aria-hidden />;
}

export function Findings({ findings, revision, onSelect }: { findings: readonly Finding[]; revision: FormatRevision; onSelect: (f: Finding) => void }) {
  const styles = useStyles();
  const groups = revision.findingGroups
    .map((g) => ({ ...g, items: findings.filter((f) => revision.placeGroup(f.cells[0] ?? '') === g.id) }))
    .filter((g) => g.items.length > 0);
  const open = groups.filter((g) => g.items.some((f) => f.severity === 'error')).map((g) => g.id);
  return (
    <Accordion multiple collapsible defaultOpenItems={open.length > 0 ? open : groups.map((g) => g.id)}>
      {groups.map((g) => {
        const errors = g.items.filter((f) => f.severity === 'error').length;
        const warnings = g.items.filter((f) => f.severity === 'warning').length;
        return (
          <AccordionItem key={g.id} value={g.id}>
            <AccordionHeader size="small">
              {g.title}（{[errors ? `${errors}个错误` : '', warnings ? `${warnings}个警告` : ''].filter(Boolean).join('，')}）
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list}>
                {g.items.map((f, i) => (
                  <li key={`${f.rule}-${f.cells.join('|')}-${i}`}>
                    <button type="button" className={styles.item} onClick={() => onSelect(f)} aria-label={`${SEVERITY_LABELS[f.severity]}：${f.message}`}>
                      <SeverityIcon severity={f.severity} />
                      <span className={styles.text}>
                        <Body1>{f.message}</Body1>
                        <Caption1 className={styles.rule} title={RULES[f.rule].description}>
                          {RULES[f.rule].title} · {f.rule}
                        </Caption1>
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        );
      })}
    </Accordion>
  );
}
